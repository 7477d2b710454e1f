package tlsconf.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last lines a peer printed, bounded in line count and in line length, plus an optional full copy in a log
 * file. Thread-safe: a reader thread appends while the test polls.
 *
 * <p>The unfinished last line (a prompt without a newline) is visible too: peers do not always end what they
 * print with a newline before they block.
 */
public final class OutputTail {

    /** Lines kept in memory; older ones survive only in the log file. */
    public static final int DEFAULT_MAX_LINES = 2_000;
    private static final int MAX_LINE_CHARS = 4_096;

    private final int maxLines;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private final Writer log;
    private final Path logFile;
    private long dropped;

    private OutputTail(int maxLines, Path logFile, Writer log) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be positive, was " + maxLines);
        }
        this.maxLines = maxLines;
        this.logFile = logFile;
        this.log = log;
    }

    /** A tail that keeps at most {@code maxLines} lines in memory and nothing on disk. */
    public static OutputTail inMemory(int maxLines) {
        return new OutputTail(maxLines, null, null);
    }

    /** A tail that also writes every character to {@code logFile} (created or truncated). */
    public static OutputTail logged(int maxLines, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return new OutputTail(maxLines, logFile, Files.newBufferedWriter(logFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create peer log " + logFile + ": " + e.getMessage(), e);
        }
    }

    /** Appends text as it arrived; splits it into lines at '\n' and drops '\r'. */
    public synchronized void append(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                pushLine(partial.toString());
                partial.setLength(0);
            } else if (c != '\r' && partial.length() < MAX_LINE_CHARS) {
                partial.append(c);
            }
        }
        if (log != null) {
            try {
                log.append(text);
                log.flush();
            } catch (IOException e) {
                // The in-memory tail is what tests read; a full disk must not break the run.
            }
        }
    }

    /** Appends one whole line (used by in-process peers that report what they did). */
    public void appendLine(String line) {
        append(line + "\n");
    }

    private void pushLine(String line) {
        lines.addLast(line);
        while (lines.size() > maxLines) {
            lines.removeFirst();
            dropped++;
        }
    }

    /** Every line kept, oldest first, the unfinished last line included when not empty. */
    public synchronized List<String> lines() {
        List<String> all = new ArrayList<>(lines);
        if (partial.length() > 0) {
            all.add(partial.toString());
        }
        return all;
    }

    /** The kept output as one string, lines joined with '\n'. */
    public String text() {
        return String.join("\n", lines());
    }

    /** The last {@code n} lines, for error messages. */
    public List<String> lastLines(int n) {
        List<String> all = lines();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** The last {@code n} non-blank lines joined with " | ", short enough for a one-line error. */
    public String lastLinesInline(int n) {
        List<String> nonBlank = lines().stream().filter(l -> !l.isBlank()).map(String::strip).toList();
        List<String> tail = nonBlank.subList(Math.max(0, nonBlank.size() - n), nonBlank.size());
        return tail.isEmpty() ? "(no output)" : String.join(" | ", tail);
    }

    /** The first kept line matching {@code pattern} (find, not full match). */
    public Optional<String> firstMatch(Pattern pattern) {
        return lines().stream().filter(l -> pattern.matcher(l).find()).findFirst();
    }

    public boolean contains(String substring) {
        return lines().stream().anyMatch(l -> l.contains(substring));
    }

    /** Lines dropped from memory because of the bound. */
    public synchronized long droppedLines() {
        return dropped;
    }

    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    synchronized void closeLog() {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                // nothing left to do with a log that cannot be closed
            }
        }
    }
}
