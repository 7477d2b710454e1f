package tlsconf.impl.handshake;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.Negotiated;
import tlsconf.impl.SessionTicket;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.seam.ExchangeSecret;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.crypto.EphemeralKey;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.KeySchedule;
import tlsconf.impl.message.CertificateMessage;
import tlsconf.impl.message.CertificateRequest;
import tlsconf.impl.message.CertificateVerify;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.EncryptedExtensions;
import tlsconf.impl.message.Expect;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Finished;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.KeyUpdate;
import tlsconf.impl.message.NewSessionTicket;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.impl.message.ext.KeyShareEntry;
import tlsconf.impl.record.Epoch;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The TLS 1.3 client handshake (RFC 8446 §2, §4). Each state is a type named for what it waits for; handling a
 * message returns the next state.
 */
public final class Tls13ClientHandshake implements Handshake {
    private final HandshakeContext ctx;
    private final TlsConfig config;
    private State state;
    private byte[] random;
    private byte[] sessionId;
    private final Map<NamedGroup, EphemeralKey> keys = new EnumMap<>(NamedGroup.class);
    private ClientHello hello;
    private SessionTicket ticket;
    private boolean helloRetried;
    private boolean ccsSent;
    private boolean earlyOffered;
    private boolean earlyAccepted;

    /** The client's states, named for the message each waits for. */
    sealed interface State permits ExpectServerHello, ExpectEncryptedExtensions,
            ExpectCertificateOrCertificateRequest, ExpectCertificate, ExpectCertificateVerify, ExpectFinished,
            Connected {
        State handle(HandshakeFrame frame) throws TlsAlertException;
    }

    public Tls13ClientHandshake(HandshakeContext ctx) {
        this.ctx = ctx;
        this.config = ctx.config();
    }

    @Override
    public void start() throws TlsAlertException {
        random = new byte[32];
        config.random().nextBytes(random);
        ctx.clientRandom(random);
        sessionId = new byte[config.middleboxCompat() ? 32 : 0];
        if (sessionId.length > 0) {
            config.random().nextBytes(sessionId);
        }
        for (NamedGroup g : config.keyShareGroups()) {
            keys.put(g, config.keyShareSource().keyFor(g, config.random()));
        }
        if (config.sessionStore() != null) {
            ticket = config.sessionStore().take(serverKey())
                    .filter(t -> !t.expiredAt(config.clock().instant()))
                    .filter(t -> config.cipherSuites().stream().anyMatch(s -> s.hash() == t.cipherSuite().hash()))
                    .orElse(null);
        }
        earlyOffered = ticket != null && ticket.maxEarlyData() > 0 && config.earlyData() != null
                && config.cipherSuites().contains(ticket.cipherSuite());
        sendHello(null);
        if (earlyOffered) {
            sendEarlyData();
        }
        state = new ExpectServerHello(null, null);
    }

    /** 0-RTT (RFC 8446 §2.3, §4.2.10): data under client_early_traffic_secret right after the ClientHello. */
    private void sendEarlyData() throws TlsAlertException {
        HashAlgorithm hash = ticket.cipherSuite().hash();
        byte[] secret = KeySchedule.early(hash, ticket.psk())
                .clientEarlyTrafficSecret(ctx.transcript().hashWith(hash, new byte[0]));
        ctx.keyLog("CLIENT_EARLY_TRAFFIC_SECRET", secret);
        if (config.middleboxCompat() && !ccsSent) {
            ctx.sendChangeCipherSpec();
            ccsSent = true;
        }
        ctx.installWriteKeys(Epoch.EARLY_DATA, ticket.cipherSuite(), secret);
        byte[] data = config.earlyData();
        ctx.sendEarlyData(java.util.Arrays.copyOf(data, (int) Math.min(data.length, ticket.maxEarlyData())));
    }

    private String serverKey() {
        return config.serverName() == null ? "" : config.serverName();
    }

    @Override
    public void handle(HandshakeFrame frame) throws TlsAlertException {
        state = state.handle(frame);
    }

