package dev.gcm.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of every command, as kubectl users know it: a short synopsis ({@code gcm hosts [OPTIONS]
 * [COMMAND]}), the command's own options, and one line that points at the global options instead of
 * repeating them under each command.
 */
final class HelpSections {

    private HelpSections() {
    }

    static void install(CommandLine command) {
        command.getCommandSpec().usageMessage().abbreviateSynopsis(true);
        if (command.getCommandSpec().parent() == null) {
            return;
        }
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpSections::ownOptions);
    }

    /** The options of this command (not the inherited global ones), then a pointer to those. */
    static String ownOptions(CommandLine.Help help) {
        List<OptionSpec> own = help.commandSpec().options().stream().filter(o -> !o.inherited() && !o.hidden()).toList();
        boolean inherits = help.commandSpec().options().stream().anyMatch(OptionSpec::inherited);
        String list = own.isEmpty() ? "" : help.optionListExcludingGroups(own, help.createDefaultLayout(),
                CommandLine.Help.createShortOptionNameComparator(), help.parameterLabelRenderer());
        return inherits ? list + "Global options (--planner, --token, --token-file, --cacert, --timeout,\n"
                + "--context) go before or after the command; see gcm --help.\n" : list;
    }
}
