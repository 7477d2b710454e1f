package tlsconf.conformance.check.family;

import static tlsconf.model.vocabulary.HandshakeType.FINISHED;

import java.util.EnumSet;
import java.util.List;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Family 2, TLS 1.2 (RFC 5246 §7.4.9): forged Finished messages beyond the bit flips of {@link Tls12Checks}: all
 * zeros, the other side's verify_data reflected, and a verify_data one byte too long. The peer's suite
 * (ECDHE-ECDSA-AES128-GCM-SHA256) fixes verify_data at 12 bytes.
 */
public final class Tls12FinishedChecks {
    private Tls12FinishedChecks() {
    }

    public static List<Check> all() {
        return List.of(forged(), reflected(), extended());
    }

    static Applicability on(Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(List.of(roles));
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_2), set, EnumSet.of(Capability.OBSERVABLE_COMPLETION));
    }

    static Check forged() {
        return Check.of("tls12.finished.forged", "finished",
                Requirement.rfc5246("7.4.9", "Recipients of Finished MUST verify verify_data; a value of all zeros "
                        + "is wrong and is decrypt_error (§7.2.2)."),
                "fatal decrypt_error", on(Role.CLIENT, Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.4.9", AlertDescription.DECRYPT_ERROR),
                                new Fault.Mutate(FINISHED, new Mutation.ZeroFill()))
                        .build());
    }

    /**
     * Client targets only: in a full TLS 1.2 handshake the client sends its Finished first, so only the server
     * peer has the other side's verify_data in hand when it writes its own. The labels differ ("client finished" /
     * "server finished") and the server's transcript also covers the client's Finished, so a reflection never
     * verifies.
     */
    static Check reflected() {
        return Check.of("tls12.finished.reflected", "finished",
                Requirement.rfc5246("7.4.9", "verify_data is PRF(master_secret, finished_label, hash of the "
                        + "handshake messages); a server Finished carrying the client's verify_data MUST fail "
                        + "verification with decrypt_error (§7.2.2)."),
                "fatal decrypt_error", on(Role.CLIENT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.4.9", AlertDescription.DECRYPT_ERROR),
                                new Fault.MirrorPeerFinished())
                        .build());
    }

    static Check extended() {
        return Check.of("tls12.finished.wrong-length", "finished",
                Requirement.rfc5246("7.4.9", "verify_data has verify_data_length bytes (12 for every suite of "
                        + "RFC 5246); a Finished whose length is wrong cannot be decoded: decode_error (§7.2.2)."),
                "fatal decode_error", on(Role.CLIENT, Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.2.2", AlertDescription.DECODE_ERROR),
                                new Fault.Mutate(FINISHED, new Mutation.Append("00")))
                        .add(Expectation.Reject.of("7.2.2", AlertDescription.DECODE_ERROR),
                                new Fault.Mutate(FINISHED, new Mutation.Append("000000000000000000000000")))
                        .build());
    }
}
