/**
 * Deterministic enumeration of valid paths ({@link tlsconf.model.generate.PathGenerator}) and of deviations
 * ({@link tlsconf.model.generate.DeviationGenerator}), seeded sampling ({@link tlsconf.model.generate.Sampler})
 * and shrinking ({@link tlsconf.model.generate.Shrinker}).
 */
package tlsconf.model.generate;
