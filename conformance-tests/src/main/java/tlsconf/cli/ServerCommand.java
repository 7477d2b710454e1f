package tlsconf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.Negotiated;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsSocket;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;

/**
 * {@code tlsconf server}: the reference implementation as a plain TLS 1.3 server on 127.0.0.1. Prints
 * {@code listening on 127.0.0.1:N} once ready and answers connections (echoing application data) until killed.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the reference implementation as a TLS server on 127.0.0.1 until killed.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "TCP port on 127.0.0.1 (0: any free port)")
    int port;

    @Option(names = "--tls", defaultValue = "1.3", description = "protocol version: 1.3, 1.2, or 1.2,1.3 for both")
    String tls;

    @Option(names = "--cert", description = "certificate chain PEM (leaf first); default a generated one")
    Path cert;

    @Option(names = "--key", description = "private key PEM for --cert")
    Path key;

    @Option(names = "--client-auth", description = "require a client certificate (verified against --ca)")
    boolean clientAuth;

    @Option(names = "--request-client-cert", description = "ask for a client certificate but accept none")
    boolean requestClientCert;

    @Option(names = "--ca", description = "trust anchors PEM for client certificates")
    Path ca;

    @Option(names = "--keylog", description = "append NSS key log lines (SSLKEYLOGFILE format) to this file")
    Path keylog;

    @Option(names = "--cipher-suites", split = ",", description = "cipher suites in preference order")
    tlsconf.impl.CipherSuite[] suites;

    @Option(names = "--groups", split = ",", description = "acceptable groups in preference order")
    tlsconf.impl.NamedGroup[] groups;

    @Option(names = "--hello-retry", description = "answer every first ClientHello with a HelloRetryRequest")
    boolean helloRetry;

    @Option(names = "--max-early-data", defaultValue = "0", description = "accept 0-RTT up to N bytes (0: decline)")
    long maxEarlyData;

    @Override
    public Integer call() throws Exception {
        TlsConfig.Builder b = TlsConfig.builder(Role.SERVER).versions(CliSupport.versions(tls));
        // TLS 1.2 resumption: a session-ID cache beside the tickets.
        b.tls12(tlsconf.impl.tls12.Tls12Options.defaults()
                .withServerSessions(new tlsconf.impl.tls12.Tls12SessionCache()));
        PrintStream out = System.out;
        if (cert != null || key != null) {
            b.credentials(CliSupport.credentials(cert, key));
        } else {
            TestPki.Chain chain = TestPki.shared().serverChain(KeyType.EC_P256);
            b.credentials(chain.credentials());
            Path dir = Files.createTempDirectory("tlsconf-server-");
            TestPki.PemFiles files = chain.writeTo(dir);
            out.println("generated certificate for localhost/127.0.0.1; trust anchor: " + files.roots());
        }
        if (clientAuth || requestClientCert) {
            if (ca == null) {
                throw new UsageException("--client-auth needs --ca PEM (the trust anchors for client certificates)");
            }
            b.clientAuth(clientAuth ? ClientAuth.REQUIRE : ClientAuth.REQUEST);
        }
        if (ca != null) {
            b.trustAnchors(CliSupport.certificates(ca));
        }
        if (keylog != null) {
            b.keyLog(keylog);
        }
        if (suites != null) {
            b.cipherSuites(suites);
        }
        if (groups != null) {
            b.groups(groups);
        }
        b.forceHelloRetryRequest(helloRetry);
        b.maxEarlyData(maxEarlyData);
        TlsConfig config = b.build();
        ServerSocket listener;
        try {
            listener = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UsageException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        try (listener) {
            out.println("listening on 127.0.0.1:" + listener.getLocalPort());
            out.flush();
            while (true) {
                Socket s = listener.accept();
                Thread t = new Thread(() -> serve(s, config), "tlsconf-server-" + s.getPort());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serve(Socket s, TlsConfig config) {
        String who = s.getInetAddress().getHostAddress() + ":" + s.getPort();
        try (TlsSocket tls = TlsSocket.server(s, config)) {
            tls.handshake();
            Negotiated n = tls.negotiated();
            System.out.println(who + ": handshake complete: " + CliSupport.describe(n));
            if (n.earlyDataAccepted()) {
                System.out.println(who + ": 0-RTT data: " + new String(tls.engine().read(), StandardCharsets.UTF_8));
            }
            s.setSoTimeout(60_000);
            InputStream in = tls.getInputStream();
            OutputStream out = tls.getOutputStream();
            byte[] buf = new byte[16384];
            int total = 0;
            for (int r = in.read(buf); r >= 0 && total < 1 << 24; r = in.read(buf)) {
                total += r;
                String text = new String(buf, 0, r, StandardCharsets.UTF_8);
                if (text.startsWith("GET ")) {
                    out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\ntlsconf reference server: "
                            + CliSupport.describe(n) + "\r\n").getBytes(StandardCharsets.UTF_8));
                    break;
                }
                out.write(buf, 0, r);
            }
            System.out.println(who + ": closed");
        } catch (IOException e) {
            System.out.println(who + ": " + e.getMessage());
        }
    }
}
