package tlsconf.vectorrun;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.RandomSource;
import tlsconf.impl.SessionStore;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.model.vocabulary.Role;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Transcript;
import tlsconf.vectors.kind.Transcript.Step;

/**
 * Deterministic mode, client side: the reference client is given what the RFC 8448 client had (its random and
 * session id, its key share private keys, its ClientHello extension lists through the deterministic-mode hook) and
 * plays the trace against the RFC server's records. Every record it writes must equal the RFC's byte for byte
 * (ClientHello, change_cipher_spec, Finished, application data, close_notify); it must accept the RFC server's
 * flight, which checks the server's RSA-PSS CertificateVerify and Finished, and read the server's application
 * data as the RFC's plaintext.
 */
final class ReferenceClientReplay {
    private final Transcript t;
    private final Checks checks = new Checks();
    private final Map<Integer, byte[]> replaced;
    private int exact;
    private int fed;
    /** The alert our client raised on a replaced record, if any. */
    private TlsAlertException raised;

    /** Tickets received (§3) and offered (§4). */
    private final SessionStore sessions;
    private final SettableClock clock;

    private ReferenceClientReplay(Transcript t, Map<Integer, byte[]> replaced, SessionStore sessions,
            SettableClock clock) {
        this.t = t;
        this.replaced = replaced;
        this.sessions = sessions;
        this.clock = clock;
    }

