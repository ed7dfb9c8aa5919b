package dev.gcm.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough HTTP/1.1 for the hook's curl: one request per connection with a Content-Length body
 * ({@code Expect: 100-continue} answered), one plain-text answer, then the connection closes.
 */
final class HookHttp {

    private static final int MAX_HEAD = 16 * 1024;

    /** A request as the hook sent it. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A plain-text answer. */
    record Reply(int status, String body) {
    }

    /** What the endpoint answers. */
    interface Handler {
        Reply handle(Request request);
    }

    private final Handler handler;

    HookHttp(Handler handler) {
        this.handler = handler;
    }

    /** Reads one request, answers it; {@code received} runs once the whole request is in. */
    void exchange(SocketChannel c, Runnable received) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(4096);
        byte[] rest = null;
        while (rest == null) {
            one.clear();
            if (c.read(one) < 0) {
                return;
            }
            head.write(one.array(), 0, one.position());
            byte[] sofar = head.toByteArray();
            int end = indexOf(sofar, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (end >= 0) {
                rest = java.util.Arrays.copyOfRange(sofar, end + 4, sofar.length);
                head.reset();
                head.write(sofar, 0, end);
            } else if (sofar.length > MAX_HEAD) {
                reply(c, new Reply(431, "gcm: request head too large\n"));
                return;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] first = lines[0].split(" ");
        if (first.length != 3 || !first[2].startsWith("HTTP/1.")) {
            reply(c, new Reply(400, "gcm: not an HTTP request\n"));
            return;
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        long length;
        try {
            length = Long.parseLong(headers.getOrDefault("content-length", "0"));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > HookServer.MAX_BODY) {
            reply(c, new Reply(413, "gcm: the domain XML must come with a Content-Length of at most "
                    + HookServer.MAX_BODY + " bytes\n"));
            return;
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            write(c, "HTTP/1.1 100 Continue\r\n\r\n");
        }
        byte[] body = readBody(c, rest, (int) length);
        if (body == null) {
            return;
        }
        received.run();
        reply(c, handler.handle(new Request(first[0], first[1], headers, body)));
    }

    private static byte[] readBody(SocketChannel c, byte[] start, int length) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(length);
        body.put(start, 0, Math.min(start.length, length));
        while (body.hasRemaining()) {
            if (c.read(body) < 0) {
                return null;
            }
        }
        return body.array();
    }

    private static void reply(SocketChannel c, Reply r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        write(c, "HTTP/1.1 " + r.status() + " " + reason(r.status()) + "\r\ncontent-type: text/plain; charset=utf-8\r\n"
                + "content-length: " + body.length + "\r\nconnection: close\r\n\r\n");
        ByteBuffer b = ByteBuffer.wrap(body);
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    private static void write(SocketChannel c, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 431 -> "Request Header Fields Too Large";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
