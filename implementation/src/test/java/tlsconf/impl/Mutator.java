package tlsconf.impl;

import java.util.Arrays;
import java.util.Random;

/** Byte-level mutations of a correct encoding: the fuzzer's and the test peer's way to make malformed input. */
final class Mutator {
    private Mutator() {
    }

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        switch (r.nextInt(8)) {
            case 0: {
                int i = r.nextInt(b.length);
                b[i] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 1:
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                return b;
            case 2:
                return Arrays.copyOf(b, r.nextInt(b.length));
            case 3: {
                byte[] tail = new byte[1 + r.nextInt(16)];
                r.nextBytes(tail);
                byte[] out = Arrays.copyOf(b, b.length + tail.length);
                System.arraycopy(tail, 0, out, b.length, tail.length);
                return out;
            }
            case 4: {
                // A length-like field off by one: bump a byte up or down.
                int i = r.nextInt(b.length);
                b[i] = (byte) (b[i] + (r.nextBoolean() ? 1 : -1));
                return b;
            }
            case 5: {
                int from = r.nextInt(b.length);
                int len = 1 + r.nextInt(Math.min(32, b.length - from));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                return out;
            }
            case 6: {
                int i = r.nextInt(b.length);
                int n = Math.min(b.length - i, 1 + r.nextInt(8));
                byte[] junk = new byte[n];
                r.nextBytes(junk);
                System.arraycopy(junk, 0, b, i, n);
                return b;
            }
            default: {
                byte[] out = new byte[r.nextInt(2 * b.length + 1)];
                r.nextBytes(out);
                return out;
            }
        }
    }
}
