package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.conformance.report.ReplayFile;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Strictness;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** Replay files keep a scenario exactly: every fault and mutation kind survives writing and reading. */
class ReplayFileTest {
    @TempDir
    Path dir;

    @Test
    void everyFaultKindRoundTrips() throws Exception {
        List<Fault> faults = List.of(
                new Fault.Mutate(HandshakeType.FINISHED, new Mutation.FlipBit(9)),
                new Fault.Mutate(HandshakeType.CLIENT_HELLO, new Mutation.Truncate(3)),
                new Fault.Mutate(HandshakeType.CLIENT_HELLO, new Mutation.Append("00ff")),
                new Fault.Mutate(HandshakeType.FINISHED, new Mutation.ZeroFill()),
                new Fault.Mutate(HandshakeType.FINISHED, new Mutation.Replace("0102")),
                new Fault.Mutate(HandshakeType.ENCRYPTED_EXTENSIONS, new Mutation.LengthDelta(-1)),
                new Fault.Mutate(HandshakeType.CLIENT_HELLO, new Mutation.AddExtension(0x1a1a, "")),
                new Fault.Mutate(HandshakeType.SERVER_HELLO, new Mutation.DuplicateExtension(43)),
                new Fault.Drop(HandshakeType.CERTIFICATE), new Fault.Repeat(HandshakeType.SERVER_HELLO),
                new Fault.SwapWithNext(HandshakeType.CERTIFICATE),
                new Fault.Inject(Anchor.before(HandshakeType.FINISHED), 20, Protection.HANDSHAKE, "01"),
                new Fault.Inject(Anchor.afterHandshake(), 20, Protection.PLAINTEXT, "01"),
                new Fault.Reprotect(HandshakeType.FINISHED, Protection.PLAINTEXT),
                new Fault.ResendAfterHandshake(HandshakeType.CLIENT_HELLO), new Fault.MirrorPeerFinished(),
                new Fault.Fragment(1), new Fault.Oversize(Anchor.before(HandshakeType.CLIENT_HELLO),
                        Protection.PLAINTEXT, 16385),
                new Fault.CorruptCiphertext(HandshakeType.FINISHED, 17), new Fault.PresentCertificate("EXPIRED"));
        Scenario s = new Scenario("tls13.test", 3, TlsVersion.TLS_1_3, Role.SERVER, List.of("client-auth"), faults,
                new Expectation.RejectOrContinue(Expectation.Reject.of("4.4.4", AlertDescription.DECRYPT_ERROR,
                        AlertDescription.DECODE_ERROR)));
        Path f = dir.resolve("r.json");
        new ReplayFile(new TargetSpec("openssl", "server", null, null), "server", Strictness.ALERT, 42,
                "tls13.test", s, "fatal alert x").write(f, List.of("line"));
        ReplayFile back = ReplayFile.read(f);
        assertEquals(s, back.scenario());
        assertEquals(Strictness.ALERT, back.strictness());
        assertEquals(42, back.seed());
        assertEquals("openssl", back.target().preset());
    }

    @Test
    void aFileThatIsNoReplayIsRefusedWithItsName() throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"format\": \"something else\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplayFile.read(f));
        assertEquals(true, e.getMessage().contains("x.json"));
    }
}
