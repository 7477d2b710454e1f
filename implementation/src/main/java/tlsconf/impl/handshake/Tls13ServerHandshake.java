package tlsconf.impl.handshake;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.Negotiated;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.seam.ExchangeSecret;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.crypto.EphemeralKey;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.crypto.KeySchedule;
import tlsconf.impl.message.CertificateMessage;
import tlsconf.impl.message.CertificateRequest;
import tlsconf.impl.message.CertificateVerify;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.EncryptedExtensions;
import tlsconf.impl.message.Expect;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;
import tlsconf.impl.message.Finished;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.KeyUpdate;
import tlsconf.impl.message.NewSessionTicket;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.impl.message.ext.KeyShareEntry;
import tlsconf.impl.message.ext.OfferedPsks;
import tlsconf.impl.record.Epoch;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The TLS 1.3 server handshake (RFC 8446 §2, §4), states as types named for the message each waits for. */
public final class Tls13ServerHandshake implements Handshake {
    private final HandshakeContext ctx;
    private final TlsConfig config;
    private State state;
    private boolean ccsSent;

    /** The server's states. */
    sealed interface State permits ExpectClientHello, ExpectEndOfEarlyData, ExpectCertificate,
            ExpectCertificateVerify, ExpectFinished, Connected {
        State handle(HandshakeFrame frame) throws TlsAlertException;
    }

    /** What a HelloRetryRequest asked for, so the second ClientHello can be held to it (§4.1.2, §4.1.4). */
    record Retry(CipherSuite suite, NamedGroup group, byte[] cookie, ClientHello first) {
    }

    /** Everything known once the server's flight is out. */
    record Flight(HandshakeKeys keys, KeySchedule.Master master, byte[] clientAppSecret, byte[] serverAppSecret,
            SignatureScheme scheme, boolean helloRetried, String serverName, CertificateRequest request,
            boolean earlyDataAccepted) {
    }

    public Tls13ServerHandshake(HandshakeContext ctx) {
        this.ctx = ctx;
        this.config = ctx.config();
        this.state = new ExpectClientHello(null);
    }

    @Override
    public void start() {
        // The client speaks first.
    }

    @Override
    public void handle(HandshakeFrame frame) throws TlsAlertException {
        state = state.handle(frame);
    }

    @Override
    public String state() {
        return state.getClass().getSimpleName();
    }

    @Override
    public boolean changeCipherSpecAllowed() {
        boolean beforeFirstHello = state instanceof ExpectClientHello && ((ExpectClientHello) state).retry == null;
        return !beforeFirstHello && !(state instanceof Connected);
    }

    @Override
    public void keyUpdate(boolean requestPeerUpdate) throws TlsAlertException {
        if (!(state instanceof Connected)) {
            throw Violation.NOT_CONNECTED.alert("KeyUpdate before the handshake completed");
        }
        ((Connected) state).phase.send(requestPeerUpdate);
    }

    /** Waits for a ClientHello; the second one after a HelloRetryRequest when {@code retry} is set. */
    final class ExpectClientHello implements State {
        private final Retry retry;

