package tlsconf.model;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A branch condition of a transition: a named predicate over the {@link RunParameters} and nothing else. The
 * label is what the diagrams show ({@code clientAuth && !psk}).
 */
public record Guard(String label, Predicate<RunParameters> condition) {

    public static final Guard ALWAYS = new Guard("", p -> true);
    public static final Guard HRR = new Guard("hrr", RunParameters::helloRetryRequest);
    public static final Guard RESUMPTION = new Guard("resumption", RunParameters::resumption);
    public static final Guard CLIENT_AUTH = new Guard("clientAuth", RunParameters::clientAuthRequested);
    public static final Guard CLIENT_CERT_EMPTY = new Guard("clientCert=empty", RunParameters::clientCertificateEmpty);
    public static final Guard CLIENT_CERT_NON_EMPTY = new Guard("clientCert=nonEmpty",
            p -> p.clientCertificate() == RunParameters.ClientCertificate.NON_EMPTY);
    public static final Guard EARLY_OFFERED = new Guard("earlyOffered", RunParameters::earlyDataOffered);
    public static final Guard EARLY_ACCEPTED = new Guard("earlyAccepted", RunParameters::earlyDataAccepted);
    public static final Guard EARLY_REJECTED = new Guard("earlyRejected",
            p -> p.earlyData() == RunParameters.EarlyData.OFFERED_REJECTED);
    public static final Guard RSA = new Guard("kx=RSA", p -> p.keyExchange() == RunParameters.KeyExchange.RSA);
    public static final Guard ECDHE = new Guard("kx=ECDHE", p -> p.keyExchange() == RunParameters.KeyExchange.ECDHE);
    public static final Guard TICKET = new Guard("ticket", RunParameters::sessionTicket);
    public static final Guard POST_HANDSHAKE_AUTH = new Guard("postHandshakeAuth", RunParameters::postHandshakeAuth);

    public Guard {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(condition, "condition");
    }

    public boolean test(RunParameters parameters) {
        return condition.test(parameters);
    }

    public boolean isAlways() {
        return label.isEmpty();
    }

    public Guard not() {
        String l = label.contains(" ") || label.contains("=") ? "!(" + label + ")" : "!" + label;
        return new Guard(l, condition.negate());
    }

    public Guard and(Guard other) {
        if (isAlways()) {
            return other;
        }
        if (other.isAlways()) {
            return this;
        }
        return new Guard(label + " && " + other.label, condition.and(other.condition));
    }

    @Override
    public String toString() {
        return isAlways() ? "(always)" : label;
    }
}
