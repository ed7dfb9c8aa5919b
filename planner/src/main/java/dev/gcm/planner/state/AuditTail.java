package dev.gcm.planner.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The newest lines of an audit log, read from its end backwards: from {@code decisions.jsonl}, then the
 * rotated files in turn, until enough whole lines are found. The files are opened together (under the
 * writer's lock, see {@link AuditLog#newest}) and read up to the size each had then, so a rotation or an
 * append while they are read changes nothing read; a line still being written (no line break yet) is left
 * out. A line longer than {@link #MAX_LINE} bytes is skipped: no decision entry is that long.
 */
final class AuditTail {

    static final int MAX_LINE = 64 * 1024;
    private static final int BLOCK = 64 * 1024;

    /** A file of the log as it was when opened: read no further than {@code size}. */
    record Opened(FileChannel channel, long size) {
    }

    private AuditTail() {
    }

    /** Opens a file of the log; null when it does not exist. */
    static Opened open(java.nio.file.Path file) throws IOException {
        try {
            FileChannel c = FileChannel.open(file, StandardOpenOption.READ);
            return new Opened(c, c.size());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The newest {@code limit} whole lines of the files (newest file first), oldest first; closes the files.
     */
    static List<String> newest(List<Opened> files, int limit) throws IOException {
        List<String> newestFirst = new ArrayList<>();
        try {
            for (Opened f : files) {
                if (newestFirst.size() >= limit) {
                    break;
                }
                readBackwards(f, limit, newestFirst);
            }
        } finally {
            for (Opened f : files) {
                f.channel().close();
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Adds the file's lines, newest first, to {@code out} until it holds {@code limit}. */
    private static void readBackwards(Opened f, int limit, List<String> out) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        // bytes of the line being assembled, in reverse order of blocks: the part read last comes first
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        // what follows the file's last line break is a line still being written: skipped like a too-long one
        boolean skipping = true;
        long pos = f.size();
        while (pos > 0 && out.size() < limit) {
            int n = (int) Math.min(BLOCK, pos);
            pos -= n;
            block.clear().limit(n);
            readFully(f.channel(), block, pos);
            byte[] b = block.array();
            int lineEnd = n;
            for (int i = n - 1; i >= -1 && out.size() < limit; i--) {
                if (i >= 0 && b[i] != '\n') {
                    continue;
                }
                if (i == -1 && pos > 0) {
                    // the line goes on in the block before this one
                    skipping = prepend(partial, b, 0, lineEnd, skipping);
                    break;
                }
                skipping = prepend(partial, b, i + 1, lineEnd, skipping);
                if (!skipping && partial.size() > 0) {
                    out.add(partial.toString(StandardCharsets.UTF_8));
                }
                partial.reset();
                skipping = false;
                lineEnd = i;
            }
        }
    }

    /** Puts {@code b[from, to)} before what {@code partial} holds; answers whether the line is now too long. */
    private static boolean prepend(ByteArrayOutputStream partial, byte[] b, int from, int to, boolean skipping) {
        if (skipping || partial.size() + (to - from) > MAX_LINE) {
            partial.reset();
            return true;
        }
        byte[] after = partial.toByteArray();
        partial.reset();
        partial.write(b, from, to - from);
        partial.write(after, 0, after.length);
        return false;
    }

    private static void readFully(FileChannel c, ByteBuffer b, long at) throws IOException {
        long p = at;
        while (b.hasRemaining()) {
            int r = c.read(b, p);
            if (r < 0) {
                throw new IOException("the audit file is shorter than when it was opened");
            }
            p += r;
        }
        b.flip();
    }
}