        ExpectClientHello(Retry retry) {
            this.retry = retry;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, retry == null ? "ExpectClientHello" : "ExpectSecondClientHello",
                    HandshakeType.CLIENT_HELLO);
            ClientHello ch = ClientHello.decode(frame.body());
            ClientHelloOffer offer = ClientHelloOffer.parse(ch, config);
            if (retry != null) {
                checkSecondHello(offer);
            }
            CipherSuite suite = offer.suite();
            HashAlgorithm hash = suite.hash();
            if (retry == null) {
                ctx.clientRandom(ch.random());
            }
            Psk psk = choosePsk(offer, frame, hash);
            boolean dhe = psk == null || psk.dhe();
            NamedGroup group = null;
            KeyShareEntry share = null;
            if (dhe) {
                for (NamedGroup g : config.groups()) {
                    Optional<KeyShareEntry> s = offer.shareFor(g.code());
                    if (s.isPresent()) {
                        group = g;
                        share = s.get();
                        break;
                    }
                }
                boolean forced = retry == null && config.forceHelloRetryRequest();
                if (group == null || forced) {
                    if (retry != null) {
                        throw Violation.BAD_SECOND_CLIENT_HELLO.alert("second ClientHello has no usable key share");
                    }
                    return helloRetry(offer, frame);
                }
            }
            if (retry == null) {
                ctx.transcript().chooseHash(hash);
            }
            ctx.transcript().add(frame.raw());
            byte[] clientHelloHash = ctx.transcript().currentHash();
            // §4.2.10: 0-RTT only with the first PSK, its suite, and no HelloRetryRequest.
            boolean acceptEarly = offer.earlyData() && psk != null && psk.index() == 0 && retry == null
                    && config.maxEarlyData() > 0 && psk.suite() == suite;
            byte[] shared = null;
            // Extension order as in RFC 8448's traces: key_share, pre_shared_key, supported_versions.
            List<Extension> ext = new ArrayList<>();
            if (dhe) {
                EphemeralKey ours = config.keyShareSource().keyFor(group, config.random());
                shared = ours.agree(share.keyExchange());
                ext.add(new Extension(ExtensionType.KEY_SHARE,
                        new KeyShareEntry(group.code(), ours.publicKey()).encodeServerShare()));
            }
            if (psk != null) {
                ext.add(new Extension(ExtensionType.PRE_SHARED_KEY, CodeLists.encodeU16(psk.index())));
            }
            ext.add(new Extension(ExtensionType.SUPPORTED_VERSIONS, CodeLists.encodeU16(TlsVersion.TLS_1_3.code())));
            byte[] random = new byte[32];
            config.random().nextBytes(random);
            ctx.send(new ServerHello(TlsVersion.TLS_1_2.code(), random, ch.legacySessionId(), suite.code(), 0,
                    new Extensions(ext)));
            if (ch.legacySessionId().length > 0 && !ccsSent) {
                // §D.4: a client in compatibility mode gets our CCS right after our first handshake message.
                ctx.sendChangeCipherSpec();
                ccsSent = true;
            }
            KeySchedule.Handshake hs = KeySchedule.early(hash, psk == null ? null : psk.key()).handshake(shared);
            ctx.exchangeSecret(new ExchangeSecret.Tls13(suite, shared, hs.secret()));
            byte[] helloHash = ctx.transcript().currentHash();
            byte[] chts = hs.clientHandshakeTrafficSecret(helloHash);
            byte[] shts = hs.serverHandshakeTrafficSecret(helloHash);
            ctx.keyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", chts);
            ctx.keyLog("SERVER_HANDSHAKE_TRAFFIC_SECRET", shts);
            ctx.installWriteKeys(Epoch.HANDSHAKE, suite, shts);
            if (acceptEarly) {
                byte[] cets = KeySchedule.early(hash, psk.key()).clientEarlyTrafficSecret(clientHelloHash);
                ctx.keyLog("CLIENT_EARLY_TRAFFIC_SECRET", cets);
                ctx.installReadKeys(Epoch.EARLY_DATA, suite, cets);
                ctx.acceptEarlyData(config.maxEarlyData());
            } else {
                ctx.installReadKeys(Epoch.HANDSHAKE, suite, chts);
                if (offer.earlyData()) {
                    // Declined 0-RTT: skip what the client sent under its early keys (§4.2.10).
                    ctx.skipEarlyData((int) Math.max(1 << 16, Math.min(Integer.MAX_VALUE, config.maxEarlyData())));
                }
            }
            HandshakeKeys keys = new HandshakeKeys(suite, hs, chts, shts, group, psk != null);
            return sendFlight(offer, keys, acceptEarly);
        }

        /** §4.1.2: the second ClientHello must follow the HelloRetryRequest. */
        private void checkSecondHello(ClientHelloOffer offer) throws TlsAlertException {
            ClientHello ch = offer.hello();
            if (!Arrays.equals(ch.legacySessionId(), retry.first().legacySessionId())
                    || !Arrays.equals(ch.random(), retry.first().random())) {
                throw Violation.BAD_SECOND_CLIENT_HELLO.alert("second ClientHello changed random or session id");
            }
            if (offer.suite() != retry.suite()) {
                throw Violation.BAD_SECOND_CLIENT_HELLO.alert("second ClientHello no longer leads to " + retry.suite());
            }
            if (retry.group() != null && (offer.shares().size() != 1
                    || offer.shares().get(0).group() != retry.group().code())) {
                throw Violation.BAD_SECOND_CLIENT_HELLO.alert("second ClientHello must carry one key share for "
                        + retry.group());
            }
            if (offer.earlyData()) {
                throw Violation.BAD_SECOND_CLIENT_HELLO.alert("early_data in the second ClientHello");
            }
            if (retry.cookie() != null) {
                Optional<byte[]> c = ch.extensions().data(ExtensionType.COOKIE);
                if (c.isEmpty() || !Arrays.equals(CodeLists.decodeOpaque16(c.get(), "cookie"), retry.cookie())) {
                    throw Violation.BAD_COOKIE.alert("second ClientHello " + (c.isEmpty() ? "lacks" : "changed")
                            + " the cookie");
                }
            }
        }

