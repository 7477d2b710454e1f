/*
 * Records TLS 1.2 PRF vectors (RFC 5246 §5) and RFC 7627 extended master secret checks from a real
 * implementation, OpenSSL's TLS1-PRF KDF, into one tlsconf kdf vector file. Run by hand; output committed:
 *
 *   java vectors/scripts/RecordTls12Prf.java vectors/src/main/resources/vectors/tls12-prf
 *
 * Inputs are fixed byte strings (SHA-256 of a fixed text, repeated), so a re-run gives the same file. OpenSSL's
 * TLS1-PRF takes the label as the start of its seed: we pass label || seed and store them apart.
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

public class RecordTls12Prf {
    static final HexFormat HEX = HexFormat.of();

    record Case(String id, String digest, String purpose, byte[] secret, String label, byte[] seed, int length) {
    }

    static byte[] fixed(String name, int length) throws NoSuchAlgorithmException {
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int done = 0, i = 0; done < length; i++) {
            block = MessageDigest.getInstance("SHA-256").digest((name + "/" + i).getBytes(StandardCharsets.US_ASCII));
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timeout: " + cmd);
        }
        String text = new String(out, StandardCharsets.US_ASCII).trim();
        if (p.exitValue() != 0) {
            throw new IllegalStateException("failed (" + p.exitValue() + "): " + cmd + "\n" + text);
        }
        return text;
    }

    public static void main(String[] args) throws Exception {
        String version = run(List.of("openssl", "version"));
        if (!version.startsWith("OpenSSL 3.0.19 ")) {
            throw new IllegalStateException("expected OpenSSL 3.0.19, found: " + version);
        }
        List<Case> cases = new ArrayList<>();
        for (String d : List.of("SHA256", "SHA384")) {
            String n = d.toLowerCase();
            int hashLen = d.equals("SHA256") ? 32 : 48;
            byte[] pms = fixed("pre_master_secret/" + n, 48);
            byte[] cr = fixed("client_random/" + n, 32);
            byte[] sr = fixed("server_random/" + n, 32);
            byte[] ms = fixed("master_secret/" + n, 48);
            cases.add(new Case(n + "-master-secret", d, "master_secret = PRF(pre_master_secret, \"master secret\", "
                    + "ClientHello.random + ServerHello.random)[0..47] (RFC 5246 §8.1)", pms, "master secret",
                    concat(cr, sr), 48));
            cases.add(new Case(n + "-key-expansion", d, "key_block = PRF(master_secret, \"key expansion\", "
                    + "server_random + client_random) (RFC 5246 §6.3)", ms, "key expansion", concat(sr, cr), 100));
            cases.add(new Case(n + "-client-finished", d, "verify_data = PRF(master_secret, \"client finished\", "
                    + "Hash(handshake_messages))[0..11] (RFC 5246 §7.4.9)", ms, "client finished",
                    fixed("handshake_hash/" + n, hashLen), 12));
            cases.add(new Case(n + "-server-finished", d, "verify_data with \"server finished\" (RFC 5246 §7.4.9)",
                    ms, "server finished", fixed("handshake_hash2/" + n, hashLen), 12));
            cases.add(new Case(n + "-extended-master-secret", d, "master_secret = PRF(pre_master_secret, "
                    + "\"extended master secret\", session_hash)[0..47] (RFC 7627 §4)", pms,
                    "extended master secret", fixed("session_hash/" + n, hashLen), 48));
            cases.add(new Case(n + "-long-output", d, "an output longer than several HMAC blocks (P_hash iteration)",
                    fixed("secret/" + n, 13), "test label", fixed("seed/" + n, 77), 300));
        }
        StringBuilder j = new StringBuilder("{\n  \"kind\": \"kdf\",\n  \"id\": \"tls12-prf/openssl-3.0.19\",\n");
        j.append("  \"source\": {\"name\": \"openssl 3.0.19 kdf TLS1-PRF\", \"version\": \"")
                .append(version.replace("\"", "'")).append("\", \"license\": \"outputs recorded from OpenSSL ")
                .append("(Apache-2.0) by vectors/scripts/RecordTls12Prf.java; inputs are fixed strings\"},\n");
        j.append("  \"description\": \"TLS 1.2 PRF (P_SHA256, P_SHA384): master secret, key expansion, Finished, "
                + "RFC 7627 extended master secret, long output.\",\n  \"cases\": [\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            byte[] labelAndSeed = concat(c.label.getBytes(StandardCharsets.US_ASCII), c.seed);
            String out = run(List.of("openssl", "kdf", "-keylen", Integer.toString(c.length), "-kdfopt",
                    "digest:" + c.digest, "-kdfopt", "hexsecret:" + HEX.formatHex(c.secret), "-kdfopt",
                    "hexseed:" + HEX.formatHex(labelAndSeed), "TLS1-PRF"));
            String hex = out.replace(":", "").toLowerCase();
            if (!hex.matches("[0-9a-f]*") || hex.length() != 2 * c.length) {
                throw new IllegalStateException("unexpected openssl output for " + c.id + ": " + out);
            }
            j.append("    {\"id\": \"").append(c.id).append("\", \"algorithm\": \"tls12-prf-")
                    .append(c.digest.toLowerCase()).append("\", \"purpose\": \"").append(c.purpose.replace("\"", "\\\""))
                    .append("\", \"secret\": \"").append(HEX.formatHex(c.secret)).append("\", \"label\": \"")
                    .append(c.label).append("\", \"seed\": \"").append(HEX.formatHex(c.seed)).append("\", \"length\": ")
                    .append(c.length).append(", \"output\": \"").append(hex).append("\"}")
                    .append(i + 1 < cases.size() ? ",\n" : "\n");
        }
        j.append("  ]\n}\n");
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("openssl-3.0.19.json"), j.toString(), StandardCharsets.UTF_8);
        System.out.println("openssl-3.0.19.json: " + cases.size() + " cases from " + version);
    }
}