    @Override
    public String state() {
        return state == null ? "Start" : state.getClass().getSimpleName();
    }

    @Override
    public boolean changeCipherSpecAllowed() {
        return state != null && !(state instanceof Connected);
    }

    @Override
    public void keyUpdate(boolean requestPeerUpdate) throws TlsAlertException {
        if (!(state instanceof Connected)) {
            throw Violation.NOT_CONNECTED.alert("KeyUpdate before the handshake completed");
        }
        ((Connected) state).phase.send(requestPeerUpdate);
    }

    /** Builds and sends a ClientHello (RFC 8446 §4.1.2), with the PSK binder when resuming (§4.2.11.2). */
    private void sendHello(byte[] cookie) throws TlsAlertException {
        ClientHello ch = ClientHellos.build(config, random, sessionId, keys.values(), cookie,
                earlyOffered && !helloRetried);
        if (ticket != null) {
            ch = ClientHellos.withBinder(ch, ticket, ctx.transcript(), config.clock().instant());
        }
        hello = ch;
        ctx.send(ch);
    }

    /** Checks shared by ServerHello and HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4, §4.2.1). */
    private CipherSuite checkHello(ServerHello sh, java.util.Set<ExtensionType> allowed, String name)
            throws TlsAlertException {
        Optional<byte[]> sv = sh.extensions().data(ExtensionType.SUPPORTED_VERSIONS);
        if (sv.isEmpty()) {
            // §4.1.3: a TLS 1.3 client MUST check for the downgrade sentinel in a TLS 1.2-or-older ServerHello.
            byte[] tail = Arrays.copyOfRange(sh.random(), 24, 32);
            if (Arrays.equals(tail, ServerHello.DOWNGRADE_TLS12) || Arrays.equals(tail, ServerHello.DOWNGRADE_TLS11)) {
                throw Violation.DOWNGRADE_DETECTED.alert(name + " random ends with the downgrade sentinel");
            }
            throw Violation.UNSUPPORTED_VERSION.alert(String.format("%s negotiates legacy_version 0x%04x; we offer"
                    + " TLS 1.3 only", name, sh.legacyVersion()));
        }
        int version = CodeLists.decodeU16(sv.get(), "supported_versions");
        if (version != TlsVersion.TLS_1_3.code()) {
            // §4.2.1: a version not offered is illegal_parameter.
            throw Violation.BAD_EXTENSION.alert(String.format("%s supported_versions selects 0x%04x", name, version));
        }
        if (!Arrays.equals(sh.legacySessionIdEcho(), sessionId)) {
            throw Violation.SESSION_ID_MISMATCH.alert(name + " legacy_session_id_echo differs from ours");
        }
        CipherSuite suite = CipherSuite.fromCode(sh.cipherSuite()).filter(CipherSuite::isTls13)
                .filter(config.cipherSuites()::contains)
                .orElseThrow(() -> Violation.UNOFFERED_CIPHER_SUITE.alert(String.format(
                        "%s selects cipher suite 0x%04x", name, sh.cipherSuite())));
        if (sh.compressionMethod() != 0) {
            throw Violation.BAD_COMPRESSION.alert(name + " compression method " + sh.compressionMethod());
        }
        ExtensionRules.checkResponse(sh.extensions(), hello.extensions(), allowed, name);
        return suite;
    }

    /** Waits for ServerHello or (once) HelloRetryRequest. */
    final class ExpectServerHello implements State {
        private final CipherSuite retrySuite;
        private final NamedGroup retryGroup;

        ExpectServerHello(CipherSuite retrySuite, NamedGroup retryGroup) {
            this.retrySuite = retrySuite;
            this.retryGroup = retryGroup;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectServerHello", HandshakeType.SERVER_HELLO);
            ServerHello sh = ServerHello.decode(frame.body());
            if (sh.isHelloRetryRequest()) {
                if (helloRetried) {
                    // §4.1.4: a second HelloRetryRequest is unexpected_message.
                    throw Violation.SECOND_HELLO_RETRY_REQUEST.alert();
                }
                return onHelloRetryRequest(sh, frame);
            }
            return onServerHello(sh, frame);
        }

