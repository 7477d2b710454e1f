package tlsconf.model.oracle;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import tlsconf.model.Citation;
import tlsconf.model.vocabulary.AlertDescription;

/** What a conforming side must do with an event: drop it, abort with an alert, or at least close. */
public sealed interface Reaction {

    /** The RFC text that prescribes the reaction. */
    Citation citation();

    /** One line: {@code fatal alert unexpected_message (10) [RFC 8446 §4]}. */
    String describe();

    /** Drop the event and carry on (RFC 8446 §5 middlebox CCS, §4.2.10 rejected 0-RTT, RFC 5246 §7.4.1.1). */
    record Ignore(Citation citation) implements Reaction {
        public Ignore {
            Objects.requireNonNull(citation, "citation");
        }

        @Override
        public String describe() {
            return "ignore the message and continue [" + citation.reference() + "]";
        }
    }

    /**
     * Abort with a fatal alert. {@code acceptable} lists the alerts the RFC allows, {@code preferred} first;
     * {@code violation} names what was wrong in a few words.
     */
    record Abort(AlertDescription preferred, List<AlertDescription> acceptable, Citation citation, String violation)
            implements Reaction {
        public Abort {
            Objects.requireNonNull(preferred, "preferred");
            Objects.requireNonNull(citation, "citation");
            Objects.requireNonNull(violation, "violation");
            acceptable = List.copyOf(acceptable);
            if (acceptable.isEmpty() || !acceptable.get(0).equals(preferred)) {
                throw new IllegalArgumentException("the preferred alert comes first among the acceptable ones");
            }
        }

        /** An abort that allows exactly one alert. */
        public static Abort with(AlertDescription alert, Citation citation, String violation) {
            return new Abort(alert, List.of(alert), citation, violation);
        }

        /** An abort with a preferred alert and other acceptable ones. */
        public static Abort with(Citation citation, String violation, AlertDescription preferred,
                AlertDescription... others) {
            List<AlertDescription> all = new java.util.ArrayList<>();
            all.add(preferred);
            all.addAll(List.of(others));
            return new Abort(preferred, all, citation, violation);
        }

        @Override
        public String describe() {
            String alerts = acceptable.stream().map(AlertDescription::toString).collect(Collectors.joining(" or "));
            return "fatal alert " + alerts + " (" + violation + ") [" + citation.reference() + "]";
        }
    }

    /**
     * End the connection without completing the handshake; no particular alert is required (the peer itself
     * closed or sent an alert that ends the connection, RFC 8446 §6, RFC 5246 §7.2).
     */
    record Close(Citation citation, String violation) implements Reaction {
        public Close {
            Objects.requireNonNull(citation, "citation");
            Objects.requireNonNull(violation, "violation");
        }

        @Override
        public String describe() {
            return "close without completing the handshake (" + violation + ") [" + citation.reference() + "]";
        }
    }
}
