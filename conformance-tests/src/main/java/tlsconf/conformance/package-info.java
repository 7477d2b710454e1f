/**
 * The conformance engine (issue 6): a catalogue of checks, each citing the RFC requirement it tests, produces
 * scenarios; a test peer built on the reference implementation plays each scenario against a target; the target's
 * reaction is judged against the expected reaction at a chosen strictness; reports are written from the results.
 *
 * <p>Packages, in the order data flows through them:
 * <ul>
 *   <li>{@code check}: the catalogue ({@code Check}, {@code Requirement}, {@code Applicability}) and the property
 *       families that generate scenarios;</li>
 *   <li>{@code scenario}: a scenario as data (a handshake plus faults), serialisable for replay files;</li>
 *   <li>{@code target}: what is tested (in-process reference, a server address, a client command, presets);</li>
 *   <li>{@code peer}: the attacking peer that plays a scenario over a target connection;</li>
 *   <li>{@code verdict}: observations, expectations, strictness and the judge;</li>
 *   <li>{@code run}: the runner (one code path for the CLI and the JUnit factory), shrinking;</li>
 *   <li>{@code known}: the known-deviations file;</li>
 *   <li>{@code report}: console table, report.json, report.html, JUnit XML, replay files.</li>
 * </ul>
 */
package tlsconf.conformance;
