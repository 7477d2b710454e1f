package tlsconf.peers.jsse;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import tlsconf.peers.OutputTail;

/**
 * What a JSSE peer reports about a connection, in the same "Key: value" lines as {@code s_client -brief}, so one
 * kind of assertion reads every peer: "Protocol version: TLSv1.3", "Ciphersuite: ...", "Peer certificate: ...".
 */
final class JsseConnection {

    private JsseConnection() {
    }

    static void report(OutputTail out, SSLSession session) {
        out.appendLine("CONNECTION ESTABLISHED");
        out.appendLine("Protocol version: " + session.getProtocol());
        out.appendLine("Ciphersuite: " + session.getCipherSuite());
        try {
            Certificate[] peer = session.getPeerCertificates();
            out.appendLine("Peer certificate: " + ((X509Certificate) peer[0]).getSubjectX500Principal().getName());
            out.appendLine("Peer certificate chain length: " + peer.length);
        } catch (SSLPeerUnverifiedException e) {
            out.appendLine("No peer certificate");
        }
    }

    /** One line for a failure: the exception chain's messages, which name the alert JSSE sent or received. */
    static void error(OutputTail out, Throwable t) {
        StringBuilder s = new StringBuilder("ERROR: ");
        Throwable c = t;
        for (int depth = 0; c != null && depth < 4; depth++, c = c.getCause()) {
            if (depth > 0) {
                s.append(" <- ");
            }
            s.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        out.appendLine(s.toString());
    }
}
