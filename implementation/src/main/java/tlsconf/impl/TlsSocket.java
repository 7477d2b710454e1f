package tlsconf.impl;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.seam.Seam;

/**
 * A blocking TLS 1.3 connection over a {@link Socket}, on {@link TlsEngine}. The handshake runs on
 * {@link #handshake()} or the first read or write, bounded by the config's handshake timeout. Protocol failures are
 * {@link TlsAlertException}s (an IOException) saying which alert was sent or received.
 */
public final class TlsSocket implements Closeable {
    private final Socket socket;
    private final TlsEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[16 * 1024 + 512];
    private final InputStream appIn = new AppInput();
    private final OutputStream appOut = new AppOutput();
    private final Seam seam;
    private byte[] pending = new byte[0];
    private int pendingPos;

    private TlsSocket(Socket socket, TlsConfig config, Seam seam) throws IOException {
        this.socket = socket;
        this.engine = TlsEngine.create(config, seam);
        this.seam = seam;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static TlsSocket client(Socket socket, TlsConfig config) throws IOException {
        return new TlsSocket(socket, config, Seam.NONE);
    }

    public static TlsSocket server(Socket socket, TlsConfig config) throws IOException {
        return new TlsSocket(socket, config, Seam.NONE);
    }

    /** Either role (from the config) with a seam for test peers. */
    public static TlsSocket create(Socket socket, TlsConfig config, Seam seam) throws IOException {
        return new TlsSocket(socket, config, seam);
    }

    public TlsEngine engine() {
        return engine;
    }

    public Socket socket() {
        return socket;
    }

    private void flushEngine() throws IOException {
        byte[] b = engine.takeOutgoing();
        if (b.length > 0) {
            out.write(b);
            out.flush();
        }
    }

    /** Runs the handshake to completion (or the first alert, or the timeout). */
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
            flushEngine();
            while (!engine.isHandshakeComplete()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("TLS handshake timed out after "
                            + engine.config().handshakeTimeout().toMillis() + " ms in state " + engine.state());
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                readOnce("during the handshake");
            }
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("TLS handshake timed out after "
                    + engine.config().handshakeTimeout().toMillis() + " ms in state " + engine.state());
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(oldTimeout);
            }
        }
    }

    /** One socket read fed to the engine; whatever the engine answers (or its alert) is written out. */
    private void readOnce(String when) throws IOException {
        int n = in.read(buf);
        if (n < 0) {
            seam.onTransportClosed();
            throw new EOFException("connection closed by peer " + when + " (state " + engine.state() + ")");
        }
        try {
            engine.feed(buf, 0, n);
        } finally {
            try {
                flushEngine();
            } catch (IOException ignored) {
                // The peer may already be gone; the protocol error below is the one to report.
            }
        }
    }

    public Negotiated negotiated() {
        return engine.negotiated();
    }

    public InputStream getInputStream() {
        return appIn;
    }

    public OutputStream getOutputStream() {
        return appOut;
    }

    public void keyUpdate(boolean requestPeerUpdate) throws IOException {
        handshake();
        engine.keyUpdate(requestPeerUpdate);
        flushEngine();
    }

    /** Sends close_notify and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            engine.close();
            flushEngine();
        } catch (IOException ignored) {
            // Closing anyway.
        } finally {
            socket.close();
        }
    }

    private final class AppInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            handshake();
            if (len == 0) {
                return 0;
            }
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
                    seam.onTransportClosed();
                    return -1;
                }
                try {
                    engine.feed(buf, 0, n);
                } finally {
                    flushEngine();
                }
            }
            int k = Math.min(len, pending.length - pendingPos);
            System.arraycopy(pending, pendingPos, b, off, k);
            pendingPos += k;
            return k;
        }

        @Override
        public int available() {
            return pending.length - pendingPos + engine.available();
        }
    }

    private final class AppOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            handshake();
            engine.write(b, off, len);
            flushEngine();
        }
    }
}
