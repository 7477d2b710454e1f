package tlsconf.impl.tls12;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
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
 * The TLS 1.2 client handshake (RFC 5246 §7.3, Figure 1 and 2; RFC 5077 §3.1 for tickets), written from the RFC.
 * States are types named for what they wait for; each consumes one message and returns the next state.
 */
public final class Tls12ClientHandshake implements Tls12Handshake {
    private static final int VERSION = TlsVersion.TLS_1_2.code();

    private final Tls12Context ctx;
    private final TlsConfig config;
    private final Tls12Options options;
    private final Tls12Transcript transcript = new Tls12Transcript();
    private byte[] clientRandom;
    private byte[] offeredSessionId;
    private Tls12Session offeredSession;
    private boolean sentServerName;
    private boolean offeredTicketExtension;
    private State state;

    /** The client's states. */
    sealed interface State permits ExpectServerHello, ExpectCertificate, ExpectServerKeyExchange,
            ExpectCertificateRequestOrDone, ExpectServerHelloDone, ExpectNewSessionTicket, ExpectChangeCipherSpec,
            ExpectFinished, Connected {
        State handle(HandshakeFrame frame) throws TlsAlertException;

        /** A ChangeCipherSpec record; only {@link ExpectChangeCipherSpec} accepts one. */
        default State changeCipherSpec() throws TlsAlertException {
            throw Expect.unexpectedChangeCipherSpec(getClass().getSimpleName());
        }
    }

    /** What the ServerHello fixed. */
    record Params(Tls12CipherSuite suite, byte[] serverRandom, byte[] sessionId, boolean ems,
            boolean ticketExpected) {
    }

    /** The verified server chain and its public key. */
    record Peer(List<X509Certificate> chain, AsymmetricKeyParameter key) {
    }

    /** How the premaster secret will be made. */
    sealed interface KeyAgreement permits RsaTransport, Ecdhe {
    }

    record RsaTransport(RSAKeyParameters serverKey) implements KeyAgreement {
    }

    record Ecdhe(NamedGroup group, SignatureScheme scheme, byte[] premaster, byte[] ourPoint) implements KeyAgreement {
    }

    /** Keys and what to report once the server's Finished checks out. */
    record Established(byte[] master, KeyBlock keys, Tls12Negotiated summary) {
    }

    public Tls12ClientHandshake(Tls12Context ctx) {
        this.ctx = ctx;
        this.config = ctx.config();
        this.options = ctx.options();
    }

