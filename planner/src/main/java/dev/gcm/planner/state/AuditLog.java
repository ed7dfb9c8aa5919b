package dev.gcm.planner.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * This member's append-only record of the decisions it returned: one JSON object per line in
 * {@code decisions.jsonl}; past {@code maxBytes} the file is rotated to {@code decisions.jsonl.1} (and
 * older ones shift up), keeping at most {@code maxFiles} files in all. One writer at a time: appends are made under this object's lock.
 * A batch goes to the file in as few writes as fit a buffer kept for it (one, for the batches of a busy gate),
 * from memory the operating system reads directly (no copy of the batch on its way). {@link #newest} reads
 * the last entries back beside the writer.
 */
public final class AuditLog implements AutoCloseable {

    static final String FILE = "decisions.jsonl";
    /** Room for the lines of a batch on their way to the file; a batch larger than it is written in pieces. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path dir;
    private final long maxBytes;
    private final int maxFiles;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private FileChannel out;
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
        out = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = out.size();
    }

    /** Lines made ready for the file (UTF-8, one per entry) outside the writer's lock. */
    public static final class Lines {
        private final byte[][] lines;
        private final long bytes;

        private Lines(byte[][] lines, long bytes) {
            this.lines = lines;
            this.bytes = bytes;
        }
    }

    /** Encodes entries as lines (a line break inside an entry becomes a space); safe from any thread. */
    public static Lines encode(List<String> entries) {
        byte[][] lines = new byte[entries.size()][];
        long bytes = 0;
        for (int i = 0; i < lines.length; i++) {
            String e = entries.get(i);
            lines[i] = (e.indexOf('\n') < 0 ? e : e.replace('\n', ' ')).getBytes(StandardCharsets.UTF_8);
            bytes += lines[i].length + 1;
        }
        return new Lines(lines, bytes);
    }

    /** Appends encoded lines, in one write when they fit the buffer (a killed JVM loses none of them). */
    public void append(Lines batch) throws IOException {
        if (size > 0 && size + batch.bytes > maxBytes) {
            rotate();
        }
        buffer.clear();
        for (byte[] line : batch.lines) {
            if (line.length + 1 > buffer.remaining()) {
                drain();
            }
            if (line.length + 1 > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(line)); // a line larger than the buffer: as it is, then its end
            } else {
                buffer.put(line);
            }
            buffer.put((byte) '\n');
        }
        drain();
        size += batch.bytes;
    }

    /** Writes what the buffer holds and empties it. */
    private void drain() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
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

    /**
     * The newest {@code limit} entries in the files, oldest first. Safe beside the writer: the files are
     * opened while no append is under way (this object's lock, which appends are made under) and read after.
     */
    public List<String> newest(int limit) throws IOException {
        List<AuditTail.Opened> files = new ArrayList<>();
        try {
            synchronized (this) {
                AuditTail.Opened current = AuditTail.open(dir.resolve(FILE));
                if (current != null) {
                    files.add(current);
                }
                for (int i = 1; i < maxFiles; i++) {
                    AuditTail.Opened older = AuditTail.open(dir.resolve(FILE + "." + i));
                    if (older != null) {
                        files.add(older);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            for (AuditTail.Opened f : files) {
                f.channel().close();
            }
            throw e;
        }
        return AuditTail.newest(files, limit);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
