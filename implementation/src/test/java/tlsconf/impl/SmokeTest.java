package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tlsconf.impl.cert.KeyType;

class SmokeTest {
    @Test
    void fullHandshakeAndData() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(),
                EnginePair.server(KeyType.EC_P256).build());
        p.pump();
        assertTrue(p.client.isHandshakeComplete());
        assertTrue(p.server.isHandshakeComplete());
        p.client.write("hello".getBytes(StandardCharsets.US_ASCII));
        p.pump();
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), p.server.read());
    }
}
