package dev.gcm.planner.state;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * This member's append-only record of the decisions it returned: one JSON object per line in
 * {@code decisions.jsonl}; past {@code maxBytes} the file is rotated to {@code decisions.jsonl.1} (and
 * older ones shift up), keeping at most {@code maxFiles} files in all. Not thread-safe: one writer.
 */
public final class AuditLog implements AutoCloseable {

    static final String FILE = "decisions.jsonl";

    private final Path dir;
    private final long maxBytes;
    private final int maxFiles;
    private OutputStream out;
    private long size;

    public AuditLog(Path dir, long maxBytes, int maxFiles) throws IOException {
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("an audit log keeps at least one file of at least one byte");
        }
        Files.createDirectories(dir);
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        open();
    }

    private void open() throws IOException {
        Path f = dir.resolve(FILE);
        out = Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(f);
    }

    /** Appends one line per entry and hands them to the operating system (a killed JVM loses none of them). */
    public void append(List<String> entries) throws IOException {
        StringBuilder b = new StringBuilder(entries.size() * 256);
        for (String e : entries) {
            b.append(e.replace('\n', ' ')).append('\n');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + bytes.length > maxBytes) {
            rotate();
        }
        out.write(bytes);
        out.flush();
        size += bytes.length;
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(dir.resolve(FILE + "." + (maxFiles - 1)));
        for (int i = maxFiles - 2; i >= 1; i--) {
            Path from = dir.resolve(FILE + "." + i);
            if (Files.exists(from)) {
                Files.move(from, dir.resolve(FILE + "." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (maxFiles > 1) {
            Files.move(dir.resolve(FILE), dir.resolve(FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(dir.resolve(FILE));
        }
        open();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
