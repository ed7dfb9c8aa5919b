package dev.gcm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged cli/target/gcm.jar, run as a separate process the way users and pipelines run it. */
class GcmJarIT {

    private record Result(int code, String out, String err) {
    }

    private static Result gcm(String stdin, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "gcm.jar");
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return run(new ProcessBuilder(cmd), stdin);
    }

    private static Result run(ProcessBuilder pb, String stdin) throws IOException, InterruptedException {
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void runsAsAStandaloneJarWithTheExitCodeContract() throws Exception {
        Result ok = gcm("[{\"name\":\"z14\"},{\"name\":\"z13\"}]", "baseline", "-", "-o", "args");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).startsWith("-cpu z13-base");
        assertThat(ok.err()).isEmpty();

        Result none = gcm("[{\"name\":\"z14\",\"props\":{\"zarch\":false}},{\"name\":\"z13\"}]", "baseline", "-");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("zarch");

        Result bad = gcm("not json", "baseline", "-");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("gcm: error: malformed JSON").doesNotContain("\tat ");

        Result version = gcm("", "--version");
        assertThat(version.out()).startsWith("gcm " + Version.current()).contains("QEMU 10.2.0");
        assertThat(Version.current()).isNotEqualTo("unknown").doesNotContain("${");
    }

    /** The launcher, as a user runs it: through a symlink on the PATH, with its own cache directory. */
    private static Result launcher(Path link, Path cache, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(link.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return run(pb, "");
    }

    @Test
    void theLauncherRunsTheJarThroughASymlinkAndKeepsAClassArchive() throws Exception {
        Path bin = Files.createTempDirectory("gcm-bin");
        Path cache = Files.createTempDirectory("gcm-cache");
        Path link = Files.createSymbolicLink(bin.resolve("gcm"), Path.of("target", "gcm").toAbsolutePath());
        Result first = launcher(link, cache, "compare", "z14", "z14");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        try (var archives = Files.list(cache.resolve("gcm"))) {
            assertThat(archives.filter(f -> f.toString().endsWith(".jsa")).count()).isEqualTo(1);
        }
        Result second = launcher(link, cache, "compare", "z14", "z14");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEmpty();
        Result version = launcher(link, cache, "version");
        assertThat(version.out()).startsWith("gcm " + Version.current() + "\n");
        Result bad = launcher(link, cache, "compare", "Z14", "z13");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("did you mean 'z14'?");
    }

    @Test
    void completionAsksTheCatalogForModelNames() throws Exception {
        Path script = Files.createTempFile("gcm-completion", ".bash");
        Files.writeString(script, gcm("", "completion", "bash").out());
        Path launcher = Path.of("target", "gcm").toAbsolutePath();
        assertThat(ConventionsTest.complete(script, launcher.toString(), "compare", "gen16"))
                .containsExactlyInAnyOrder("gen16a", "gen16a-base", "gen16b", "gen16b-base");
        assertThat(ConventionsTest.complete(script, launcher.toString(), "check", "--model", "z14-"))
                .containsExactly("z14-base");
    }

    @Test
    void probesTheInstalledQemu() throws Exception {
        Result r = gcm("", "probe", "--hypervisor", "qemu", "--host-id", "here");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"kind\" : \"qemu-tcg\"").contains("\"hostId\" : \"here\"")
                .contains("\"name\" : \"gen15a-base\"");
    }

    @Test
    void comparesFilesAsGuestAndHost() throws Exception {
        Path dir = Files.createTempDirectory("gcm-it");
        Files.writeString(dir.resolve("guest.json"), "{\"name\":\"z14\",\"props\":{\"vx\":false}}");
        Files.writeString(dir.resolve("host.json"), "{\"name\":\"z14\"}");
        Result r = gcm("", "compare", dir.resolve("guest.json").toString(), dir.resolve("host.json").toString(),
                "-o", "qemu");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"subset\"").contains("\"vx\"");
    }
}
