package tlsconf.model.oracle;

import java.util.Objects;
import tlsconf.model.event.Event;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;

/** What the side under test did after an event, as the conformance engine saw it. */
public sealed interface Observation {

    /** One line for reports. */
    String describe();

    /** It sent an alert. */
    record AlertReceived(AlertLevel level, AlertDescription description) implements Observation {
        public AlertReceived {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(description, "description");
        }

        @Override
        public String describe() {
            return (level == AlertLevel.FATAL ? "fatal" : "warning") + " alert " + description;
        }
    }

    /** It closed the transport without an alert. */
    record ConnectionClosed() implements Observation {
        @Override
        public String describe() {
            return "connection closed without an alert";
        }
    }

    /** Nothing within the time bound. */
    record TimedOut() implements Observation {
        @Override
        public String describe() {
            return "no reaction before the timeout";
        }
    }

    /** It completed the handshake. */
    record HandshakeCompleted() implements Observation {
        @Override
        public String describe() {
            return "handshake completed";
        }
    }

    /** It carried on and sent a message. */
    record MessageReceived(Event event) implements Observation {
        public MessageReceived {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String describe() {
            return "carried on: " + event;
        }
    }
}
