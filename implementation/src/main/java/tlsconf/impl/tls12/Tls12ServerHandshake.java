package tlsconf.impl.tls12;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.seam.ExchangeSecret;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.crypto.EphemeralKey;
import tlsconf.impl.crypto.Signatures;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Expect;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.impl.message.ext.ServerNameList;
import tlsconf.impl.tls12.message.Certificate12;
import tlsconf.impl.tls12.message.CertificateRequest12;
import tlsconf.impl.tls12.message.CertificateVerify12;
import tlsconf.impl.tls12.message.ClientKeyExchange;
import tlsconf.impl.tls12.message.Finished12;
import tlsconf.impl.tls12.message.Hello;
import tlsconf.impl.tls12.message.NewSessionTicket12;
import tlsconf.impl.tls12.message.ServerHelloDone;
import tlsconf.impl.tls12.message.ServerKeyExchange;
import tlsconf.impl.tls12.message.Tls12Message;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The TLS 1.2 server handshake (RFC 5246 §7.3, Figures 1 and 2; RFC 5077 §3.1), written from the RFC. States are types
 * named for what they wait for.
 */
public final class Tls12ServerHandshake implements Tls12Handshake {
    private static final int VERSION = TlsVersion.TLS_1_2.code();

    private final Tls12Context ctx;
    private final TlsConfig config;
    private final Tls12Options options;
    private final Tls12Transcript transcript = new Tls12Transcript();
    private State state = new ExpectClientHello();

    /** The server's states. */
    sealed interface State permits ExpectClientHello, ExpectClientCertificate, ExpectClientKeyExchange,
            ExpectCertificateVerify, ExpectChangeCipherSpec, ExpectFinished, Connected {
        State handle(HandshakeFrame frame) throws TlsAlertException;

        default State changeCipherSpec() throws TlsAlertException {
            throw Expect.unexpectedChangeCipherSpec(getClass().getSimpleName());
        }
    }

    /** What the ClientHello and our ServerHello fixed. */
    record Params(Tls12CipherSuite suite, byte[] clientRandom, byte[] serverRandom, int clientVersion,
            byte[] sessionId, boolean ems, boolean issueTicket, String serverName) {
    }

    /** Our side of the key exchange: an ephemeral key, or our RSA key for key transport. */
    record OurKey(EphemeralKey ephemeral, NamedGroup group, SignatureScheme scheme) {
    }

    /** The master secret and keys, plus what a client certificate proved. */
    record Established(byte[] master, KeyBlock keys, List<X509Certificate> clientChain, OurKey ourKey,
            boolean resumed, boolean resumedByTicket) {
    }

    public Tls12ServerHandshake(Tls12Context ctx) {
        this.ctx = ctx;
        this.config = ctx.config();
        this.options = ctx.options();
    }

    private byte[] send(Tls12Message m) throws TlsAlertException {
        byte[] encoded = ctx.send(m);
        transcript.write(encoded, 0, encoded.length);
        return encoded;
    }

    private void received(HandshakeFrame f) {
        transcript.write(f.raw(), 0, f.raw().length);
    }

    private byte[] transcriptHash(Tls12CipherSuite suite) {
        return transcript.hash(suite.hash());
    }

    @Override
    public void start() {
    }

    @Override
    public void handle(HandshakeFrame frame) throws TlsAlertException {
        state = state.handle(frame);
    }

    /** Before the client's ChangeCipherSpec no handshake message may arrive (RFC 5246 §7.4.9): refused at its start. */
    @Override
    public void partialMessage(int type, int length) throws TlsAlertException {
        if (state instanceof ExpectChangeCipherSpec) {
            throw Violation.UNEXPECTED_MESSAGE.alert("in ExpectChangeCipherSpec received the start of a handshake "
                    + "message of type " + type + " before ChangeCipherSpec");
        }
    }

    @Override
    public void changeCipherSpec() throws TlsAlertException {
        state = state.changeCipherSpec();
    }

    @Override
    public String state() {
        return state.getClass().getSimpleName();
    }

