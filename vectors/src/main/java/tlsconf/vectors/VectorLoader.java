package tlsconf.vectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tlsconf.vectors.json.Node;
import tlsconf.vectors.json.Problems;
import tlsconf.vectors.kind.CertificateCases;
import tlsconf.vectors.kind.Kdf;
import tlsconf.vectors.kind.Negative;
import tlsconf.vectors.kind.Recording;
import tlsconf.vectors.kind.Transcript;
import tlsconf.vectors.kind.VectorBody;
import tlsconf.vectors.kind.Wycheproof;

/**
 * Finds and validates vector files: the ones shipped in this jar ({@code vectors/} on the class path) and any
 * files or folders given. Every {@code *.json} file under a folder is a vector file; other files (LICENSE, NOTICE,
 * README) are ignored. All problems of all files are collected, never just the first.
 */
public final class VectorLoader {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/+-]*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private VectorLoader() {
    }

    /** A path that cannot be read at all (not a vector problem: a usage error). */
    public static final class UnreadablePathException extends RuntimeException {
        public UnreadablePathException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The vector files shipped in the tlsconf-vectors jar (or its classes folder). */
    public static LoadResult loadShipped() {
        return load(List.of(shippedRoot()), false);
    }

    /** The folder (or jar folder) holding the shipped vectors. */
    public static Path shippedRoot() {
        try {
            URI location = VectorLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            Path base = Path.of(location);
            if (Files.isDirectory(base)) {
                return base.resolve("vectors");
            }
            FileSystem jar;
            URI jarUri = URI.create("jar:" + base.toUri());
            try {
                jar = FileSystems.getFileSystem(jarUri);
            } catch (java.nio.file.FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(jarUri, Map.of());
            }
            return jar.getPath("/vectors");
        } catch (IOException | URISyntaxException e) {
            throw new UnreadablePathException("cannot open the shipped vectors: " + e.getMessage(), e);
        }
    }

    /** Loads files and folders (recursively, in name order); a path that does not exist is an {@link UnreadablePathException}. */
    public static LoadResult load(List<Path> paths) {
        return load(paths, true);
    }

    private static LoadResult load(List<Path> paths, boolean consultShipped) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UnreadablePathException("no such file or folder: " + p, null);
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new UnreadablePathException("cannot read folder " + p + ": " + e.getMessage(), e);
                }
            } else {
                files.add(p);
            }
        }
        List<VectorFile> loaded = new ArrayList<>();
        List<VectorError> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path f : files) {
            String name = f.toString();
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new UnreadablePathException("cannot read " + name + ": " + e.getMessage(), e);
            }
            Problems problems = new Problems(name);
            Optional<VectorFile> file = parse(name, f.getFileName().toString(), text, problems);
            errors.addAll(problems.errors());
            if (file.isPresent()) {
                String other = seen.putIfAbsent(file.get().id(), name);
                if (other != null) {
                    errors.add(new VectorError(name, "/id", "duplicate id '" + file.get().id() + "' (also in " + other
                            + ")"));
                }
                loaded.add(file.get());
            }
        }
        checkReferences(loaded, errors, consultShipped);
        return new LoadResult(loaded, errors);
    }

    /**
     * A negative vector's base must be a transcript (among the loaded files, else among the shipped ones) with the
     * step, label and offset its mutation names.
     */
    private static void checkReferences(List<VectorFile> loaded, List<VectorError> errors, boolean consultShipped) {
        Map<String, VectorFile> byId = new HashMap<>();
        loaded.forEach(f -> byId.putIfAbsent(f.id(), f));
        LoadResult shipped = null;
        for (VectorFile f : loaded) {
            if (f.body() instanceof Transcript t && t.resumes().isPresent()
                    && !(byId.get(t.resumes().get()) != null && byId.get(t.resumes().get()).body() instanceof Transcript)) {
                if (shipped == null && consultShipped) {
                    shipped = loadShippedQuietly();
                }
                boolean inShipped = shipped != null && shipped.files().stream()
                        .anyMatch(s -> s.id().equals(t.resumes().get()) && s.body() instanceof Transcript);
                if (!inShipped) {
                    errors.add(new VectorError(f.location(), "/resumes", "no transcript with id '" + t.resumes().get()
                            + "'"));
                }
            }
            if (!(f.body() instanceof Negative n)) {
                continue;
            }
            VectorFile base = byId.get(n.base());
            if (base == null && shipped == null && consultShipped) {
                shipped = loadShippedQuietly();
            }
            if (base == null && shipped != null) {
                base = shipped.files().stream().filter(s -> s.id().equals(n.base())).findFirst().orElse(null);
            }
            if (base == null || !(base.body() instanceof Transcript t)) {
                errors.add(new VectorError(f.location(), "/base", "no transcript with id '" + n.base() + "'"));
                continue;
            }
            Negative.Mutation m = n.mutation();
            if (m.step() < 0 || m.step() >= t.steps().size()) {
                errors.add(new VectorError(f.location(), "/mutation/step", "base has steps 0.." + (t.steps().size() - 1)));
                continue;
            }
            Optional<Bytes> value = t.steps().get(m.step()).value(m.label());
            if (value.isEmpty()) {
                errors.add(new VectorError(f.location(), "/mutation/label", "step " + m.step() + " of the base has no value '"
                        + m.label() + "' (it has " + t.steps().get(m.step()).values().keySet() + ")"));
            } else if (m.offset() < 0 || m.offset() + m.xor().length() > value.get().length()) {
                errors.add(new VectorError(f.location(), "/mutation/offset", "outside the " + value.get().length()
                        + "-byte value"));
            }
        }
    }

    private static LoadResult loadShippedQuietly() {
        try {
            return loadShipped();
        } catch (UnreadablePathException e) {
            return null;
        }
    }

    /** Parses one file's text; empty when it has problems (which are in {@code problems}). */
    public static Optional<VectorFile> parse(String location, String fileName, String text, Problems problems) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonParseException e) {
            problems.add("", "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
            return Optional.empty();
        } catch (IOException e) {
            problems.add("", "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add("", "a vector file is one JSON object");
            return Optional.empty();
        }
        Node body = new Node(root, "", problems);
        VectorFile file;
        if (Wycheproof.looksLikeWycheproof(root)) {
            Wycheproof w = Wycheproof.parse(body);
            String id = "wycheproof/" + fileName.replaceFirst("(_test)?\\.json$", "");
            Source src = new Source("Project Wycheproof (C2SP/wycheproof)", Optional.empty(),
                    Optional.of(root.path("generatorVersion").asText("testvectors_v1")),
                    Optional.of("https://github.com/C2SP/wycheproof"),
                    "Apache-2.0 (LICENSE and NOTICE in the same folder)");
            file = new VectorFile(location, id, Kind.WYCHEPROOF, src, w.algorithm() + " (" + w.schema() + ")", w);
        } else {
            String kindName = body.text("kind");
            Optional<Kind> kind = Kind.fromJson(kindName);
            if (!kindName.isEmpty() && (kind.isEmpty() || kind.get() == Kind.WYCHEPROOF)) {
                body.fail("kind", "unknown kind '" + kindName
                        + "' (expected transcript, kdf, negative, certificate or recording)");
            }
            String id = body.text("id");
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                body.fail("id", "an id is letters, digits and . _ / + - (found '" + id + "')");
            }
            Source source = parseSource(body.object("source"));
            String description = body.text("description");
            if (kind.isEmpty() || kind.get() == Kind.WYCHEPROOF) {
                return Optional.empty();
            }
            VectorBody content = switch (kind.get()) {
                case TRANSCRIPT -> Transcript.parse(body);
                case KDF -> Kdf.parse(body);
                case NEGATIVE -> Negative.parse(body);
                case CERTIFICATE -> CertificateCases.parse(body);
                case RECORDING -> Recording.parse(body);
                case WYCHEPROOF -> throw new IllegalStateException("handled above");
            };
            file = new VectorFile(location, id, kind.get(), source, description, content);
        }
        return problems.any() ? Optional.empty() : Optional.of(file);
    }

    private static Source parseSource(Node s) {
        s.only("name", "section", "version", "url", "license");
        return new Source(s.text("name"), s.optText("section"), s.optText("version"), s.optText("url"),
                s.text("license"));
    }
}
