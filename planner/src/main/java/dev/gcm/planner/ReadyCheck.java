package dev.gcm.planner;

import dev.gcm.hypervisor.tls.PemTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -cp gcm-planner.jar dev.gcm.planner.ReadyCheck URL}: exit 0 when the planner at URL says it is
 * ready, 1 otherwise. The chart's {@code helm test} runs it, so the test needs no image besides the planner's.
 */
public final class ReadyCheck {

    /** Every environment variable it reads. */
    public static final List<String> VARIABLES = List.of("GCM_CACERT");

    private ReadyCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ReadyCheck URL (e.g. http://gcm-planner:8080/readyz)");
            System.exit(2);
        }
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        String ca = System.getenv("GCM_CACERT");
        if (ca != null && !ca.isBlank()) {
            b.sslContext(PemTrust.withExtraCertificates(Path.of(ca)));
        }
        HttpResponse<String> r = b.build().send(HttpRequest.newBuilder(URI.create(args[0]))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println(args[0] + " answered " + r.statusCode() + ": " + r.body());
        System.exit(r.statusCode() == 200 ? 0 : 1);
    }
}
