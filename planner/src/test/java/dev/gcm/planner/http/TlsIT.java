package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.planner.support.SelfSignedCert;
import dev.gcm.planner.support.TestPlanner;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from GCM_TLS_CERT / GCM_TLS_KEY (PEM), checked with a client that trusts only that certificate. */
class TlsIT {

    @Test
    void servesHttpsWithTheGivenCertificate(@TempDir Path dir) throws Exception {
        SelfSignedCert tls = SelfSignedCert.create(dir);
        Path cert = tls.cert();
        try (TestPlanner p = TestPlanner.start(tls.plannerEnv())) {
            int port = Integer.parseInt(p.http().toString().replaceAll(".*:(\\d+).*", "$1"));
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(cert)) {
                trust.setCertificateEntry("planner", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                    + "/api/v1/hosts")).header("Authorization", "Bearer " + TestPlanner.READER).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/livez")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isInstanceOf(java.io.IOException.class);
        }
    }
}