    final class ExpectClientHello implements State {
        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectClientHello", HandshakeType.CLIENT_HELLO);
            ClientHello ch = ClientHello.decode(frame.body());
            checkVersion(ch);
            if (!contains(ch.compressionMethods(), 0)) {
                // RFC 5246 §7.4.1.2: the list MUST include null compression.
                throw Violation.BAD_COMPRESSION.alert("ClientHello compression_methods lack null");
            }
            boolean secureRenegotiation = ch.cipherSuites().contains(Tls12CipherSuite.EMPTY_RENEGOTIATION_INFO_SCSV)
                    | HelloExtensions.checkInitialRenegotiationInfo(ch.extensions(), "ClientHello");
            boolean ems = HelloExtensions.checkExtendedMasterSecret(ch.extensions(), "ClientHello");
            HelloExtensions.checkPointFormats(ch.extensions(), "ClientHello");
            String sni = ch.extensions().data(ExtensionType.SERVER_NAME).isPresent()
                    ? ServerNameList.decodeHostName(ch.extensions().data(ExtensionType.SERVER_NAME).get()).orElse(null)
                    : null;
            received(frame);
            byte[] serverRandom = new byte[32];
            config.random().nextBytes(serverRandom);
            if (options.tls13Capable()) {
                // RFC 8446 §4.1.3: a TLS 1.3 server negotiating TLS 1.2 MUST end its random with this sentinel.
                System.arraycopy(ServerHello.DOWNGRADE_TLS12, 0, serverRandom, 24, 8);
            }
            Optional<Tls12Session> resumable = findSession(ch, ems);
            if (resumable.isPresent()) {
                return resume(ch, resumable.get(), serverRandom, secureRenegotiation, sni);
            }
            return full(ch, serverRandom, secureRenegotiation, ems, sni);
        }

        /** RFC 5246 §E.1: the client offers its highest version; TLS 1.2 needs 0x0303 or a supported_versions listing it. */
        private void checkVersion(ClientHello ch) throws TlsAlertException {
            Optional<byte[]> sv = ch.extensions().data(ExtensionType.SUPPORTED_VERSIONS);
            if (sv.isPresent()) {
                if (!CodeLists.decodeVersions(sv.get()).contains(VERSION)) {
                    throw Violation.UNSUPPORTED_VERSION.alert("supported_versions lacks TLS 1.2");
                }
            } else if (ch.legacyVersion() < VERSION) {
                throw Violation.UNSUPPORTED_VERSION.alert("ClientHello.client_version 0x"
                        + Integer.toHexString(ch.legacyVersion()) + " is below TLS 1.2");
            }
        }

        /**
         * A ticket (RFC 5077 §3.1) or session ID we can resume. RFC 7627 §5.3: the session's extended master secret
         * status must match this ClientHello's, or we fall back to a full handshake.
         */
        private Optional<Tls12Session> findSession(ClientHello ch, boolean ems) {
            Optional<Tls12Session> s = Optional.empty();
            byte[] ticket = ch.extensions().data(ExtensionType.SESSION_TICKET).orElse(new byte[0]);
            if (options.issueTickets() && ticket.length > 0) {
                s = TicketSealer.open(config.ticketKey(), ticket, ch.legacySessionId());
            }
            if (s.isEmpty() && options.serverSessions() != null) {
                s = options.serverSessions().get(ch.legacySessionId());
            }
            return s.filter(x -> ch.cipherSuites().contains(x.suite().code()) && options.offers(x.suite())
                    && x.extendedMasterSecret() == ems && (ems || !options.requireExtendedMasterSecret()));
        }

        /** RFC 5246 §7.3 Figure 2: ServerHello, [NewSessionTicket], ChangeCipherSpec, Finished. */
        private State resume(ClientHello ch, Tls12Session s, byte[] serverRandom, boolean secureRenegotiation,
                String sni) throws TlsAlertException {
            boolean byTicket = s.ticket() != null;
            byte[] sessionId = byTicket ? ch.legacySessionId() : s.sessionId();
            List<Extension> ext = new ArrayList<>();
            if (secureRenegotiation) {
                ext.add(HelloExtensions.renegotiationInfo());
            }
            if (s.extendedMasterSecret()) {
                ext.add(HelloExtensions.extendedMasterSecret());
            }
            send(new Hello(new ServerHello(VERSION, serverRandom, sessionId, s.suite().code(), 0,
                    new Extensions(ext))));
            Params p = new Params(s.suite(), ch.random(), serverRandom, ch.legacyVersion(), sessionId,
                    s.extendedMasterSecret(), false, sni);
            ctx.logMasterSecret(ch.random(), s.masterSecret());
            KeyBlock keys = KeyBlock.derive(s.suite(), s.masterSecret(), ch.random(), serverRandom);
            ctx.sendChangeCipherSpec(keys.serverWrite(s.suite()));
            send(new Finished12(Prf.verifyData(s.suite().hash(), s.masterSecret(), false,
                    transcriptHash(s.suite()))));
            return new ExpectChangeCipherSpec(p, new Established(s.masterSecret(), keys, s.peerCertificates(), null,
                    true, byTicket));
        }