        private State helloRetry(ClientHelloOffer offer, HandshakeFrame frame) throws TlsAlertException {
            NamedGroup group = null;
            for (NamedGroup g : config.groups()) {
                if (offer.supportedGroups().contains(g.code()) && offer.shareFor(g.code()).isEmpty()) {
                    group = g;
                    break;
                }
            }
            if (group == null && !config.forceHelloRetryRequest()) {
                throw Violation.NO_COMMON_GROUP.alert("client supports none of our groups " + config.groups());
            }
            CipherSuite suite = offer.suite();
            ctx.transcript().chooseHash(suite.hash());
            ctx.transcript().add(frame.raw());
            byte[] cookie = null;
            // Extension order as in RFC 8448 §5: key_share, cookie, supported_versions.
            List<Extension> ext = new ArrayList<>();
            if (group != null) {
                ext.add(new Extension(ExtensionType.KEY_SHARE, KeyShareEntry.encodeSelectedGroup(group.code())));
            }
            if (config.helloRetryCookie() || group == null) {
                cookie = Hkdf.hmac(HashAlgorithm.SHA256, config.ticketKey(), ctx.transcript().currentHash());
                ext.add(new Extension(ExtensionType.COOKIE, CodeLists.encodeOpaque16(cookie)));
            }
            ext.add(new Extension(ExtensionType.SUPPORTED_VERSIONS, CodeLists.encodeU16(TlsVersion.TLS_1_3.code())));
            ctx.transcript().replaceWithMessageHash();
            ctx.send(new ServerHello(TlsVersion.TLS_1_2.code(), ServerHello.HRR_RANDOM,
                    offer.hello().legacySessionId(), suite.code(), 0, new Extensions(ext)));
            if (offer.hello().legacySessionId().length > 0) {
                ctx.sendChangeCipherSpec();
                ccsSent = true;
            }
            if (offer.earlyData()) {
                // §4.2.10: 0-RTT records that follow the first ClientHello are skipped.
                ctx.skipEarlyData((int) Math.max(1 << 16, Math.min(Integer.MAX_VALUE, config.maxEarlyData())));
            }
            return new ExpectClientHello(new Retry(suite, group, cookie, offer.hello()));
        }

