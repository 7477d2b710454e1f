package tlsconf.model.event;

/** Whether the modelled side sent an event or received it from its peer. */
public enum Direction {
    SENT("send"),
    RECEIVED("recv");

    private final String verb;

    Direction(String verb) {
        this.verb = verb;
    }

    /** "send" or "recv", as in the exported diagrams. */
    public String verb() {
        return verb;
    }
}