    private ReferenceClientReplay(Transcript t, Map<Integer, byte[]> replaced) {
        this(t, replaced, SessionStore.inMemory(), new SettableClock(Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** Without client authentication (its key is not given); a resumption needs the transcript it resumes. */
    static boolean applies(Transcript t) {
        return t.steps("server", "construct a CertificateRequest").isEmpty()
                && (t.steps("client", "calculate PSK binder").isEmpty() || t.resumes().isPresent());
    }

    /** A clock the replay moves: a resumed ClientHello's obfuscated_ticket_age depends on the elapsed time. */
    static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /**
     * A resumption trace: the resumed transcript is played first by the same client (its tickets land in the
     * session store), the clock is moved by the ticket age the resumed ClientHello shows (obfuscated_ticket_age
     * minus the ticket's ticket_age_add, RFC 8446 §4.2.11.1), then the trace itself is played with its 0-RTT data.
     */
    static Outcome runResumption(VectorFile file, Transcript previous) {
        Transcript t = (Transcript) file.body();
        String id = file.id() + "/reference-client";
        SessionStore store = SessionStore.inMemory();
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ReferenceClientReplay first = new ReferenceClientReplay(previous, Map.of(), store, clock);
        ReferenceClientReplay r = new ReferenceClientReplay(t, Map.of(), store, clock);
        try {
            first.replay();
            if (!first.checks.ok()) {
                return Outcome.failed(id, file.location(), "the resumed trace does not replay: " + first.checks.summary());
            }
            byte[] nst = previous.steps("server", "construct a NewSessionTicket").get(0).value("NewSessionTicket")
                    .orElseThrow().toByteArray();
            long ageAdd = java.nio.ByteBuffer.wrap(nst, 8, 4).getInt() & 0xffffffffL;
            long obfuscated = obfuscatedAge(t);
            clock.advance((obfuscated - ageAdd) & 0xffffffffL);
            r.replay();
        } catch (TlsAlertException | RuntimeException e) {
            r.checks.fail("reference client", e.toString());
        }
        return r.checks.ok() ? Outcome.passed(id, file.location(), r.exact + " client records byte for byte (0-RTT "
                + "data and EndOfEarlyData included), " + r.fed + " server records accepted, after replaying "
                + first.exact + " records of the resumed trace")
                : Outcome.failed(id, file.location(), r.checks.summary());
    }

    /** obfuscated_ticket_age of the first identity in the complete resumed ClientHello (RFC 8446 §4.2.11). */
    private static long obfuscatedAge(Transcript t) throws TlsAlertException {
        byte[] payload = t.steps("client", "send handshake record").get(0).value("payload").orElseThrow().toByteArray();
        ClientHello hello = ClientHello.decode(Arrays.copyOfRange(payload, 4, payload.length));
        byte[] psk = hello.extensions().find(ExtensionType.PRE_SHARED_KEY).orElseThrow().data();
        int identityLength = (psk[2] & 0xff) << 8 | (psk[3] & 0xff);
        return java.nio.ByteBuffer.wrap(psk, 4 + identityLength, 4).getInt() & 0xffffffffL;
    }

    /**
     * For negative vectors: plays {@code base} with the server records of the given steps replaced, and returns the
     * alert our client raised when it received one of them (empty if it raised none).
     */
    static java.util.Optional<TlsAlertException> playMutated(Transcript base, Map<Integer, byte[]> replacedRecords)
            throws TlsAlertException {
        ReferenceClientReplay r = new ReferenceClientReplay(base, replacedRecords);
        r.replay();
        return java.util.Optional.ofNullable(r.raised);
    }

    static Outcome run(VectorFile file) {
        ReferenceClientReplay r = new ReferenceClientReplay((Transcript) file.body(), Map.of());
        String id = file.id() + "/reference-client";
        try {
            r.replay();
        } catch (TlsAlertException | RuntimeException e) {
            r.checks.fail("reference client", e.toString());
        }
        return r.checks.ok() ? Outcome.passed(id, file.location(), r.exact + " client records byte for byte, "
                + r.fed + " server records accepted (CertificateVerify and Finished checked by the client)")
                : Outcome.failed(id, file.location(), r.checks.summary());
    }

    private void replay() throws TlsAlertException {
        List<ClientHello> hellos = new ArrayList<>();
        Map<NamedGroup, byte[]> keys = new EnumMap<>(NamedGroup.class);
        for (Step s : t.steps()) {
            // The complete ClientHellos as sent (RFC 8448 §4 shows its ClientHello message before the binders).
            if (s.role().equals("client") && s.action().equals("send handshake record")
                    && s.value("payload").get().get(0) == 1) {
                byte[] m = s.value("payload").get().toByteArray();
                hellos.add(ClientHello.decode(Arrays.copyOfRange(m, 4, m.length)));
            }
            if (s.role().equals("client") && s.action().startsWith("create an ephemeral")) {
                keys.put(s.action().contains("P-256") ? NamedGroup.SECP256R1 : NamedGroup.X25519,
                        s.value("private key").get().toByteArray());
            }
        }
        ClientHello first = hellos.get(0);
        List<CipherSuite> suites = new ArrayList<>();
        for (int code : first.cipherSuites()) {
            CipherSuite.fromCode(code).ifPresent(suites::add);
        }
        Deque<List<Extension>> extensionLists = new ArrayDeque<>();
        // pre_shared_key is computed and appended by the client itself (identity, age, binder).
        hellos.forEach(h -> extensionLists.add(h.extensions().list().stream()
                .filter(e -> e.code() != ExtensionType.PRE_SHARED_KEY.code()).toList()));
        byte[] earlyData = null;
        for (Step s : t.steps()) {
            if (s.role().equals("server") && s.action().startsWith("send ")) {
                break;
            }
            if (s.role().equals("client") && s.action().equals("send application_data record")) {
                earlyData = s.value("payload").get().toByteArray();
            }
        }
        Scripted random = new Scripted(first.random(), first.legacySessionId());
        TlsConfig config = TlsConfig.builder(Role.CLIENT)
                .serverName("server")
                .cipherSuites(suites.toArray(CipherSuite[]::new))
                .middleboxCompat(first.legacySessionId().length > 0)
                .keyShareSource(KeyShareSource.fixed(keys))
                .clientHelloExtensions(ours -> extensionLists.size() > 1 ? extensionLists.poll() : extensionLists.peek())
                // The RFC's certificate is a 2016 self-signed test certificate: the chain is not what this replay
                // checks; the client still checks the server's CertificateVerify and Finished.
                .peerVerifier(PeerVerifier.acceptAny())
                .random(random)
                .sessionStore(sessions)
                .clock(clock)
                .earlyData(earlyData)
                .build();
        random.armed = true;
        TlsEngine client = TlsEngine.create(config);
        Deque<byte[]> written = new ArrayDeque<>();
        for (Step s : t.steps()) {
            if (!s.action().startsWith("send ") || s.value("complete record").isEmpty()) {
                continue;
            }
            byte[] record = s.value("complete record").get().toByteArray();
            byte[] payload = s.value("payload").get().toByteArray();
            if (s.role().equals("server")) {
                if (replaced.containsKey(s.index())) {
                    try {
                        client.feed(replaced.get(s.index()));
                    } catch (TlsAlertException e) {
                        raised = e;
                        return;
                    }
                    continue;
                }
                client.feed(record);
                fed++;
                if (s.action().equals("send application_data record")) {
                    checks.equal(s + " " + s.pointer("payload") + " (read by the reference client)",
                            s.value("payload").get(), client.read());
                }
                continue;
            }
            if (s.action().equals("send application_data record") && client.isHandshakeComplete()) {
                client.write(payload);
            } else if (s.action().equals("send alert record")) {
                client.close();
            }
            split(client.takeOutgoing(), written);
            byte[] ours = written.poll();
            if (ours == null) {
                checks.fail(s + " " + s.pointer("complete record"), "the reference client wrote nothing here (state "
                        + client.state() + ")");
                return;
            }
            if (checks.equal(s + " " + s.pointer("complete record") + " (written by the reference client)",
                    s.value("complete record").get(), ours)) {
                exact++;
            }
        }
        split(client.takeOutgoing(), written);
        checks.check("reference client", written.isEmpty(), written.size() + " records written beyond the trace");
        checks.check("reference client", client.isHandshakeComplete(), "handshake not complete: " + client.state());
    }

    private static void split(byte[] wire, Deque<byte[]> out) {
        int at = 0;
        while (at + 5 <= wire.length) {
            int len = (wire[at + 3] & 0xff) << 8 | (wire[at + 4] & 0xff);
            out.add(Arrays.copyOfRange(wire, at, at + 5 + len));
            at += 5 + len;
        }
    }

    /** Once armed: the RFC's client random, then its session id; a fixed stream for anything else. */
    private static final class Scripted implements RandomSource {
        private final RandomSource rest = RandomSource.deterministic(8448);
        private final Deque<byte[]> script = new ArrayDeque<>();
        boolean armed;

        Scripted(byte[] clientRandom, byte[] sessionId) {
            script.add(clientRandom);
            if (sessionId.length > 0) {
                script.add(sessionId);
            }
        }

        @Override
        public void nextBytes(byte[] out) {
            byte[] next = armed ? script.peek() : null;
            if (next != null && next.length == out.length) {
                System.arraycopy(script.poll(), 0, out, 0, out.length);
            } else {
                rest.nextBytes(out);
            }
        }
    }
}
