/**
 * The model as a judge. {@link tlsconf.model.oracle.Oracle} decides each event
 * ({@link tlsconf.model.oracle.Decision}: accepted, ignored, or rejected with the
 * {@link tlsconf.model.oracle.Reaction} the RFC prescribes); {@link tlsconf.model.oracle.Judge} compares an
 * {@link tlsconf.model.oracle.Observation} with that reaction at a {@link tlsconf.model.oracle.Strictness}.
 */
package tlsconf.model.oracle;
