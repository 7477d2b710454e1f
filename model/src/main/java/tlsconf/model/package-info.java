/**
 * The TLS handshake as data: four explicit finite-state machines ({@link tlsconf.model.Models}: TLS 1.3 and
 * TLS 1.2, client and server), each a {@link tlsconf.model.Model} with states (enums implementing
 * {@link tlsconf.model.State}), a transition table of {@link tlsconf.model.Transition}s with an RFC
 * {@link tlsconf.model.Citation} each, and {@link tlsconf.model.Guard}s over the run's
 * {@link tlsconf.model.RunParameters}. No crypto, no I/O, no dependencies.
 *
 * <p>Subpackages: {@code event} (what happens), {@code tls13} and {@code tls12} (the tables), {@code oracle}
 * (allowed or not, expected reaction, judging), {@code generate} (valid paths, deviations, sampling),
 * {@code export} (DOT, Mermaid, text table). {@code vocabulary} is shared with the other modules.
 */
package tlsconf.model;
