package tlsconf.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bouncycastle.util.encoders.Hex;

/**
 * Receives secrets in the NSS key log format (SSLKEYLOGFILE): {@code LABEL <client_random hex> <secret hex>}.
 * Only used when configured: key material is written only when asked.
 */
@FunctionalInterface
public interface KeyLogWriter {
    void log(String label, byte[] clientRandom, byte[] secret);

    /** The NSS line for one secret. */
    static String line(String label, byte[] clientRandom, byte[] secret) {
        return label + " " + Hex.toHexString(clientRandom) + " " + Hex.toHexString(secret);
    }

    /** Appends lines to a file (created if needed). */
    static KeyLogWriter toFile(Path file) {
        return (label, random, secret) -> {
            synchronized (KeyLogWriter.class) {
                try {
                    Files.write(file, (line(label, random, secret) + "\n").getBytes(StandardCharsets.US_ASCII),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write key log " + file, e);
                }
            }
        };
    }
}
