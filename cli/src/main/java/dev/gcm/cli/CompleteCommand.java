package dev.gcm.cli;

import dev.gcm.cli.config.ConfigFile;
import dev.gcm.cli.online.PlannerClient;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gcm __complete KIND [PREFIX]} (hidden): the names the completion script offers, one a line: the
 * planner's hosts or pools (within two seconds, else nothing), the catalog's CPU models, the configuration's
 * contexts. Never fails loudly: a completion that cannot be had is an empty one.
 */
@Command(name = "__complete", hidden = true, description = "Names for shell completion: hosts, pools, models "
        + "or contexts.")
public final class CompleteCommand implements Callable<Integer> {

    private static final int MOST = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND")
    String kind;

    @Parameters(index = "1", paramLabel = "PREFIX", defaultValue = "")
    String prefix;

    @Override
    public Integer call() {
        List<String> names;
        try {
            names = names();
        } catch (RuntimeException unavailable) {
            return ExitCodes.OK;
        }
        PrintWriter out = spec.commandLine().getOut();
        names.stream().filter(n -> n.startsWith(prefix)).limit(MOST).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case "models" -> {
                for (CpuDefinition d : Catalog.load().definitions()) {
                    out.add(d.name());
                    out.add(d.name() + "-base");
                }
            }
            case "contexts" -> out.addAll(ConfigFile.locate(Env::get).read().names());
            case "hosts" -> client().get("/hosts").path("hosts").forEach(h -> out.add(h.path("hostId").asText()));
            case "pools" -> client().get("/pools").path("pools").forEach(p -> out.add(p.path("name").asText()));
            default -> {
                // nothing to offer
            }
        }
        return out;
    }

    private PlannerClient client() {
        PlannerClient.Settings s = GcmCommand.plannerOptions(spec).settings(Env::get);
        Duration quick = s.timeout().compareTo(Duration.ofSeconds(2)) < 0 ? s.timeout() : Duration.ofSeconds(2);
        return new PlannerClient(new PlannerClient.Settings(s.planners(), s.token(), quick, s.cacert()));
    }
}
