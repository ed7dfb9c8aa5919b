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
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a kubectl or virsh user expects of any command: help with examples, a version, did-you-mean, completion. */
public class ConventionsTest {

    /** Every visible command, below the root. */
    private static List<CommandLine> commands(CommandLine c) {
        List<CommandLine> out = new ArrayList<>();
        c.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())
                    && !"help".equals(name)) {
                out.add(sub);
                out.addAll(commands(sub));
            }
        });
        return out;
    }

    @Test
    void everyCommandHasASummaryAndExamplesAndItsHelpFitsEightyColumns() {
        List<CommandLine> all = commands(Main.commandLine());
        assertThat(all).hasSizeGreaterThan(25);
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            assertThat(c.getCommandSpec().usageMessage().header()).as(name).isNotEmpty();
            if (!"gcm demo".equals(name)) {
                CliRun help = CliRun.of((name.substring(4) + " --help").split(" "));
                assertThat(help.exitCode()).as(name).isZero();
                assertThat(help.out()).as(name).contains("Example");
                assertThat(help.out().lines()).as(name).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
            }
        }
        assertThat(CliRun.of("--help").out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void versionIsTheBuildsAndTheSameBothWays() {
        CliRun command = CliRun.of("version");
        CliRun option = CliRun.of("--version");
        assertThat(command.exitCode()).isZero();
        assertThat(command.out()).isEqualTo(option.out()).startsWith("gcm " + Version.current() + "\n");
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownCommandNamesTheNearestOnes() {
        CliRun top = CliRun.of("hots");
        assertThat(top.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(top.err()).startsWith("gcm: unknown command 'hots' for 'gcm' (did you mean 'hosts'?)");
        CliRun sub = CliRun.of("hosts", "shwo", "h1");
        assertThat(sub.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sub.err()).contains("unknown command 'shwo' for 'gcm hosts' (did you mean 'show'?)");
    }

    @Test
    void mistypedModelsAndFilesAreSaidInPlainWords() {
        CliRun upper = CliRun.of("compare", "Z14", "gen16a");
        assertThat(upper.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(upper.err()).isEqualTo("gcm: error: unknown CPU model Z14 (did you mean 'z14'?); gcm models lists them\n");
        assertThat(CliRun.of("compare", "z14", "gen16").err()).contains("(did you mean 'gen16a' or 'gen16b'?)");
        CliRun directory = CliRun.of("baseline", Path.of("..", "examples").toString());
        assertThat(directory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.err()).contains("is a directory").doesNotContain("no such file");
    }

    @Test
    void theManualPageDescribesEveryCommandAndExitCode() {
        CliRun man = CliRun.of("__man");
        assertThat(man.exitCode()).isZero();
        assertThat(man.out()).startsWith(".TH GCM 1 ").contains(".SH EXIT STATUS").contains(".B 4\n");
        for (CommandLine c : commands(Main.commandLine())) {
            String title = c.getCommandSpec().qualifiedName().toUpperCase(java.util.Locale.ROOT).replace("-", "\\-");
            assertThat(man.out()).as(title).contains(".SH \"" + title + "\"");
        }
        assertThat(man.out().lines()).noneMatch(l -> l.startsWith(".") && l.length() > 1
                && !l.matches("\\.(TH|SH|SS|B|TP|PP|nf|fi)( .*)?"));
    }

    @Test
    void completionCompletesAfterTheProgramsNameAndOffersEachCommandsOwnForms(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("gcm.bash");
        Files.writeString(script, CliRun.of("completion", "bash").out());
        assertThat(complete(script, "gcm", "")).contains("hosts", "show", "check", "config", "version")
                .doesNotContain("gcm", "__complete", "__man");
        assertThat(complete(script, "gcm", "ho")).containsExactly("hosts");
        assertThat(complete(script, "gcm", "hosts", "")).containsExactlyInAnyOrder("show", "cordon", "uncordon",
                "decommission", "recommission");
        assertThat(complete(script, "gcm", "--planner", "http://x:1", "hosts", "")).contains("show");
        assertThat(complete(script, "gcm", "hosts", "-o", "")).containsExactly("table", "wide", "json", "yaml");
        assertThat(complete(script, "gcm", "show", "-o", "")).containsExactly("table", "wide", "json", "yaml", "qemu",
                "args", "libvirt");
        assertThat(complete(script, "gcm", "models", "-o", "")).containsExactly("table", "json");
        assertThat(complete(script, "gcm", "completion", "")).containsExactly("bash", "zsh");
        assertThat(complete(script, "gcm", "hosts", "--sh")).containsExactly("--show-labels");
        assertThat(complete(script, "gcm", "hosts", "--state", "")).containsExactly("fresh", "stale", "cordoned",
                "leaving", "ready");
        assertThat(complete(script, "gcm", "config", "")).contains("use-context", "get-contexts", "set-context");
    }

    /** What bash offers for the last word, with the script sourced and no gcm on the PATH. */
    public static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append("'");
        }
        String program = "source " + script + "; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _gcm 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
