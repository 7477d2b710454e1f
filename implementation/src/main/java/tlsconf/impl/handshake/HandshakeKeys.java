package tlsconf.impl.handshake;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.crypto.KeySchedule;

/**
 * What both roles know once the hellos are exchanged: the suite, the handshake-stage key schedule, both handshake
 * traffic secrets, the group (null for psk_ke) and whether a PSK was accepted.
 */
record HandshakeKeys(CipherSuite suite, KeySchedule.Handshake schedule, byte[] clientSecret, byte[] serverSecret,
        NamedGroup group, boolean resumed) {
}
