package dev.gcm.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The manual page gcm(1), in roff, written from the command tree itself (each command's header, usage,
 * options and examples), so that it cannot drift from the program. The build writes it to
 * {@code cli/target/gcm.1}.
 */
final class ManPage {

    private final StringBuilder roff = new StringBuilder();

    private ManPage() {
    }

    static String of(CommandLine root) {
        ManPage page = new ManPage();
        page.write(root);
        return page.roff.toString();
    }

    private void write(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        line(".TH GCM 1 \"\" \"gcm " + escape(Version.current()) + "\" \"GCM Planner\"");
        line(".SH NAME");
        line("gcm \\- " + escape(header(spec)));
        line(".SH SYNOPSIS");
        line(".B gcm");
        line("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]");
        line(".SH DESCRIPTION");
        paragraph(List.of(spec.usageMessage().description()));
        line(".SH COMMANDS");
        for (CommandLine c : visible(root)) {
            commandList(c, "gcm");
        }
        line(".SH GLOBAL OPTIONS");
        line("These go before or after the command.");
        preformatted(new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)).optionList());
        for (CommandLine c : visible(root)) {
            command(c);
        }
        line(".SH ENVIRONMENT");
        definition("GCM_PLANNER", "planner URLs, comma-separated, when --planner is not given");
        definition("GCM_TOKEN", "the API token, when neither --token nor --token-file is given");
        definition("GCM_CACERT", "CA certificates (PEM) to trust besides the system's");
        definition("GCM_CONTEXT", "the context of the configuration file to use, when --context is not given");
        definition("GCM_CONFIG", "the configuration file, instead of $XDG_CONFIG_HOME/gcm/config.yaml");
        definition("NO_COLOR", "no colour, even on a terminal");
        definition("GCM_DEBUG", "print a stack trace with an error");
        line(".SH FILES");
        definition("~/.config/gcm/config.yaml", "contexts: planner URLs, token file, CA, timeout (gcm config)");
        line(".SH EXIT STATUS");
        definition("0", "success; the migration is approved; the guest fits");
        definition("1", "rejected; no common model; the guest does not fit");
        definition("2", "usage or input error, or a request the planner refused (HTTP 4xx)");
        definition("3", "no planner reachable");
        definition("4", "the planner failed (HTTP 5xx)");
        line(".SH SEE ALSO");
        line("qemu-system-s390x(1), virsh(1)");
    }

    private void commandList(CommandLine c, String parent) {
        String name = parent + " " + c.getCommandName();
        definition(name, header(c.getCommandSpec()));
        for (CommandLine sub : visible(c)) {
            commandList(sub, name);
        }
    }

    private void command(CommandLine c) {
        line(".SH \"" + escape(c.getCommandSpec().qualifiedName().toUpperCase(java.util.Locale.ROOT)) + "\"");
        CommandLine.Help help = new CommandLine.Help(c.getCommandSpec(),
                CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        preformatted(help.synopsis(0) + "\n" + help.description() + help.parameterList()
                + HelpSections.ownOptions(help) + help.footer());
        for (CommandLine sub : visible(c)) {
            command(sub);
        }
    }

    private static List<CommandLine> visible(CommandLine c) {
        List<CommandLine> out = new ArrayList<>();
        c.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())
                    && !"help".equals(name)) {
                out.add(sub);
            }
        });
        return out;
    }

    private static String header(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        return header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
    }

    private void paragraph(List<String> lines) {
        line(".PP");
        lines.forEach(l -> line(escape(l)));
    }

    private void definition(String term, String text) {
        line(".TP");
        line(".B " + escape(term));
        line(escape(text));
    }

    private void preformatted(String text) {
        line(".nf");
        text.lines().forEach(l -> line(escape(l)));
        line(".fi");
    }

    private void line(String s) {
        roff.append(s).append('\n');
    }

    /** Backslashes doubled, and a leading dot or quote made literal, so text never reads as a request. */
    private static String escape(String s) {
        String e = s.replace("\\", "\\e").replace("-", "\\-");
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }
}
