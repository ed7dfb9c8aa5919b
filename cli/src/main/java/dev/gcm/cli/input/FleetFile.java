package dev.gcm.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.output.Names;
import dev.gcm.cli.output.Progress;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.forms.ReadModel;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fleet: a JSON array whose entries are models in any form facility-db reads (QEMU CpuModelInfo, gcm/v1
 * documents, strings holding a name, a {@code -cpu} argument or libvirt XML; such hosts are named by position,
 * {@code #0}, {@code #1}, ...), host objects
 * {@code {"id": "h1", "model": MODEL, "ibcRange": {"lowest": "0x031", "unblocked": "0x051"}, "qemuVersion": "7.2"}},
 * or host records ({@code gcm probe} output); or XML holding libvirt {@code <cpu>} elements, domain capabilities
 * or domains, as {@code virsh hypervisor-cpu-baseline} takes them. A host's model is read in the view of its own
 * QEMU release ({@code qemuVersion}), else the newest.
 *
 * <p>JSON is read as a stream, one entry at a time (each entry's tree is dropped once its host is made), so a fleet
 * of 100,000 host records costs the hosts, not the text: at most {@value #MOST_HOSTS} hosts, each entry at most
 * 1 MiB. XML is read whole (at most {@link InputSource#MAX_BYTES}).
 */
public final class FleetFile {

    /** The most hosts a fleet may have. */
    public static final int MOST_HOSTS = 1_000_000;

    private static final int MOST_ENTRY_BYTES = 1 << 20;
    private static final JsonFactory JSON = CpuModelInfoJson.mapper().getFactory().copy()
            .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(MOST_ENTRY_BYTES).build())
            .setCodec(CpuModelInfoJson.mapper());

    private FleetFile() {
    }

    /** Reads a fleet from text (a test's, or a small file's). */
    public static List<GcmHost> read(String text, Catalog newest) {
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return read(new InputSource.Opened(new ByteArrayInputStream(bytes), bytes.length, "the fleet"), newest,
                    Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a fleet from a file or standard input, saying how far it has got. */
    public static List<GcmHost> read(InputSource.Opened input, Catalog newest, Progress progress) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input.in(), 1 << 16);
        int first = firstNonBlank(in);
        if (first < 0) {
            throw InputSource.empty(input.where());
        }
        FleetEntries entries = new FleetEntries(newest);
        if (first == '<') {
            String xml = new InputSource.Opened(in, input.size(), input.where()).text().strip();
            List<ReadModel> models = ModelForms.readAllXml(xml);
            List<GcmHost> hosts = new ArrayList<>(models.size());
            for (int i = 0; i < models.size(); i++) {
                hosts.add(entries.host(models.get(i).model(), i));
            }
            return hosts;
        }
        try (JsonParser parser = JSON.createParser(in)) {
            return fromJson(parser, entries, input, progress);
        }
    }

    private static List<GcmHost> fromJson(JsonParser parser, FleetEntries entries, InputSource.Opened input,
                                          Progress progress) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new InvalidJsonException("$", "expected a JSON array of hosts (CPU models)");
        }
        List<GcmHost> hosts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String label = "Reading " + input.where();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == null) {
                throw new InvalidJsonException("$", "malformed JSON: the fleet's array is not closed");
            }
            int i = hosts.size();
            if (i == MOST_HOSTS) {
                throw new InvalidJsonException("$", "more than " + Names.count(MOST_HOSTS) + " hosts");
            }
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode node = parser.readValueAsTree();
            long end = parser.currentLocation().getByteOffset();
            if (end - start > MOST_ENTRY_BYTES) {
                throw new InvalidJsonException("$[" + i + "]", "an entry of more than 1 MiB");
            }
            GcmHost host = entries.host(node, i);
            if (!ids.add(host.id())) {
                throw new InvalidJsonException("$[" + i + "].id", "host id '" + host.id() + "' appears twice");
            }
            hosts.add(host);
            progress.at(label, end, input.size(), Names.count(hosts.size(), "host", "hosts"));
        }
        if (hosts.isEmpty()) {
            throw new InvalidJsonException("$", "the fleet is empty; a common model needs at least one host");
        }
        if (parser.nextToken() != null) {
            throw new InvalidJsonException("$", "more after the fleet's array; a fleet is one JSON array");
        }
        return hosts;
    }

    /** The first byte that is not white space (a byte order mark is skipped), left unread; -1 at the end. */
    private static int firstNonBlank(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(4);
            int b = in.read();
            if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
                continue;
            }
            if (b < 0 || !Character.isWhitespace(b)) {
                in.reset();
                return b;
            }
        }
    }
}
