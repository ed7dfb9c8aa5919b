package dev.gcm.planner.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for 127.0.0.1 and its key (PEM), made by the real openssl. */
public record SelfSignedCert(Path cert, Path key) {

    public static SelfSignedCert create(Path dir) throws IOException, InterruptedException {
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl failed: " + output);
        }
        return new SelfSignedCert(cert, key);
    }

    /** The planner's environment for TLS with this certificate. */
    public java.util.Map<String, String> plannerEnv() {
        return java.util.Map.of("GCM_TLS_CERT", cert.toString(), "GCM_TLS_KEY", key.toString());
    }
}
