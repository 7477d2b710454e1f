package tlsconf.impl.record;

import tlsconf.impl.alert.TlsAlertException;

/** The sending side of a record layer, as {@link ConnectionCore} uses it; both versions' record layers have it. */
public interface RecordSink {
    /** Content of one type, fragmented to the limit, protected under the current write keys if any. */
    void write(int contentType, byte[] data, int off, int len) throws TlsAlertException;

    /** Exactly one record with this content. */
    void writeRecord(int contentType, byte[] data, int off, int len) throws TlsAlertException;

    boolean hasOutput();

    /** All framed bytes waiting to go on the wire, drained. */
    byte[] takeOutput();
}