        private State onHelloRetryRequest(ServerHello hrr, HandshakeFrame frame) throws TlsAlertException {
            CipherSuite suite = checkHello(hrr, ExtensionRules.HELLO_RETRY_REQUEST, "HelloRetryRequest");
            NamedGroup group = null;
            Optional<byte[]> ks = hrr.extensions().data(ExtensionType.KEY_SHARE);
            if (ks.isPresent()) {
                int code = KeyShareEntry.decodeSelectedGroup(ks.get());
                group = NamedGroup.fromCode(code).filter(config.groups()::contains).orElseThrow(
                        () -> Violation.UNOFFERED_GROUP.alert("HelloRetryRequest selects group " + code));
                if (keys.containsKey(group)) {
                    // §4.2.8: a group we already sent a share for would not change the ClientHello.
                    throw Violation.USELESS_HELLO_RETRY_REQUEST.alert("HelloRetryRequest asks for " + group
                            + ", which we already sent");
                }
            }
            byte[] cookie = null;
            Optional<byte[]> c = hrr.extensions().data(ExtensionType.COOKIE);
            if (c.isPresent()) {
                cookie = CodeLists.decodeOpaque16(c.get(), "cookie");
            }
            if (group == null && cookie == null) {
                throw Violation.USELESS_HELLO_RETRY_REQUEST.alert();
            }
            ctx.transcript().chooseHash(suite.hash());
            ctx.transcript().replaceWithMessageHash();
            ctx.transcript().add(frame.raw());
            helloRetried = true;
            if (ticket != null && ticket.cipherSuite().hash() != suite.hash()) {
                ticket = null;
            }
            if (group != null) {
                keys.clear();
                keys.put(group, config.keyShareSource().keyFor(group, config.random()));
            }
            if (config.middleboxCompat() && !ccsSent) {
                ctx.sendChangeCipherSpec();
                ccsSent = true;
            }
            if (earlyOffered) {
                // §4.1.2: after a HelloRetryRequest, 0-RTT is over and the second ClientHello is plaintext.
                ctx.plaintextWrites();
            }
            sendHello(cookie);
            return new ExpectServerHello(suite, group);
        }

        private State onServerHello(ServerHello sh, HandshakeFrame frame) throws TlsAlertException {
            CipherSuite suite = checkHello(sh, ExtensionRules.SERVER_HELLO, "ServerHello");
            if (retrySuite != null && suite != retrySuite) {
                throw Violation.HRR_MISMATCH.alert("ServerHello suite " + suite + " differs from the"
                        + " HelloRetryRequest's " + retrySuite);
            }
            boolean resumed = false;
            Optional<byte[]> psk = sh.extensions().data(ExtensionType.PRE_SHARED_KEY);
            if (psk.isPresent()) {
                int selected = CodeLists.decodeU16(psk.get(), "pre_shared_key");
                if (selected != 0 || ticket.cipherSuite().hash() != suite.hash()) {
                    throw Violation.BAD_PSK.alert("ServerHello selects PSK " + selected + " with " + suite);
                }
                resumed = true;
            }
            NamedGroup group = null;
            byte[] shared = null;
            Optional<byte[]> ks = sh.extensions().data(ExtensionType.KEY_SHARE);
            if (ks.isPresent()) {
                KeyShareEntry entry = KeyShareEntry.decodeServerShare(ks.get());
                group = NamedGroup.fromCode(entry.group()).filter(keys::containsKey).orElseThrow(
                        () -> Violation.UNOFFERED_GROUP.alert("ServerHello key_share for group " + entry.group()
                                + ", for which we sent no share"));
                if (retryGroup != null && group != retryGroup) {
                    throw Violation.HRR_MISMATCH.alert("ServerHello group " + group + " differs from the"
                            + " HelloRetryRequest's " + retryGroup);
                }
                shared = keys.get(group).agree(entry.keyExchange());
            } else if (!(resumed && config.pskKe())) {
                throw Violation.MISSING_EXTENSION.alert("ServerHello without key_share");
            }
            ctx.transcript().chooseHash(suite.hash());
            ctx.transcript().add(frame.raw());
            KeySchedule.Handshake hs = KeySchedule.early(suite.hash(), resumed ? ticket.psk() : null)
                    .handshake(shared);
            ctx.exchangeSecret(new ExchangeSecret.Tls13(suite, shared, hs.secret()));
            byte[] helloHash = ctx.transcript().currentHash();
            byte[] chts = hs.clientHandshakeTrafficSecret(helloHash);
            byte[] shts = hs.serverHandshakeTrafficSecret(helloHash);
            ctx.keyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", chts);
            ctx.keyLog("SERVER_HANDSHAKE_TRAFFIC_SECRET", shts);
            ctx.installReadKeys(Epoch.HANDSHAKE, suite, shts);
            if (config.middleboxCompat() && !ccsSent) {
                ctx.sendChangeCipherSpec();
                ccsSent = true;
            }
            if (!earlyOffered || helloRetried) {
                ctx.installWriteKeys(Epoch.HANDSHAKE, suite, chts);
            }
            return new ExpectEncryptedExtensions(new HandshakeKeys(suite, hs, chts, shts, group, resumed));
        }
    }