        private State sendFlight(ClientHelloOffer offer, HandshakeKeys keys, boolean acceptEarly)
                throws TlsAlertException {
            List<Extension> ee = new ArrayList<>();
            if (offer.serverName() != null) {
                // RFC 6066 §3: an empty server_name acknowledges the name.
                ee.add(new Extension(ExtensionType.SERVER_NAME, new byte[0]));
            }
            if (acceptEarly) {
                ee.add(new Extension(ExtensionType.EARLY_DATA, new byte[0]));
            }
            if (offer.recordSizeLimit() > 0) {
                // RFC 8449: answer with our limit; from now on our records respect the client's.
                int own = config.recordSizeLimit() > 0 ? config.recordSizeLimit() : (1 << 14) + 1;
                ee.add(new Extension(ExtensionType.RECORD_SIZE_LIMIT, CodeLists.encodeU16(own)));
                ctx.recordSizeLimits(offer.recordSizeLimit(), own);
            }
            ctx.send(new EncryptedExtensions(new Extensions(config.encryptedExtensions(ee))));
            SignatureScheme scheme = null;
            CertificateRequest request = null;
            if (!keys.resumed()) {
                scheme = Proofs.chooseScheme(config, config.signingKey(), offer.signatureSchemes());
                if (config.clientAuth() != ClientAuth.NONE) {
                    request = new CertificateRequest(new byte[0], Extensions.of(new Extension(
                            ExtensionType.SIGNATURE_ALGORITHMS, CodeLists.encodeU16List(config.signatureSchemes()
                                    .stream().map(SignatureScheme::code).toList()))));
                    ctx.send(request);
                }
                ctx.send(CertificateMessage.of(new byte[0], config.certificateChainDer()));
                ctx.send(Proofs.certificateVerify(true, scheme, config.signingKey(), ctx.transcript().currentHash(),
                        config.random()));
            }
            HashAlgorithm hash = keys.suite().hash();
            ctx.send(Proofs.finished(hash, keys.serverSecret(), ctx.transcript().currentHash()));
            KeySchedule.Master master = keys.schedule().master();
            byte[] sfHash = ctx.transcript().currentHash();
            byte[] cats = master.clientApplicationTrafficSecret(sfHash);
            byte[] sats = master.serverApplicationTrafficSecret(sfHash);
            ctx.keyLog("CLIENT_TRAFFIC_SECRET_0", cats);
            ctx.keyLog("SERVER_TRAFFIC_SECRET_0", sats);
            ctx.keyLog("EXPORTER_SECRET", master.exporterMasterSecret(sfHash));
            ctx.installWriteKeys(Epoch.APPLICATION, keys.suite(), sats);
            Flight flight = new Flight(keys, master, cats, sats, scheme, retry != null, offer.serverName(), request,
                    acceptEarly);
            if (acceptEarly) {
                return new ExpectEndOfEarlyData(flight);
            }
            return request == null ? new ExpectFinished(flight, List.of()) : new ExpectCertificate(flight);
        }
    }

    /** An accepted PSK: identity index, key, and whether (EC)DHE is used with it. */
    private record Psk(int index, byte[] key, boolean dhe, CipherSuite suite) {
    }

    /**
     * Picks the first offered ticket of ours that is valid for the suite's hash and a mode we share; checks its binder
     * ({@code decrypt_error} on mismatch, §4.2.11.2). Unknown tickets are skipped: a full handshake follows.
     */
    private Psk choosePsk(ClientHelloOffer offer, HandshakeFrame frame, HashAlgorithm hash) throws TlsAlertException {
        OfferedPsks psks = offer.psks();
        if (psks == null || config.ticketsToSend() == 0) {
            return null;
        }
        boolean dheMode = config.pskDheKe() && offer.pskModes().contains(1) && !offer.shares().isEmpty();
        boolean keMode = config.pskKe() && offer.pskModes().contains(0);
        if (!dheMode && !keMode) {
            return null;
        }
        long now = config.clock().millis();
        for (int i = 0; i < psks.identities().size(); i++) {
            Optional<TicketCodec.State> st = TicketCodec.open(config.ticketKey(), psks.identities().get(i).identity());
            if (st.isEmpty() || st.get().suite().hash() != hash
                    || now - st.get().issuedMillis() > st.get().lifetimeSeconds() * 1000) {
                continue;
            }
            byte[] raw = frame.raw();
            byte[] truncated = Arrays.copyOf(raw, raw.length - psks.bindersLength());
            byte[] binderKey = KeySchedule.early(hash, st.get().psk()).binderKey(true);
            byte[] expected = KeySchedule.verifyData(hash, binderKey, ctx.transcript().hashWith(hash, truncated));
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(expected, psks.binders().get(i))) {
                throw Violation.BINDER_MISMATCH.alert("binder of PSK identity " + i + " does not verify");
            }
            return new Psk(i, st.get().psk(), dheMode, st.get().suite());
        }
        return null;
    }

    /** 0-RTT accepted: early application data flows until EndOfEarlyData (§4.5). */
    final class ExpectEndOfEarlyData implements State {
        private final Flight flight;

        ExpectEndOfEarlyData(Flight flight) {
            this.flight = flight;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectEndOfEarlyData", HandshakeType.END_OF_EARLY_DATA);
            tlsconf.impl.message.EndOfEarlyData.decode(frame.body());
            ctx.transcript().add(frame.raw());
            ctx.installReadKeys(Epoch.HANDSHAKE, flight.keys().suite(), flight.keys().clientSecret());
            return new ExpectFinished(flight, List.of());
        }
    }

    /** Waits for the client's Certificate after our CertificateRequest (§4.4.2). */
    final class ExpectCertificate implements State {
        private final Flight flight;

        ExpectCertificate(Flight flight) {
            this.flight = flight;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectCertificate", HandshakeType.CERTIFICATE);
            CertificateMessage cm = CertificateMessage.decode(frame.body());
            if (!Arrays.equals(cm.context(), flight.request().context())) {
                throw Violation.BAD_CERTIFICATE_CONTEXT.alert("client Certificate context differs from the request's");
            }
            if (cm.entries().isEmpty()) {
                if (config.clientAuth() == ClientAuth.REQUIRE) {
                    // §4.4.2.4: the server MAY abort with certificate_required.
                    throw Violation.CERTIFICATE_REQUIRED.alert("client sent no certificate");
                }
                ctx.transcript().add(frame.raw());
                return new ExpectFinished(flight, List.of());
            }
            List<X509Certificate> chain = config.peerVerifier().verify(Role.CLIENT, cm.derChain(), null);
            ctx.transcript().add(frame.raw());
            return new ExpectCertificateVerify(flight, chain);
        }
    }

    /** Waits for the client's CertificateVerify (§4.4.3). */
    final class ExpectCertificateVerify implements State {
        private final Flight flight;
        private final List<X509Certificate> chain;

        ExpectCertificateVerify(Flight flight, List<X509Certificate> chain) {
            this.flight = flight;
            this.chain = chain;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectCertificateVerify", HandshakeType.CERTIFICATE_VERIFY);
            CertificateVerify cv = CertificateVerify.decode(frame.body());
            Proofs.checkCertificateVerify(cv, config.signatureSchemes(), chain.get(0), config.peerKeys(), false,
                    ctx.transcript().currentHash());
            ctx.transcript().add(frame.raw());
            return new ExpectFinished(flight, chain);
        }
    }

    /** Waits for the client's Finished; then issues tickets (§4.4.4, §4.6.1). */
    final class ExpectFinished implements State {
        private final Flight flight;
        private final List<X509Certificate> clientChain;

        ExpectFinished(Flight flight, List<X509Certificate> clientChain) {
            this.flight = flight;
            this.clientChain = clientChain;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "ExpectFinished", HandshakeType.FINISHED);
            HandshakeKeys k = flight.keys();
            Proofs.checkFinished(Finished.decode(frame.body()), k.suite().hash(), k.clientSecret(),
                    ctx.transcript().currentHash());
            ctx.transcript().add(frame.raw());
            ctx.installReadKeys(Epoch.APPLICATION, k.suite(), flight.clientAppSecret());
            byte[] rms = flight.master().resumptionMasterSecret(ctx.transcript().currentHash());
            ctx.handshakeComplete(new Negotiated(TlsVersion.TLS_1_3, k.suite(), k.group(), flight.scheme(),
                    k.resumed(), flight.helloRetried(), !clientChain.isEmpty(), clientChain, flight.serverName(),
                    flight.earlyDataAccepted()));
            sendTickets(k.suite(), rms);
            return new Connected(new TrafficPhase(ctx, k.suite(), flight.clientAppSecret(),
                    flight.serverAppSecret()));
        }

        private void sendTickets(CipherSuite suite, byte[] rms) throws TlsAlertException {
            for (int i = 0; i < config.ticketsToSend(); i++) {
                byte[] nonce = {(byte) i};
                byte[] ageAddBytes = new byte[4];
                config.random().nextBytes(ageAddBytes);
                long ageAdd = ((ageAddBytes[0] & 0xffL) << 24) | ((ageAddBytes[1] & 0xff) << 16)
                        | ((ageAddBytes[2] & 0xff) << 8) | (ageAddBytes[3] & 0xff);
                byte[] psk = KeySchedule.resumptionPsk(suite.hash(), rms, nonce);
                byte[] ticket = TicketCodec.seal(config.ticketKey(), new TicketCodec.State(suite, psk,
                        config.clock().millis(), ageAdd, config.ticketLifetimeSeconds()), config.random());
                Extensions ext = config.maxEarlyData() > 0 ? Extensions.of(new Extension(ExtensionType.EARLY_DATA,
                        new tlsconf.impl.codec.TlsWriter().u32(config.maxEarlyData()).toByteArray()))
                        : Extensions.NONE;
                ctx.send(new NewSessionTicket(config.ticketLifetimeSeconds(), ageAdd, nonce, ticket, ext));
            }
        }
    }

    /** After the handshake: only KeyUpdate is acceptable (we never request post-handshake authentication). */
    final class Connected implements State {
        private final TrafficPhase phase;

        Connected(TrafficPhase phase) {
            this.phase = phase;
        }

        @Override
        public State handle(HandshakeFrame frame) throws TlsAlertException {
            Expect.oneOf(frame, "Connected", HandshakeType.KEY_UPDATE);
            phase.received(KeyUpdate.decode(frame.body()));
            return this;
        }
    }
}
