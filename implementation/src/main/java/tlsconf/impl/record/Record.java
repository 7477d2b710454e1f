package tlsconf.impl.record;

import java.util.Optional;
import tlsconf.model.vocabulary.ContentType;

/**
 * A received record after deprotection: its real content type (the inner type for protected records), the content
 * without padding, the epoch whose keys opened it (PLAINTEXT when it was not protected) and the key generation
 * (0, then +1 per KeyUpdate).
 */
public record Record(int contentType, byte[] content, Epoch epoch, int generation) {
    public Optional<ContentType> type() {
        return ContentType.fromCode(contentType);
    }

    /** For an alert record of two bytes: its level code, else -1. */
    public int alertLevel() {
        return contentType == ContentType.ALERT.code() && content.length == 2 ? content[0] & 0xff : -1;
    }

    /** For an alert record of two bytes: its description code, else -1. */
    public int alertDescription() {
        return contentType == ContentType.ALERT.code() && content.length == 2 ? content[1] & 0xff : -1;
    }

    public boolean isProtected() {
        return epoch != Epoch.PLAINTEXT;
    }
}