    private String serverKey() {
        return config.serverName() == null ? "" : config.serverName();
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
    public void start() throws TlsAlertException {
        clientRandom = new byte[32];
        config.random().nextBytes(clientRandom);
        if (options.clientSessions() != null) {
            offeredSession = options.clientSessions().get(serverKey())
                    .filter(s -> options.offers(s.suite())).orElse(null);
        }
        if (offeredSession != null && offeredSession.ticket() != null) {
            // RFC 5077 §3.4: a fresh session ID lets us recognise the server accepting the ticket.
            offeredSessionId = new byte[32];
            config.random().nextBytes(offeredSessionId);
        } else {
            offeredSessionId = offeredSession != null ? offeredSession.sessionId() : new byte[0];
        }
        List<Extension> ext = new ArrayList<>();
        if (ServerNameList.sendable(config.serverName())) {
            ext.add(new Extension(ExtensionType.SERVER_NAME, ServerNameList.encode(config.serverName())));
            sentServerName = true;
        }
        ext.add(new Extension(ExtensionType.SUPPORTED_GROUPS,
                CodeLists.encodeU16List(config.groups().stream().map(NamedGroup::code).toList())));
        ext.add(HelloExtensions.pointFormats());
        ext.add(new Extension(ExtensionType.SIGNATURE_ALGORITHMS, CodeLists.encodeU16List(config.signatureSchemes()
                .stream().filter(Tls12Signing::usable).map(SignatureScheme::code).toList())));
        ext.add(HelloExtensions.extendedMasterSecret());
        if (options.clientSessions() != null) {
            offeredTicketExtension = true;
            byte[] ticket = offeredSession != null && offeredSession.ticket() != null ? offeredSession.ticket()
                    : new byte[0];
            ext.add(new Extension(ExtensionType.SESSION_TICKET, ticket));
        }
        ext.add(HelloExtensions.renegotiationInfo());
        List<Integer> suites = options.cipherSuites().stream().map(Tls12CipherSuite::code).toList();
        send(new Hello(new ClientHello(VERSION, clientRandom, offeredSessionId, suites, new byte[] {0},
                new Extensions(ext))));
        state = new ExpectServerHello();
    }

    /**
     * Continues a connection whose ClientHello another handshake already sent (a client offering TLS 1.3 and 1.2
     * whose server chose TLS 1.2): that ClientHello starts handshake_messages and the next message is ServerHello.
     * No TLS 1.2 session is offered on this path.
     */
    void continueAfter(byte[] clientHelloEncoded, byte[] random, byte[] sessionId) throws TlsAlertException {
        ClientHello ch = ClientHello.decode(java.util.Arrays.copyOfRange(clientHelloEncoded, 4,
                clientHelloEncoded.length));
        clientRandom = random.clone();
        offeredSessionId = sessionId.clone();
        sentServerName = ch.extensions().has(ExtensionType.SERVER_NAME);
        offeredTicketExtension = ch.extensions().has(ExtensionType.SESSION_TICKET);
        transcript.write(clientHelloEncoded, 0, clientHelloEncoded.length);
        state = new ExpectServerHello();
    }

    @Override
    public void handle(HandshakeFrame frame) throws TlsAlertException {
        if (frame.type().orElse(null) == HandshakeType.HELLO_REQUEST) {
            helloRequest(frame);
            return;
        }
        state = state.handle(frame);
    }

    /**
     * RFC 5246 §7.4.1.1: a HelloRequest is ignored while a handshake runs and is not part of handshake_messages;
     * once connected we refuse to renegotiate with a no_renegotiation warning (RFC 5746 §4.2 allows either).
     */
    private void helloRequest(HandshakeFrame frame) throws TlsAlertException {
        tlsconf.impl.tls12.message.HelloRequest.decode(frame.body());
        if (state instanceof Connected) {
            ctx.sendWarning(AlertDescription.NO_RENEGOTIATION);
        }
    }

    /**
     * Before the server's ChangeCipherSpec only a HelloRequest may arrive (RFC 5246 §7.4.9, §7.4.1.1), and a
     * HelloRequest is always empty: anything else is refused at its first bytes.
     */
    @Override
    public void partialMessage(int type, int length) throws TlsAlertException {
        if (type == HandshakeType.HELLO_REQUEST.code()) {
            if (length > 0) {
                throw Violation.BAD_VECTOR_LENGTH.alert("HelloRequest announcing a body of " + length + " bytes");
            }
        } else if (state instanceof ExpectChangeCipherSpec) {
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
        return state == null ? "Start" : state.getClass().getSimpleName();
    }

    final class ExpectServerHello implements State {
        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectServerHello", HandshakeType.SERVER_HELLO);
            ServerHello sh = ServerHello.decode(frame.body());
            if (sh.legacyVersion() != VERSION || sh.extensions().has(ExtensionType.SUPPORTED_VERSIONS)) {
                // We offered TLS 1.2 only on this path: any other version is protocol_version (RFC 5246 §7.4.1.3).
                throw Violation.UNSUPPORTED_VERSION.alert("ServerHello selects version 0x"
                        + Integer.toHexString(sh.legacyVersion()) + (sh.extensions().has(
                        ExtensionType.SUPPORTED_VERSIONS) ? " with supported_versions" : ""));
            }
            if (options.tls13Capable() && hasDowngradeSentinel(sh.random())) {
                // RFC 8446 §4.1.3: a TLS 1.3 client that negotiated TLS 1.2 MUST check the last 8 bytes.
                throw Violation.DOWNGRADE_DETECTED.alert("TLS 1.2 ServerHello.random ends in a downgrade sentinel");
            }
            Tls12CipherSuite suite = Tls12CipherSuite.fromCode(sh.cipherSuite()).filter(options::offers)
                    .orElseThrow(() -> Violation.UNOFFERED_CIPHER_SUITE.alert("ServerHello chose cipher suite 0x"
                            + Integer.toHexString(sh.cipherSuite())));
            if (sh.compressionMethod() != 0) {
                throw Violation.BAD_COMPRESSION.alert("ServerHello compression_method " + sh.compressionMethod());
            }
            List<Extension> extra = sh.extensions().outside(HelloExtensions.serverAllowed(
                    offeredTicketExtension, sentServerName));
            if (!extra.isEmpty()) {
                // RFC 5246 §7.4.1.4: an extension the client did not offer is unsupported_extension.
                throw Violation.UNSOLICITED_EXTENSION.alert("ServerHello carries " + extra);
            }
            if (!HelloExtensions.checkInitialRenegotiationInfo(sh.extensions(), "ServerHello")) {
                // RFC 5746 §4.1: without it the server may be vulnerable; we refuse such servers.
                throw Violation.MISSING_EXTENSION.alert(AlertDescription.HANDSHAKE_FAILURE,
                        "ServerHello lacks renegotiation_info (RFC 5746)");
            }
            boolean ems = HelloExtensions.checkExtendedMasterSecret(sh.extensions(), "ServerHello");
            HelloExtensions.checkPointFormats(sh.extensions(), "ServerHello");
            received(frame);
            Params p = new Params(suite, sh.random(), sh.legacySessionIdEcho(), ems,
                    sh.extensions().has(ExtensionType.SESSION_TICKET));
            if (offeredSession != null && offeredSessionId.length > 0
                    && Arrays.equals(sh.legacySessionIdEcho(), offeredSessionId)) {
                return resume(p);
            }
            if (!ems && options.requireExtendedMasterSecret()) {
                // RFC 7627 §5.2: the client MAY abort a full handshake without it; we do by default.
                throw Violation.MISSING_EXTENSION.alert(AlertDescription.HANDSHAKE_FAILURE,
                        "ServerHello lacks extended_master_secret (RFC 7627)");
            }
            return new ExpectCertificate(p);
        }

        /** The abbreviated handshake (RFC 5246 §7.3 Figure 2): the server accepted our session. */
        private State resume(Params p) throws TlsAlertException {
            Tls12Session s = offeredSession;
            if (s.suite() != p.suite()) {
                throw Violation.BAD_LEGACY_FIELD.alert("resumed session was " + s.suite() + ", ServerHello says "
                        + p.suite());
            }
            if (s.extendedMasterSecret() != p.ems()) {
                // RFC 7627 §5.3: resumption must keep the session's extended master secret status.
                throw Violation.MISSING_EXTENSION.alert(AlertDescription.HANDSHAKE_FAILURE,
                        "resumption changes extended_master_secret from " + s.extendedMasterSecret());
            }
            ctx.logMasterSecret(clientRandom, s.masterSecret());
            KeyBlock keys = KeyBlock.derive(p.suite(), s.masterSecret(), clientRandom, p.serverRandom());
            Tls12Negotiated summary = new Tls12Negotiated(p.suite(), null, null, true, s.ticket() != null, p.ems(),
                    false, s.peerCertificates(), config.serverName());
            Established e = new Established(s.masterSecret(), keys, summary);
            return p.ticketExpected() ? new ExpectNewSessionTicket(p, e, true)
                    : new ExpectChangeCipherSpec(p, e, true, null);
        }
    }

    static boolean hasDowngradeSentinel(byte[] random) {
        byte[] tail = Arrays.copyOfRange(random, 24, 32);
        return Arrays.equals(tail, ServerHello.DOWNGRADE_TLS12) || Arrays.equals(tail, ServerHello.DOWNGRADE_TLS11);
    }

    final class ExpectCertificate implements State {
        private final Params p;

        ExpectCertificate(Params p) {
            this.p = p;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectCertificate", HandshakeType.CERTIFICATE);
            Certificate12 c = Certificate12.decode(frame.body());
            if (c.derChain().isEmpty()) {
                throw Violation.EMPTY_SERVER_CERTIFICATE.alert("server Certificate is empty");
            }
            List<X509Certificate> chain = config.peerVerifier().verify(Role.SERVER, c.derChain(),
                    config.serverName());
            AsymmetricKeyParameter key = config.peerKeys().publicKey(chain.get(0).getPublicKey());
            boolean rsa = Tls12Signing.isRsa(key);
            if (rsa != p.suite().keyExchange().rsaCertificate()) {
                // RFC 5246 §7.4.2 / RFC 8422 §5.3: the certificate key must suit the key exchange.
                throw Violation.CERTIFICATE_REJECTED.alert(AlertDescription.UNSUPPORTED_CERTIFICATE,
                        (rsa ? "RSA" : "non-RSA") + " server key under " + p.suite());
            }
            received(frame);
            Peer peer = new Peer(chain, key);
            if (p.suite().keyExchange().ephemeral()) {
                return new ExpectServerKeyExchange(p, peer);
            }
            return new ExpectCertificateRequestOrDone(p, peer, new RsaTransport((RSAKeyParameters) key));
        }
    }

    final class ExpectServerKeyExchange implements State {
        private final Params p;
        private final Peer peer;

        ExpectServerKeyExchange(Params p, Peer peer) {
            this.p = p;
            this.peer = peer;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            // RFC 5246 §7.4.3: under ECDHE the ServerKeyExchange is mandatory; anything else here is unexpected.
            Expect.oneOf(frame, "ExpectServerKeyExchange", HandshakeType.SERVER_KEY_EXCHANGE);
            ServerKeyExchange ske = ServerKeyExchange.decode(frame.body());
            NamedGroup group = NamedGroup.fromCode(ske.namedCurve()).filter(config.groups()::contains)
                    .orElseThrow(() -> Violation.UNOFFERED_GROUP.alert("ServerKeyExchange curve 0x"
                            + Integer.toHexString(ske.namedCurve()) + " was not offered"));
            SignatureScheme scheme = SignatureScheme.fromCode(ske.signatureScheme())
                    .filter(s -> Tls12Signing.usable(s) && config.signatureSchemes().contains(s))
                    .orElseThrow(() -> Violation.UNOFFERED_SIGNATURE_SCHEME.alert("ServerKeyExchange signed with 0x"
                            + Integer.toHexString(ske.signatureScheme())));
            if (!Tls12Signing.keyTypeFits(scheme, peer.key())) {
                throw Violation.UNOFFERED_SIGNATURE_SCHEME.alert(scheme + " does not fit the server's key");
            }
            byte[] signed = Tls12Signing.serverKeyExchangeContent(clientRandom, p.serverRandom(), ske.params());
            if (!Signatures.verify(scheme, peer.key(), signed, ske.signature())) {
                throw Violation.BAD_CERTIFICATE_VERIFY.alert("ServerKeyExchange signature does not verify");
            }
            EphemeralKey ours = config.keyShareSource().keyFor(group, config.random());
            byte[] premaster = ours.agree(ske.point());
            received(frame);
            return new ExpectCertificateRequestOrDone(p, peer, new Ecdhe(group, scheme, premaster,
                    ours.publicKey()));
        }
    }

    final class ExpectCertificateRequestOrDone implements State {
        private final Params p;
        private final Peer peer;
        private final KeyAgreement agreement;

        ExpectCertificateRequestOrDone(Params p, Peer peer, KeyAgreement agreement) {
            this.p = p;
            this.peer = peer;
            this.agreement = agreement;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            // Under RSA key transport a ServerKeyExchange lands here: unexpected_message (RFC 5246 §7.4.3).
            HandshakeType t = Expect.oneOf(frame, "ExpectCertificateRequestOrDone",
                    HandshakeType.CERTIFICATE_REQUEST, HandshakeType.SERVER_HELLO_DONE);
            if (t == HandshakeType.CERTIFICATE_REQUEST) {
                CertificateRequest12 cr = CertificateRequest12.decode(frame.body());
                received(frame);
                return new ExpectServerHelloDone(p, peer, agreement, cr);
            }
            ServerHelloDone.decode(frame.body());
            received(frame);
            return sendFlight(p, peer, agreement, null);
        }
    }

    final class ExpectServerHelloDone implements State {
        private final Params p;
        private final Peer peer;
        private final KeyAgreement agreement;
        private final CertificateRequest12 request;

        ExpectServerHelloDone(Params p, Peer peer, KeyAgreement agreement, CertificateRequest12 request) {
            this.p = p;
            this.peer = peer;
            this.agreement = agreement;
            this.request = request;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectServerHelloDone", HandshakeType.SERVER_HELLO_DONE);
            ServerHelloDone.decode(frame.body());
            received(frame);
            return sendFlight(p, peer, agreement, request);
        }
    }

    /** Certificate?, ClientKeyExchange, CertificateVerify?, ChangeCipherSpec, Finished (RFC 5246 §7.3 Figure 1). */
    private State sendFlight(Params p, Peer peer, KeyAgreement agreement, CertificateRequest12 request)
            throws TlsAlertException {
        SignatureScheme clientScheme = null;
        if (request != null) {
            Optional<SignatureScheme> scheme = config.hasCredentials()
                    ? Tls12Signing.choose(config.signatureSchemes(), request.signatureSchemes(), config.signingKey())
                    : Optional.empty();
            clientScheme = scheme.orElse(null);
            // RFC 5246 §7.4.6: without a suitable certificate the client sends an empty list.
            send(new Certificate12(clientScheme == null ? List.of() : config.certificateChainDer()));
        }
        byte[] premaster;
        NamedGroup group = null;
        SignatureScheme serverScheme = null;
        if (agreement instanceof RsaTransport rsa) {
            premaster = RsaKeyTransport.newPremaster(VERSION, config.random());
            send(new ClientKeyExchange(true, RsaKeyTransport.encrypt(rsa.serverKey(), premaster, config.random())));
        } else {
            Ecdhe e = (Ecdhe) agreement;
            premaster = e.premaster();
            group = e.group();
            serverScheme = e.scheme();
            send(new ClientKeyExchange(false, e.ourPoint()));
        }
        byte[] master = p.ems()
                ? Prf.extendedMasterSecret(p.suite().hash(), premaster, transcriptHash(p.suite()))
                : Prf.masterSecret(p.suite().hash(), premaster, clientRandom, p.serverRandom());
        ctx.logMasterSecret(clientRandom, master);
        ctx.exchangeSecret(new ExchangeSecret.Tls12(p.suite(), premaster, master, p.ems()));
        if (clientScheme != null) {
            // RFC 5246 §7.4.8: the signature covers every handshake message so far.
            byte[] sig = Signatures.sign(clientScheme, config.signingKey(), transcript.toByteArray(),
                    config.random());
            send(new CertificateVerify12(clientScheme.code(), sig));
        }
        KeyBlock keys = KeyBlock.derive(p.suite(), master, clientRandom, p.serverRandom());
        ctx.sendChangeCipherSpec(keys.clientWrite(p.suite()));
        send(new Finished12(Prf.verifyData(p.suite().hash(), master, true, transcriptHash(p.suite()))));
        Tls12Negotiated summary = new Tls12Negotiated(p.suite(), group, serverScheme, false, false, p.ems(),
                clientScheme != null, peer.chain(), config.serverName());
        Established e = new Established(master, keys, summary);
        return p.ticketExpected() ? new ExpectNewSessionTicket(p, e, false)
                : new ExpectChangeCipherSpec(p, e, false, null);
    }

    /** RFC 5077 §3.3: a server that sent session_ticket in its ServerHello sends NewSessionTicket before its CCS. */
    final class ExpectNewSessionTicket implements State {
        private final Params p;
        private final Established e;
        private final boolean abbreviated;

        ExpectNewSessionTicket(Params p, Established e, boolean abbreviated) {
            this.p = p;
            this.e = e;
            this.abbreviated = abbreviated;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectNewSessionTicket", HandshakeType.NEW_SESSION_TICKET);
            NewSessionTicket12 t = NewSessionTicket12.decode(frame.body());
            received(frame);
            return new ExpectChangeCipherSpec(p, e, abbreviated, t.ticket().length == 0 ? null : t.ticket());
        }
    }

    final class ExpectChangeCipherSpec implements State {
        private final Params p;
        private final Established e;
        private final boolean abbreviated;
        private final byte[] ticket;

        ExpectChangeCipherSpec(Params p, Established e, boolean abbreviated, byte[] ticket) {
            this.p = p;
            this.e = e;
            this.abbreviated = abbreviated;
            this.ticket = ticket;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            // RFC 5246 §7.4.9: Finished comes after ChangeCipherSpec; a handshake message here is unexpected.
            throw Violation.UNEXPECTED_MESSAGE.alert("in ExpectChangeCipherSpec received " + frame.typeName()
                    + " before ChangeCipherSpec");
        }

        @Override
        public State changeCipherSpec() throws TlsAlertException {
            ctx.installReadProtection(e.keys().serverWrite(p.suite()));
            return new ExpectFinished(p, e, abbreviated, ticket);
        }
    }

    final class ExpectFinished implements State {
        private final Params p;
        private final Established e;
        private final boolean abbreviated;
        private final byte[] ticket;

        ExpectFinished(Params p, Established e, boolean abbreviated, byte[] ticket) {
            this.p = p;
            this.e = e;
            this.abbreviated = abbreviated;
            this.ticket = ticket;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectFinished", HandshakeType.FINISHED);
            Finished12 f = Finished12.decode(frame.body());
            byte[] expected = Prf.verifyData(p.suite().hash(), e.master(), false, transcriptHash(p.suite()));
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(expected, f.verifyData())) {
                throw Violation.FINISHED_MISMATCH.alert("server Finished verify_data mismatch");
            }
            received(frame);
            if (abbreviated) {
                ctx.sendChangeCipherSpec(e.keys().clientWrite(p.suite()));
                send(new Finished12(Prf.verifyData(p.suite().hash(), e.master(), true, transcriptHash(p.suite()))));
            }
            remember();
            ctx.handshakeComplete(e.summary());
            return new Connected();
        }

        private void remember() {
            if (options.clientSessions() == null) {
                return;
            }
            if (abbreviated) {
                if (ticket != null) {
                    options.clientSessions().put(serverKey(), offeredSession.withTicket(ticket));
                }
                return;
            }
            if (ticket != null || p.sessionId().length > 0) {
                options.clientSessions().put(serverKey(), new Tls12Session(p.sessionId(), ticket, p.suite(),
                        e.master(), p.ems(), e.summary().peerCertificates()));
            }
        }
    }

    /** Handshake done: only HelloRequest (answered above) may arrive; renegotiation is not supported. */
    final class Connected implements State {
        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            throw Violation.UNEXPECTED_MESSAGE.alert("handshake message " + frame.typeName()
                    + " after the handshake completed");
        }
    }
}
