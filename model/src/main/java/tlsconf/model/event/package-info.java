/**
 * Events of a trace as the modelled side sees them: {@link tlsconf.model.event.Direction} (sent or received),
 * {@link tlsconf.model.event.MessageKind} (every TLS 1.3 and 1.2 handshake message, ChangeCipherSpec with a valid
 * or invalid value, application data, close_notify, no_renegotiation) and {@link tlsconf.model.event.Protection}
 * (the keys it travelled under).
 */
package tlsconf.model.event;
