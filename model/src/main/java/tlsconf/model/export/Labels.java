package tlsconf.model.export;

import tlsconf.model.Transition;

/** Edge labels shared by the exporters: the event, then the guard in brackets. */
final class Labels {

    private Labels() {
    }

    static String event(Transition t) {
        return t.event().toString();
    }

    static String guard(Transition t) {
        return t.guard().isAlways() ? "" : "[" + t.guard().label() + "]";
    }
}