    /** Waits for EncryptedExtensions (§4.3.1). */
    final class ExpectEncryptedExtensions implements State {
        private final HandshakeKeys k;

        ExpectEncryptedExtensions(HandshakeKeys k) {
            this.k = k;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectEncryptedExtensions", HandshakeType.ENCRYPTED_EXTENSIONS);
            EncryptedExtensions ee = EncryptedExtensions.decode(frame.body());
            ExtensionRules.checkResponse(ee.extensions(), hello.extensions(), ExtensionRules.ENCRYPTED_EXTENSIONS,
                    "EncryptedExtensions");
            Optional<byte[]> rsl = ee.extensions().data(ExtensionType.RECORD_SIZE_LIMIT);
            if (rsl.isPresent()) {
                int limit = CodeLists.decodeU16(rsl.get(), "record_size_limit");
                if (limit < 64) {
                    // RFC 8449 §4: a value below 64 is illegal_parameter.
                    throw Violation.BAD_EXTENSION.alert("record_size_limit " + limit + " below 64");
                }
                ctx.recordSizeLimits(limit, config.recordSizeLimit() > 0 ? config.recordSizeLimit() : (1 << 14) + 1);
            }
            if (ee.extensions().has(ExtensionType.EARLY_DATA)) {
                CodeLists.decodeEmpty(ee.extensions().data(ExtensionType.EARLY_DATA).get(), "early_data");
                if (!k.resumed() || helloRetried || k.suite() != ticket.cipherSuite()) {
                    // §4.2.10: early data can only be accepted with the first PSK and its cipher suite.
                    throw Violation.BAD_EXTENSION.alert("early_data accepted without the ticket's PSK and suite");
                }
                earlyAccepted = true;
            }
            ctx.transcript().add(frame.raw());
            if (k.resumed()) {
                // §2.2: with a PSK the server authenticates by Finished alone.
                return new ExpectFinished(k, null, ticket.peerCertificates(), null);
            }
            return new ExpectCertificateOrCertificateRequest(k);
        }
    }

    /** Waits for CertificateRequest or the server's Certificate (§4.3.2, §4.4.2). */
    final class ExpectCertificateOrCertificateRequest implements State {
        private final HandshakeKeys k;