        /** RFC 5246 §7.3 Figure 1: ServerHello, Certificate, ServerKeyExchange?, CertificateRequest?, ServerHelloDone. */
        private State full(ClientHello ch, byte[] serverRandom, boolean secureRenegotiation, boolean ems, String sni)
                throws TlsAlertException {
            if (!ems && options.requireExtendedMasterSecret()) {
                // RFC 7627 §5.3 lets the server abort a full handshake without it; we do by default.
                throw Violation.MISSING_EXTENSION.alert(AlertDescription.HANDSHAKE_FAILURE,
                        "ClientHello lacks extended_master_secret (RFC 7627)");
            }
            List<Integer> clientGroups = ch.extensions().data(ExtensionType.SUPPORTED_GROUPS).isPresent()
                    ? CodeLists.decodeU16List(ch.extensions().data(ExtensionType.SUPPORTED_GROUPS).get(),
                    "supported_groups")
                    : List.of(NamedGroup.SECP256R1.code());
            // RFC 5246 §7.4.1.4.1: without signature_algorithms the client means SHA-1, which we do not sign with.
            List<Integer> clientSchemes = ch.extensions().data(ExtensionType.SIGNATURE_ALGORITHMS).isPresent()
                    ? CodeLists.decodeU16List(ch.extensions().data(ExtensionType.SIGNATURE_ALGORITHMS).get(),
                    "signature_algorithms")
                    : List.of();
            Optional<NamedGroup> group = config.groups().stream().filter(g -> clientGroups.contains(g.code()))
                    .findFirst();
            Optional<SignatureScheme> scheme = Tls12Signing.choose(config.signatureSchemes(), clientSchemes,
                    config.signingKey());
            boolean rsaKey = Tls12Signing.isRsa(config.signingKey());
            Tls12CipherSuite suite = null;
            for (Tls12CipherSuite s : options.cipherSuites()) {
                boolean ok = ch.cipherSuites().contains(s.code()) && s.keyExchange().rsaCertificate() == rsaKey
                        && (!s.keyExchange().ephemeral() || (group.isPresent() && scheme.isPresent()));
                if (ok) {
                    suite = s;
                    break;
                }
            }
            if (suite == null) {
                throw Violation.NO_COMMON_CIPHER_SUITE.alert("no TLS 1.2 suite both offered and usable with our "
                        + (rsaKey ? "RSA" : "EC") + " key, groups and signature schemes");
            }
            byte[] sessionId = new byte[options.serverSessions() != null ? 32 : 0];
            config.random().nextBytes(sessionId);
            boolean ticket = options.issueTickets() && ch.extensions().has(ExtensionType.SESSION_TICKET);
            List<Extension> ext = new ArrayList<>();
            if (secureRenegotiation) {
                ext.add(HelloExtensions.renegotiationInfo());
            }
            if (ems) {
                ext.add(HelloExtensions.extendedMasterSecret());
            }
            if (ticket) {
                ext.add(new Extension(ExtensionType.SESSION_TICKET, new byte[0]));
            }
            if (suite.keyExchange().ephemeral() && ch.extensions().has(ExtensionType.EC_POINT_FORMATS)) {
                ext.add(HelloExtensions.pointFormats());
            }
            send(new Hello(new ServerHello(VERSION, serverRandom, sessionId, suite.code(), 0, new Extensions(ext))));
            send(new Certificate12(config.certificateChainDer()));
            OurKey ours = null;
            if (suite.keyExchange().ephemeral()) {
                EphemeralKey k = config.keyShareSource().keyFor(group.get(), config.random());
                ServerKeyExchange unsigned = new ServerKeyExchange(group.get().code(), k.publicKey(),
                        scheme.get().code(), new byte[0]);
                byte[] sig = Signatures.sign(scheme.get(), config.signingKey(),
                        Tls12Signing.serverKeyExchangeContent(ch.random(), serverRandom, unsigned.params()),
                        config.random());
                send(new ServerKeyExchange(group.get().code(), k.publicKey(), scheme.get().code(), sig));
                ours = new OurKey(k, group.get(), scheme.get());
            }
            if (config.clientAuth() != ClientAuth.NONE) {
                send(new CertificateRequest12(List.of(CertificateRequest12.RSA_SIGN, CertificateRequest12.ECDSA_SIGN),
                        acceptedClientSchemes().stream().map(SignatureScheme::code).toList(), List.of()));
            }
            send(new ServerHelloDone());
            Params p = new Params(suite, ch.random(), serverRandom, ch.legacyVersion(), sessionId, ems, ticket, sni);
            return config.clientAuth() != ClientAuth.NONE ? new ExpectClientCertificate(p, ours)
                    : new ExpectClientKeyExchange(p, ours, List.of());
        }
    }

    private List<SignatureScheme> acceptedClientSchemes() {
        return config.signatureSchemes().stream().filter(Tls12Signing::usable).toList();
    }

    private static boolean contains(byte[] list, int value) {
        for (byte b : list) {
            if ((b & 0xff) == value) {
                return true;
            }
        }
        return false;
    }

    final class ExpectClientCertificate implements State {
        private final Params p;
        private final OurKey ours;

        ExpectClientCertificate(Params p, OurKey ours) {
            this.p = p;
            this.ours = ours;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectClientCertificate", HandshakeType.CERTIFICATE);
            Certificate12 c = Certificate12.decode(frame.body());
            List<X509Certificate> chain = List.of();
            if (c.derChain().isEmpty()) {
                if (config.clientAuth() == ClientAuth.REQUIRE) {
                    // RFC 5246 §7.4.6: a server that insists may answer an empty list with handshake_failure.
                    throw Violation.CERTIFICATE_REQUIRED.alert(AlertDescription.HANDSHAKE_FAILURE,
                            "client sent no certificate");
                }
            } else {
                chain = config.peerVerifier().verify(Role.CLIENT, c.derChain(), null);
            }
            received(frame);
            return new ExpectClientKeyExchange(p, ours, chain);
        }
    }

    final class ExpectClientKeyExchange implements State {
        private final Params p;
        private final OurKey ours;
        private final List<X509Certificate> clientChain;

        ExpectClientKeyExchange(Params p, OurKey ours, List<X509Certificate> clientChain) {
            this.p = p;
            this.ours = ours;
            this.clientChain = clientChain;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectClientKeyExchange", HandshakeType.CLIENT_KEY_EXCHANGE);
            boolean rsa = !p.suite().keyExchange().ephemeral();
            ClientKeyExchange cke = ClientKeyExchange.decode(frame.body(), rsa);
            byte[] premaster = rsa
                    // RFC 5246 §7.4.7.1: never an error here; a bad premaster shows up only at Finished.
                    ? RsaKeyTransport.decrypt(config.signingKey(), cke.exchange(), p.clientVersion(), config.random())
                    : ours.ephemeral().agree(cke.exchange());
            received(frame);
            byte[] master = p.ems()
                    ? Prf.extendedMasterSecret(p.suite().hash(), premaster, transcriptHash(p.suite()))
                    : Prf.masterSecret(p.suite().hash(), premaster, p.clientRandom(), p.serverRandom());
            ctx.logMasterSecret(p.clientRandom(), master);
            ctx.exchangeSecret(new ExchangeSecret.Tls12(p.suite(), premaster, master, p.ems()));
            KeyBlock keys = KeyBlock.derive(p.suite(), master, p.clientRandom(), p.serverRandom());
            Established e = new Established(master, keys, clientChain, ours, false, false);
            return clientChain.isEmpty() ? new ExpectChangeCipherSpec(p, e) : new ExpectCertificateVerify(p, e);
        }
    }

    final class ExpectCertificateVerify implements State {
        private final Params p;
        private final Established e;

        ExpectCertificateVerify(Params p, Established e) {
            this.p = p;
            this.e = e;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            // RFC 5246 §7.4.8: a client that sent a certificate MUST send CertificateVerify next.
            Expect.oneOf(frame, "ExpectCertificateVerify", HandshakeType.CERTIFICATE_VERIFY);
            CertificateVerify12 cv = CertificateVerify12.decode(frame.body());
            SignatureScheme scheme = SignatureScheme.fromCode(cv.signatureScheme())
                    .filter(acceptedClientSchemes()::contains)
                    .orElseThrow(() -> Violation.UNOFFERED_SIGNATURE_SCHEME.alert("CertificateVerify signed with 0x"
                            + Integer.toHexString(cv.signatureScheme())));
            var key = config.peerKeys().publicKey(e.clientChain().get(0).getPublicKey());
            if (!Tls12Signing.keyTypeFits(scheme, key)) {
                throw Violation.UNOFFERED_SIGNATURE_SCHEME.alert(scheme + " does not fit the client's key");
            }
            if (!Signatures.verify(scheme, key, transcript.toByteArray(), cv.signature())) {
                throw Violation.BAD_CERTIFICATE_VERIFY.alert("client CertificateVerify does not verify");
            }
            received(frame);
            return new ExpectChangeCipherSpec(p, e);
        }
    }

    final class ExpectChangeCipherSpec implements State {
        private final Params p;
        private final Established e;

        ExpectChangeCipherSpec(Params p, Established e) {
            this.p = p;
            this.e = e;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            throw Violation.UNEXPECTED_MESSAGE.alert("in ExpectChangeCipherSpec received " + frame.typeName()
                    + " before ChangeCipherSpec");
        }

        @Override
        public State changeCipherSpec() throws TlsAlertException {
            ctx.installReadProtection(e.keys().clientWrite(p.suite()));
            return new ExpectFinished(p, e);
        }
    }

    final class ExpectFinished implements State {
        private final Params p;
        private final Established e;

        ExpectFinished(Params p, Established e) {
            this.p = p;
            this.e = e;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectFinished", HandshakeType.FINISHED);
            Finished12 f = Finished12.decode(frame.body());
            byte[] expected = Prf.verifyData(p.suite().hash(), e.master(), true, transcriptHash(p.suite()));
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(expected, f.verifyData())) {
                // Also where a bad RSA premaster ends (RFC 5246 §7.4.7.1): the same alert as any wrong Finished.
                throw Violation.FINISHED_MISMATCH.alert("client Finished verify_data mismatch");
            }
            received(frame);
            if (!e.resumed()) {
                Tls12Session session = new Tls12Session(p.sessionId(), null, p.suite(), e.master(), p.ems(),
                        e.clientChain());
                if (p.issueTicket()) {
                    send(new NewSessionTicket12(options.ticketLifetimeSeconds(),
                            TicketSealer.seal(config.ticketKey(), session, config.random())));
                }
                if (options.serverSessions() != null && p.sessionId().length > 0) {
                    options.serverSessions().put(session);
                }
                ctx.sendChangeCipherSpec(e.keys().serverWrite(p.suite()));
                send(new Finished12(Prf.verifyData(p.suite().hash(), e.master(), false, transcriptHash(p.suite()))));
            }
            OurKey k = e.ourKey();
            ctx.handshakeComplete(new Tls12Negotiated(p.suite(), k == null ? null : k.group(),
                    k == null ? null : k.scheme(), e.resumed(), e.resumedByTicket(), p.ems(),
                    !e.clientChain().isEmpty(), e.clientChain(), p.serverName()));
            return new Connected();
        }
    }

    /** Handshake done: a new ClientHello (renegotiation) is refused with a no_renegotiation warning. */
    final class Connected implements State {
        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            if (frame.type().orElse(null) == HandshakeType.CLIENT_HELLO) {
                // RFC 5246 §7.2.2 / RFC 5746 §4.4: we do not renegotiate; the client may go on or close.
                ClientHello.decode(frame.body());
                ctx.sendWarning(AlertDescription.NO_RENEGOTIATION);
                return this;
            }
            throw Violation.UNEXPECTED_MESSAGE.alert("handshake message " + frame.typeName()
                    + " after the handshake completed");
        }
    }
}
