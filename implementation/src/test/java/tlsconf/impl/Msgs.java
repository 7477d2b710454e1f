package tlsconf.impl;

import java.util.Arrays;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.ServerHello;

/** Decoding whole encoded messages (header included) inside test lambdas. */
final class Msgs {
    private Msgs() {
    }

    static ClientHello clientHello(byte[] encoded) {
        try {
            return ClientHello.decode(Arrays.copyOfRange(encoded, 4, encoded.length));
        } catch (TlsAlertException e) {
            throw new AssertionError(e);
        }
    }

    static ServerHello serverHello(byte[] encoded) {
        try {
            return ServerHello.decode(Arrays.copyOfRange(encoded, 4, encoded.length));
        } catch (TlsAlertException e) {
            throw new AssertionError(e);
        }
    }
}
