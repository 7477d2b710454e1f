package tlsconf.conformance.verdict;

import java.util.List;
import java.util.stream.Collectors;
import tlsconf.model.vocabulary.AlertDescription;

@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        property = "kind")
@com.fasterxml.jackson.annotation.JsonSubTypes({
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Expectation.Accept.class, name = "accept"),
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Expectation.Reject.class, name = "reject"),
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Expectation.RejectOrContinue.class,
            name = "reject-or-continue"),
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Expectation.IgnoreOrWarn.class, name = "ignore-or-warn")
})
/** What a conforming target must do with a scenario: the judge compares an {@link Observation} with it. */
public sealed interface Expectation {

    /** The target must complete the handshake (a valid path, or a deviation the RFC says to ignore). */
    record Accept(String section) implements Expectation {
        @Override
        public String describe() {
            return "handshake completes (RFC section " + section + ")";
        }
    }

    /**
     * The target must refuse: a fatal alert from {@code acceptable} (the first one is the preferred one), then
     * close. {@code section} is the RFC section that names the alert.
     */
    record Reject(List<AlertDescription> acceptable, String section) implements Expectation {
        public Reject {
            if (acceptable.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one acceptable alert");
            }
            acceptable = List.copyOf(acceptable);
        }

        public static Reject of(String section, AlertDescription preferred, AlertDescription... others) {
            return new Reject(java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(preferred), java.util.Arrays.stream(others)).toList(), section);
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public AlertDescription preferred() {
            return acceptable.get(0);
        }

        @Override
        public String describe() {
            String alerts = acceptable.stream().map(AlertDescription::toString).collect(Collectors.joining(" or "));
            return "fatal alert " + alerts + " (RFC section " + section + ")";
        }
    }

    /**
     * Either a rejection as {@code reject} says, or completing the handshake: where the RFC lets the target choose
     * (RFC 8446 §4.4.2.4: a server may continue with an unauthenticated client instead of aborting).
     */
    record RejectOrContinue(Reject reject) implements Expectation {
        @Override
        public String describe() {
            return reject.describe() + ", or the handshake completes without the certificate";
        }
    }

    /**
     * A request the target may decline without ending the connection: a renegotiation on an established TLS 1.2
     * connection (RFC 5246 §7.4.1.1, §7.2.2; RFC 5746). Conforming reactions, all passing at every strictness: the
     * warning alert {@code warning} (no_renegotiation, "always a warning"); carrying on as if nothing came, where
     * {@code mayIgnore}; a renegotiation with the RFC 5746 signalling right, where {@code mayRenegotiate}; a fatal
     * alert from {@code fatal} (RFC 5746 §3: "abort the handshake" is a fatal handshake_failure). At strictness
     * alert any other error alert passes too (the target did refuse), at close also a close; renegotiating with
     * wrong signalling, hanging, or carrying on where that is not allowed fail at every level. Judged here, not by
     * the model's oracle: the model knows the no_renegotiation refusal only, not the fatal abort of RFC 5746 nor
     * a renegotiation.
     *
     * @param rfc     the RFC that names the reaction (5246 or 5746)
     * @param section its section
     */
    record IgnoreOrWarn(AlertDescription warning, boolean mayIgnore, boolean mayRenegotiate,
                        List<AlertDescription> fatal, int rfc, String section) implements Expectation {
        public IgnoreOrWarn {
            java.util.Objects.requireNonNull(warning, "warning");
            fatal = List.copyOf(fatal);
        }

        @Override
        public String describe() {
            List<String> ways = new java.util.ArrayList<>();
            if (mayIgnore) {
                ways.add("ignored (the connection continues)");
            }
            ways.add("warning alert " + warning);
            if (mayRenegotiate) {
                ways.add("a renegotiation signalled as RFC 5746 says");
            }
            if (!fatal.isEmpty()) {
                ways.add("fatal alert " + fatal.stream().map(AlertDescription::toString)
                        .collect(Collectors.joining(" or ")));
            }
            return String.join(", ", ways.subList(0, ways.size() - 1)) + (ways.size() > 1 ? " or " : "")
                    + ways.get(ways.size() - 1) + " (RFC " + rfc + " section " + section + ")";
        }
    }

    String describe();
}
