/**
 * The vocabulary shared by every module: protocol versions, roles, record content types, handshake message
 * types and alerts, with their wire numbers (RFC 8446 §4, §5.1, §6; RFC 5246 §7.2, §7.4).
 *
 * <p>The reference implementation may use these names; it must never use the model's transition tables, so that
 * checking one against the other proves something.
 */
package tlsconf.model.vocabulary;
