package tlsconf.conformance.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** A connection over a real TCP socket on 127.0.0.1; every read is bounded by a socket timeout. */
public class SocketConnection implements Connection {
    private final Socket socket;
    private final byte[] buffer = new byte[1 << 17];
    private boolean broken;

    public SocketConnection(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void send(byte[] bytes) {
        if (broken) {
            return;
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // The target closed or reset: the next receive reports it as end of stream.
            broken = true;
        }
    }

    @Override
    public Received receive(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            InputStream in = socket.getInputStream();
            int n = in.read(buffer);
            if (n < 0) {
                return new Received.Eof();
            }
            return new Received.Data(Arrays.copyOf(buffer, n));
        } catch (SocketTimeoutException e) {
            return new Received.Silence();
        } catch (IOException e) {
            return new Received.Eof();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort; nothing is left to release.
        }
    }
}