        ExpectCertificateOrCertificateRequest(HandshakeKeys k) {
            this.k = k;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            HandshakeType t = Expect.oneOf(frame, "ExpectCertificateOrCertificateRequest",
                    HandshakeType.CERTIFICATE_REQUEST, HandshakeType.CERTIFICATE);
            if (t == HandshakeType.CERTIFICATE) {
                return serverCertificate(k, null, frame);
            }
            CertificateRequest cr = CertificateRequest.decode(frame.body());
            if (cr.context().length != 0) {
                // §4.3.2: the context is zero length in the main handshake.
                throw Violation.BAD_CERTIFICATE_CONTEXT.alert("CertificateRequest context of "
                        + cr.context().length + " bytes in the handshake");
            }
            for (Extension e : cr.extensions().list()) {
                if (!ExtensionRules.CERTIFICATE_REQUEST.contains(e.type())) {
                    throw Violation.BAD_EXTENSION.alert(e + " is not allowed in CertificateRequest");
                }
            }
            CodeLists.decodeU16List(cr.extensions().require(ExtensionType.SIGNATURE_ALGORITHMS,
                    "CertificateRequest"), "signature_algorithms");
            ctx.transcript().add(frame.raw());
            return new ExpectCertificate(k, cr);
        }
    }

    /** After a CertificateRequest: waits for the server's Certificate. */
    final class ExpectCertificate implements State {
        private final HandshakeKeys k;
        private final CertificateRequest request;

        ExpectCertificate(HandshakeKeys k, CertificateRequest request) {
            this.k = k;
            this.request = request;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectCertificate", HandshakeType.CERTIFICATE);
            return serverCertificate(k, request, frame);
        }
    }

    private State serverCertificate(HandshakeKeys k, CertificateRequest request, HandshakeFrame frame)
            throws TlsAlertException {
        CertificateMessage cm = CertificateMessage.decode(frame.body());
        if (cm.context().length != 0) {
            throw Violation.BAD_CERTIFICATE_CONTEXT.alert("server Certificate with a non-empty context");
        }
        if (cm.entries().isEmpty()) {
            // §4.4.2.4: an empty server Certificate is decode_error.
            throw Violation.EMPTY_SERVER_CERTIFICATE.alert();
        }
        List<X509Certificate> chain = config.peerVerifier().verify(Role.SERVER, cm.derChain(), config.serverName());
        ctx.transcript().add(frame.raw());
        return new ExpectCertificateVerify(k, request, chain);
    }

    /** Waits for the server's CertificateVerify (§4.4.3). */
    final class ExpectCertificateVerify implements State {
        private final HandshakeKeys k;
        private final CertificateRequest request;
        private final List<X509Certificate> chain;

        ExpectCertificateVerify(HandshakeKeys k, CertificateRequest request, List<X509Certificate> chain) {
            this.k = k;
            this.request = request;
            this.chain = chain;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectCertificateVerify", HandshakeType.CERTIFICATE_VERIFY);
            CertificateVerify cv = CertificateVerify.decode(frame.body());
            SignatureScheme scheme = Proofs.checkCertificateVerify(cv, config.signatureSchemes(), chain.get(0),
                    config.peerKeys(), true, ctx.transcript().currentHash());
            ctx.transcript().add(frame.raw());
            return new ExpectFinished(k, request, chain, scheme);
        }
    }

    /** Waits for the server's Finished, then sends the client's second flight (§4.4.4). */
    final class ExpectFinished implements State {
        private final HandshakeKeys k;
        private final CertificateRequest request;
        private final List<X509Certificate> chain;
        private final SignatureScheme scheme;

