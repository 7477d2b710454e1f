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
            name = "reject-or-continue")
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

    String describe();
}
