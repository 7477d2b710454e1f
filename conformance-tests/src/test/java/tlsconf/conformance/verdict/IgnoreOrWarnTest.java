package tlsconf.conformance.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.conformance.report.ReplayFile;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The declined-renegotiation expectation and the two observations added with it, judged at each strictness. */
class IgnoreOrWarnTest {
    /** A HelloRequest to a client (RFC 5246 §7.4.1.1): ignore, warn, or renegotiate securely. */
    private static final Expectation HELLO_REQUEST = new Expectation.IgnoreOrWarn(AlertDescription.NO_RENEGOTIATION,
            true, true, List.of(), 5246, "7.4.1.1");
    /** A bad renegotiation ClientHello to a server (RFC 5746 §3.7): warn or abort with handshake_failure. */
    private static final Expectation BAD_CLIENT_HELLO = new Expectation.IgnoreOrWarn(
            AlertDescription.NO_RENEGOTIATION, false, false, List.of(AlertDescription.HANDSHAKE_FAILURE), 5746, "3.7");

    @TempDir
    Path dir;

    private static String levels(Expectation e, Observation o) {
        return Judge.judge(e, o, Strictness.EXACT).levelsSummary();
    }

    @Test
    void theWarningPassesEveryLevelButOnlyAtWarningLevel() {
        String all = "exact: pass, alert: pass, close: pass";
        assertEquals(all, levels(HELLO_REQUEST, Observation.Alert.of(AlertLevel.WARNING,
                AlertDescription.NO_RENEGOTIATION)));
        assertEquals(all, levels(BAD_CLIENT_HELLO, Observation.Alert.of(AlertLevel.WARNING,
                AlertDescription.NO_RENEGOTIATION)));
        // "This message is always a warning" (RFC 5246 §7.2.2): a fatal one is some other refusal.
        assertEquals("exact: fail, alert: pass, close: pass", levels(HELLO_REQUEST,
                Observation.Alert.of(AlertLevel.FATAL, AlertDescription.NO_RENEGOTIATION)));
    }

    @Test
    void aListedFatalAlertPassesAndAnyOtherOnlyBelowExact() {
        assertEquals("exact: pass, alert: pass, close: pass", levels(BAD_CLIENT_HELLO,
                Observation.Alert.of(AlertLevel.FATAL, AlertDescription.HANDSHAKE_FAILURE)));
        assertEquals("exact: fail, alert: pass, close: pass", levels(BAD_CLIENT_HELLO,
                Observation.Alert.of(AlertLevel.FATAL, AlertDescription.UNEXPECTED_MESSAGE)));
        assertEquals("exact: fail, alert: pass, close: pass", levels(HELLO_REQUEST,
                Observation.Alert.of(AlertLevel.FATAL, AlertDescription.HANDSHAKE_FAILURE)));
    }

    @Test
    void carryingOnPassesOnlyWhereIgnoringIsAllowed() {
        Observation ignored = new Observation.Continued("silent, then answered close_notify");
        assertEquals("exact: pass, alert: pass, close: pass", levels(HELLO_REQUEST, ignored));
        assertEquals("exact: fail, alert: fail, close: fail", levels(BAD_CLIENT_HELLO, ignored));
    }

    @Test
    void renegotiatingPassesOnlyWhenAllowedAndSignalledAsRfc5746Says() {
        Observation good = new Observation.Renegotiated(true, "ClientHello with the saved verify_data");
        Observation bad = new Observation.Renegotiated(false, "ClientHello with the SCSV");
        assertEquals("exact: pass, alert: pass, close: pass", levels(HELLO_REQUEST, good));
        assertEquals("exact: fail, alert: fail, close: fail", levels(HELLO_REQUEST, bad));
        assertEquals("exact: fail, alert: fail, close: fail", levels(BAD_CLIENT_HELLO, good));
    }

    @Test
    void closingCountsOnlyAsCloseAndSilenceNever() {
        assertEquals("exact: fail, alert: fail, close: pass", levels(BAD_CLIENT_HELLO, new Observation.Closed()));
        assertEquals("exact: fail, alert: fail, close: pass", levels(BAD_CLIENT_HELLO,
                Observation.Alert.of(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY)));
        assertEquals("exact: fail, alert: fail, close: fail", levels(HELLO_REQUEST, new Observation.Timeout(2000)));
        assertEquals("exact: fail, alert: fail, close: fail", levels(HELLO_REQUEST,
                new Observation.NotPlayable("x")));
    }

    @Test
    void anAlertUnderUnknownKeysIsAnAlertOfUnknownDescription() {
        Observation sealed = new Observation.EncryptedAlert(35, "under keys the peer cannot reproduce");
        assertEquals("exact: fail, alert: pass, close: pass", levels(HELLO_REQUEST, sealed));
        assertEquals("exact: fail, alert: pass, close: pass",
                levels(Expectation.Reject.of("4", AlertDescription.UNEXPECTED_MESSAGE), sealed));
        assertEquals("exact: fail, alert: fail, close: fail", levels(new Expectation.Accept("4"), sealed));
        assertTrue(sealed.describe().contains("description unknown"), sealed.describe());
    }

    @Test
    void theDescriptionNamesEveryAllowedReactionAndTheSection() {
        assertEquals("ignored (the connection continues), warning alert no_renegotiation (100) or a "
                + "renegotiation signalled as RFC 5746 says (RFC 5246 section 7.4.1.1)", HELLO_REQUEST.describe());
        assertEquals("warning alert no_renegotiation (100) or fatal alert handshake_failure (40) (RFC 5746 "
                + "section 3.7)", BAD_CLIENT_HELLO.describe());
    }

    @Test
    void aReplayFileKeepsTheExpectationAndTheNewFault() throws Exception {
        Scenario s = new Scenario("tls12.order.secure-renegotiation", 0, TlsVersion.TLS_1_2, Role.SERVER, List.of(),
                List.of(new Fault.SecureRenegotiation()), BAD_CLIENT_HELLO);
        Path f = dir.resolve("r.json");
        new ReplayFile(new TargetSpec("openssl", "server", null, null), "server", Strictness.EXACT, 7,
                s.checkId(), s, "warning alert no_renegotiation").write(f, List.of("line"));
        assertEquals(s, ReplayFile.read(f).scenario());
    }
}
