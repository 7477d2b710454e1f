package tlsconf.impl.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random but well-formed handshake messages from a seed, for codec properties. */
final class RandomMessages {
    private RandomMessages() {
    }

    static byte[] bytes(Random r, int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        return b;
    }

    static Extensions extensions(Random r, int maxCount) {
        List<Extension> list = new ArrayList<>();
        int n = r.nextInt(maxCount + 1);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            int code = r.nextBoolean() ? ExtensionType.values()[r.nextInt(ExtensionType.values().length - 1)].code()
                    : r.nextInt(0x10000);
            if (used.add(code)) {
                list.add(new Extension(code, bytes(r, 0, 40)));
            }
        }
        return new Extensions(list);
    }

    static HandshakeMessage any(long seed) {
        Random r = new Random(seed);
        switch (r.nextInt(10)) {
            case 0: {
                List<Integer> suites = new ArrayList<>();
                for (int i = 1 + r.nextInt(20); i > 0; i--) {
                    suites.add(r.nextInt(0x10000));
                }
                return new ClientHello(r.nextInt(0x10000), bytes(r, 32, 32), bytes(r, 0, 32), suites, bytes(r, 1, 4),
                        extensions(r, 12));
            }
            case 1:
                return new ServerHello(r.nextInt(0x10000), bytes(r, 32, 32), bytes(r, 0, 32), r.nextInt(0x10000),
                        r.nextInt(256), extensions(r, 5));
            case 2:
                return new EncryptedExtensions(extensions(r, 8));
            case 3:
                return new CertificateRequest(bytes(r, 0, 10), extensions(r, 4));
            case 4: {
                List<CertificateMessage.Entry> entries = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    entries.add(new CertificateMessage.Entry(bytes(r, 1, 300), extensions(r, 2)));
                }
                return new CertificateMessage(bytes(r, 0, 4), entries);
            }
            case 5:
                return new CertificateVerify(r.nextInt(0x10000), bytes(r, 0, 200));
            case 6:
                return new Finished(bytes(r, 32, 48));
            case 7:
                return new NewSessionTicket(r.nextInt() & 0xffffffffL, r.nextInt() & 0xffffffffL, bytes(r, 0, 32),
                        bytes(r, 1, 200), extensions(r, 3));
            case 8:
                return new EndOfEarlyData();
            default:
                return new KeyUpdate(r.nextBoolean());
        }
    }
}
