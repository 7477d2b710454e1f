package tlsconf.vectors;

import tlsconf.vectors.kind.VectorBody;

/**
 * One validated vector file: where it was loaded from, its id (unique across all loaded files), kind, source,
 * description and typed content.
 */
public record VectorFile(String location, String id, Kind kind, Source source, String description, VectorBody body) {
}
