package tlsconf.conformance.check.family;

import static tlsconf.model.vocabulary.HandshakeType.CERTIFICATE;
import static tlsconf.model.vocabulary.HandshakeType.CLIENT_KEY_EXCHANGE;
import static tlsconf.model.vocabulary.HandshakeType.FINISHED;
import static tlsconf.model.vocabulary.HandshakeType.SERVER_KEY_EXCHANGE;

import java.util.EnumSet;
import java.util.List;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * TLS 1.2 checks (RFC 5246), played by the TLS 1.2 reference engine through its seam: Finished verification and
 * the historic message-order bugs. The peer negotiates TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, so verify_data is
 * 12 bytes (96 bits).
 */
public final class Tls12Checks {
    private static final int VERIFY_DATA_BITS = 96;
    private static final Expectation UNEXPECTED = new Expectation.Reject(
            List.of(AlertDescription.UNEXPECTED_MESSAGE), "7.2.2");

    private Tls12Checks() {
    }

    private static Applicability on(Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(List.of(roles));
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_2), set, EnumSet.of(Capability.OBSERVABLE_COMPLETION));
    }

    public static List<Check> all() {
        return List.of(
                Check.of("tls12.order.valid", "order",
                        Requirement.rfc5246("7.3", "A full ECDHE handshake (Figure 1) between conforming peers MUST "
                                + "complete."), "handshake completes", on(Role.CLIENT, Role.SERVER),
                        (id, v, role, profile, random) -> new Scenarios(id, v, role)
                                .add(new Expectation.Accept("7.3")).build()),
                Check.of("tls12.finished.corrupted", "finished",
                        Requirement.rfc5246("7.4.9", "Recipients of Finished MUST verify that verify_data is "
                                + "correct; a wrong value is decrypt_error (§7.2.2)."), "fatal decrypt_error",
                        on(Role.CLIENT, Role.SERVER),
                        (id, v, role, profile, random) -> {
                            Scenarios s = new Scenarios(id, v, role);
                            Expectation reject = Expectation.Reject.of("7.4.9", AlertDescription.DECRYPT_ERROR);
                            for (int bit : Scenarios.sample(random, VERIFY_DATA_BITS,
                                    profile.sample(VERIFY_DATA_BITS, 8, VERIFY_DATA_BITS))) {
                                s.add(reject, new Fault.Mutate(FINISHED, new Mutation.FlipBit(bit)));
                            }
                            s.add(Expectation.Reject.of("7.4.9", AlertDescription.DECODE_ERROR,
                                    AlertDescription.DECRYPT_ERROR), new Fault.Mutate(FINISHED, new Mutation.Truncate(11)));
                            return s.build();
                        }),
                Check.of("tls12.order.early-ccs", "order",
                        Requirement.rfc5246("7.1", "A ChangeCipherSpec before the key exchange is complete MUST be "
                                + "refused with unexpected_message (CVE-2014-0224)."), "fatal unexpected_message",
                        on(Role.CLIENT, Role.SERVER),
                        (id, v, role, profile, random) -> new Scenarios(id, v, role)
                                .add(UNEXPECTED, new Fault.Inject(Anchor.before(role == Role.SERVER
                                        ? CLIENT_KEY_EXCHANGE : CERTIFICATE), ContentType.CHANGE_CIPHER_SPEC.code(),
                                        Protection.PLAINTEXT, "01"))
                                .build()),
                Check.of("tls12.order.skip-server-key-exchange", "order",
                        Requirement.rfc5246("7.4.3", "With an ECDHE suite the server MUST send ServerKeyExchange; a "
                                + "client MUST refuse ServerHelloDone in its place (CVE-2014-3572)."),
                        "fatal unexpected_message", on(Role.CLIENT),
                        (id, v, role, profile, random) -> new Scenarios(id, v, role)
                                .add(UNEXPECTED, new Fault.Drop(SERVER_KEY_EXCHANGE)).build()),
                Check.of("tls12.order.finished-without-ccs", "order",
                        Requirement.rfc5246("7.4.9", "A Finished MUST come right after ChangeCipherSpec; one "
                                + "without it MUST be refused (CVE-2014-6593)."), "fatal unexpected_message",
                        on(Role.CLIENT, Role.SERVER),
                        // Without the CCS the receiver reads the protected Finished as plaintext: an unexpected
                        // or undecodable handshake message, or a record that fails to authenticate.
                        (id, v, role, profile, random) -> new Scenarios(id, v, role)
                                .add(new Expectation.Reject(List.of(AlertDescription.UNEXPECTED_MESSAGE,
                                        AlertDescription.DECODE_ERROR, AlertDescription.BAD_RECORD_MAC), "7.4.9"),
                                        new Fault.SkipChangeCipherSpec())
                                .build()));
    }
}
