package tlsconf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.SessionStore;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsSocket;
import tlsconf.model.vocabulary.Role;

/**
 * {@code tlsconf client}: the reference implementation as a plain TLS 1.3 client. Exit 0 once the handshake
 * completed and the peer was verified; 1 with the reason ({@code alert received: bad_certificate (42)}) otherwise;
 * 2 for usage errors and an unreachable target.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Connect to a TLS server with the reference implementation and verify it.")
final class ClientCommand implements Callable<Integer> {

    @Option(names = "--connect", required = true, description = "HOST:PORT")
    String connect;

    @Option(names = "--tls", defaultValue = "1.3", description = "protocol version: 1.3, 1.2, or 1.2,1.3 to offer both")
    String tls;

    @Option(names = "--servername", description = "SNI and the name the certificate must match (default HOST)")
    String serverName;

    @Option(names = "--ca", description = "trust anchors PEM (without it no server can be verified)")
    Path ca;

    @Option(names = "--cert", description = "client certificate chain PEM")
    Path cert;

    @Option(names = "--key", description = "private key PEM for --cert")
    Path key;

    @Option(names = "--keylog", description = "append NSS key log lines (SSLKEYLOGFILE format) to this file")
    Path keylog;

    @Option(names = "--send", description = "send this text after the handshake and print what comes back")
    String send;

    @Option(names = "--cipher-suites", split = ",", description = "cipher suites to offer, in order")
    CipherSuite[] suites;

    @Option(names = "--groups", split = ",", description = "supported_groups, in order")
    NamedGroup[] groups;

    @Option(names = "--key-share-groups", split = ",", description = "groups to send key shares for")
    NamedGroup[] keyShareGroups;

    @Option(names = "--middlebox-compat", description = "middlebox compatibility mode (session id + CCS)")
    boolean compat;

    @Option(names = "--resume", description = "connect a second time resuming with a ticket from the first")
    boolean resume;

    @Option(names = "--key-update", description = "send a KeyUpdate (update_requested) after the handshake")
    boolean keyUpdate;

    @Option(names = "--early-data", description = "with --resume: send this text as 0-RTT data on the second connection")
    String earlyData;

    @Override
    public Integer call() throws Exception {
        tlsconf.model.vocabulary.TlsVersion[] versions = CliSupport.versions(tls);
        if (keyUpdate && versions.length == 1 && versions[0] == tlsconf.model.vocabulary.TlsVersion.TLS_1_2) {
            throw new UsageException("--key-update needs TLS 1.3 (TLS 1.2 has no KeyUpdate)");
        }
        int colon = connect.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--connect wants HOST:PORT, got '" + connect + "'");
        }
        String host = connect.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(connect.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--connect: bad port in '" + connect + "'");
        }
        TlsConfig.Builder b = TlsConfig.builder(Role.CLIENT).serverName(serverName != null ? serverName : host)
                .versions(versions);
        if (ca != null) {
            b.trustAnchors(CliSupport.certificates(ca));
        }
        if (cert != null || key != null) {
            b.credentials(CliSupport.credentials(cert, key));
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
        if (keyShareGroups != null) {
            b.keyShareGroups(keyShareGroups);
        }
        b.middleboxCompat(compat);
        if (resume) {
            b.sessionStore(SessionStore.inMemory());
            b.tls12(tlsconf.impl.tls12.Tls12Options.defaults()
                    .withClientSessions(tlsconf.impl.tls12.Tls12SessionStore.inMemory()));
        }
        if (earlyData != null) {
            if (!resume) {
                throw new UsageException("--early-data needs --resume (0-RTT rides on a ticket from the first connection)");
            }
            b.earlyData(earlyData.getBytes(StandardCharsets.UTF_8));
        }
        TlsConfig config = b.build();
        int code = connectOnce(host, port, config);
        if (code == 0 && resume) {
            code = connectOnce(host, port, config);
        }
        return code;
    }

    private int connectOnce(String host, int port, TlsConfig config) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 5000);
        } catch (IOException e) {
            throw new UsageException("cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        try (TlsSocket tlsSocket = TlsSocket.client(socket, config)) {
            tlsSocket.handshake();
            System.out.println("handshake complete: " + CliSupport.describe(tlsSocket.negotiated()));
            socket.setSoTimeout(send != null ? 2000 : 500);
            if (keyUpdate) {
                tlsSocket.keyUpdate(true);
                System.out.println("KeyUpdate sent");
            }
            if (send != null) {
                tlsSocket.getOutputStream().write(send.getBytes(StandardCharsets.UTF_8));
            }
            // Read what the server answers (its tickets, or a TLS 1.3 rejection of our certificate, which comes
            // after our Finished) for a moment: 2 s when we sent something, else 0.5 s.
            readFor(tlsSocket.getInputStream(), send != null, send != null ? 2000 : 500);
            return 0;
        } catch (IOException e) {
            System.err.println("tlsconf: " + e.getMessage());
            return 1;
        }
    }

    private static void readFor(InputStream in, boolean print, int millis) throws IOException {
        byte[] buf = new byte[16384];
        long end = System.nanoTime() + millis * 1_000_000L;
        try {
            while (System.nanoTime() < end) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                if (print) {
                    System.out.print(new String(buf, 0, n, StandardCharsets.UTF_8));
                    System.out.flush();
                }
            }
        } catch (SocketTimeoutException e) {
            // No more data within the bound.
        }
    }
}
