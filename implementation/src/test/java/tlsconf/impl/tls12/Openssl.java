package tlsconf.impl.tls12;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.util.encoders.Hex;

/** Runs the openssl binary for a value recorded from a real implementation (bounded, always destroyed). */
final class Openssl {
    private Openssl() {
    }

    /** {@code openssl kdf -keylen N -binary -kdfopt digest:D -kdfopt hexsecret:S -kdfopt hexseed:LABEL+SEED TLS1-PRF}. */
    static byte[] tls1Prf(String digest, byte[] secret, byte[] labelAndSeed, int length) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "kdf", "-keylen", Integer.toString(length), "-binary",
                "-kdfopt", "digest:" + digest, "-kdfopt", "hexsecret:" + Hex.toHexString(secret), "-kdfopt",
                "hexseed:" + Hex.toHexString(labelAndSeed), "TLS1-PRF"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("openssl kdf did not finish in 20 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("openssl kdf failed: " + new String(out));
            }
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }
}