        ExpectFinished(HandshakeKeys k, CertificateRequest request, List<X509Certificate> chain,
                SignatureScheme scheme) {
            this.k = k;
            this.request = request;
            this.chain = chain;
            this.scheme = scheme;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectFinished", HandshakeType.FINISHED);
            HashAlgorithm hash = k.suite().hash();
            Proofs.checkFinished(Finished.decode(frame.body()), hash, k.serverSecret(),
                    ctx.transcript().currentHash());
            ctx.transcript().add(frame.raw());
            KeySchedule.Master master = k.schedule().master();
            byte[] serverFinishedHash = ctx.transcript().currentHash();
            byte[] cats = master.clientApplicationTrafficSecret(serverFinishedHash);
            byte[] sats = master.serverApplicationTrafficSecret(serverFinishedHash);
            ctx.keyLog("CLIENT_TRAFFIC_SECRET_0", cats);
            ctx.keyLog("SERVER_TRAFFIC_SECRET_0", sats);
            ctx.keyLog("EXPORTER_SECRET", master.exporterMasterSecret(serverFinishedHash));
            ctx.installReadKeys(Epoch.APPLICATION, k.suite(), sats);
            if (earlyAccepted) {
                // §4.5: EndOfEarlyData under the early keys closes 0-RTT.
                ctx.send(new tlsconf.impl.message.EndOfEarlyData());
            }
            if (earlyOffered && !helloRetried) {
                ctx.installWriteKeys(Epoch.HANDSHAKE, k.suite(), k.clientSecret());
            }
            boolean clientAuthenticated = false;
            if (request != null) {
                clientAuthenticated = sendClientCertificate();
            }
            ctx.send(Proofs.finished(hash, k.clientSecret(), ctx.transcript().currentHash()));
            ctx.installWriteKeys(Epoch.APPLICATION, k.suite(), cats);
            byte[] rms = master.resumptionMasterSecret(ctx.transcript().currentHash());
            ctx.handshakeComplete(new Negotiated(TlsVersion.TLS_1_3, k.suite(), k.group(), scheme, k.resumed(),
                    helloRetried, clientAuthenticated, chain, config.serverName(), earlyAccepted));
            return new Connected(new TrafficPhase(ctx, k.suite(), sats, cats), k.suite(), rms, chain);
        }

        /** §4.4.2: our chain and CertificateVerify, or an empty Certificate when we have no suitable one. */
        private boolean sendClientCertificate() throws TlsAlertException {
            SignatureScheme ours = null;
            if (config.hasCredentials()) {
                List<Integer> offered = CodeLists.decodeU16List(request.extensions().require(
                        ExtensionType.SIGNATURE_ALGORITHMS, "CertificateRequest"), "signature_algorithms");
                try {
                    ours = Proofs.chooseScheme(config, config.signingKey(), offered);
                } catch (TlsAlertException e) {
                    ours = null;
                }
            }
            if (ours == null) {
                ctx.send(CertificateMessage.of(request.context(), List.of()));
                return false;
            }
            ctx.send(CertificateMessage.of(request.context(), config.certificateChainDer()));
            ctx.send(Proofs.certificateVerify(false, ours, config.signingKey(), ctx.transcript().currentHash(),
                    config.random()));
            return true;
        }
    }

    /** After the handshake: tickets and key updates (§4.6). */
    final class Connected implements State {
        private final TrafficPhase phase;
        private final CipherSuite suite;
        private final byte[] resumptionMasterSecret;
        private final List<X509Certificate> chain;

        Connected(TrafficPhase phase, CipherSuite suite, byte[] resumptionMasterSecret, List<X509Certificate> chain) {
            this.phase = phase;
            this.suite = suite;
            this.resumptionMasterSecret = resumptionMasterSecret;
            this.chain = chain;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            HandshakeType t = Expect.oneOf(frame, "Connected", HandshakeType.NEW_SESSION_TICKET,
                    HandshakeType.KEY_UPDATE);
            if (t == HandshakeType.KEY_UPDATE) {
                phase.received(KeyUpdate.decode(frame.body()));
                return this;
            }
            NewSessionTicket nst = NewSessionTicket.decode(frame.body());
            long maxEarly = 0;
            for (Extension e : nst.extensions().list()) {
                if (e.type() == ExtensionType.EARLY_DATA) {
                    maxEarly = CodeLists.decodeU32(e.data(), "early_data");
                }
            }
            if (config.sessionStore() != null && nst.lifetime() > 0) {
                byte[] psk = KeySchedule.resumptionPsk(suite.hash(), resumptionMasterSecret, nst.nonce());
                config.sessionStore().put(serverKey(), new tlsconf.impl.SessionTicket(suite, psk, nst.ticket(),
                        Math.min(nst.lifetime(), 604800), nst.ageAdd(), config.clock().instant(), maxEarly,
                        chain == null ? List.of() : chain));
            }
            return this;
        }
    }
}
