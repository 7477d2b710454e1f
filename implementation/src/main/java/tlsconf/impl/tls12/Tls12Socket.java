package tlsconf.impl.tls12;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;

/**
 * A blocking TLS 1.2 connection over a {@link Socket}, on {@link Tls12Engine}. The handshake runs on
 * {@link #handshake()} or the first read or write and is bounded by the config's handshake timeout; reads are bounded
 * by the socket's timeout. Protocol failures are {@link TlsAlertException}s naming the alert.
 */
public final class Tls12Socket implements Closeable {
    private final Socket socket;
    private final Tls12Engine engine;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[16 * 1024 + 2048 + 5];
    private byte[] pending = new byte[0];
    private int pendingPos;

    private Tls12Socket(Socket socket, Tls12Engine engine) throws IOException {
        this.socket = socket;
        this.engine = engine;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Either role, from the config. */
    public static Tls12Socket create(Socket socket, TlsConfig config, Tls12Options options) throws IOException {
        return create(socket, config, options, Tls12Seam.NONE);
    }

    public static Tls12Socket create(Socket socket, TlsConfig config, Tls12Options options, Tls12Seam seam)
            throws IOException {
        return new Tls12Socket(socket, Tls12Engine.create(config, options, seam));
    }

    public Tls12Engine engine() {
        return engine;
    }

    private void flush() throws IOException {
        byte[] b = engine.takeOutgoing();
        if (b.length > 0) {
            out.write(b);
            out.flush();
        }
    }

    public void handshake() throws IOException {
        if (engine.isHandshakeComplete()) {
            return;
        }
        if (engine.failure() != null) {
            throw engine.failure();
        }
        long deadline = System.nanoTime() + engine.config().handshakeTimeout().toNanos();
        int oldTimeout = socket.getSoTimeout();
        try {
            flush();
            while (!engine.isHandshakeComplete()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("TLS 1.2 handshake timed out in state " + engine.state());
                }
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left)));
                readOnce("during the handshake in state " + engine.state());
            }
        } finally {
            socket.setSoTimeout(oldTimeout);
        }
    }

    private void readOnce(String when) throws IOException {
        int n = in.read(buf);
        if (n < 0) {
            throw new EOFException("connection closed by the peer " + when);
        }
        try {
            engine.feed(buf, 0, n);
        } finally {
            flush();
        }
    }

    /** Application data: blocks until some arrives; -1 after the peer's close_notify or end of stream. */
    public int read(byte[] b, int off, int len) throws IOException {
        handshake();
        while (pendingPos >= pending.length) {
            if (engine.available() > 0) {
                pending = engine.read();
                pendingPos = 0;
                break;
            }
            if (engine.isPeerClosed()) {
                return -1;
            }
            int n = in.read(buf);
            if (n < 0) {
                return -1;
            }
            try {
                engine.feed(buf, 0, n);
            } finally {
                flush();
            }
        }
        int k = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, b, off, k);
        pendingPos += k;
        return k;
    }

    public void write(byte[] data) throws IOException {
        handshake();
        engine.write(data);
        flush();
    }

    public Tls12Negotiated negotiated() {
        return engine.negotiated();
    }

    /** close_notify, then the socket. */
    @Override
    public void close() throws IOException {
        try {
            engine.close();
            flush();
        } catch (IOException ignored) {
            // Closing anyway.
        } finally {
            socket.close();
        }
    }
}
