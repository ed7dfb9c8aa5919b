package dev.gcm.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contents of {@code config.yaml}: named contexts (a planner, how to authenticate to it, which CA to
 * trust) and the one in use, as kubectl's kubeconfig has them. Tokens are never stored here, only the path
 * of a file that holds one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GcmConfig(String apiVersion, String kind, @JsonProperty("current-context") String currentContext,
                        List<Context> contexts) {

    /** One planner and how to talk to it; any field may be left out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(String name, String planner, @JsonProperty("token-file") String tokenFile, String cacert,
                          String timeout) {

        /** This context with the given fields replaced (null keeps a field as it is). */
        public Context merge(String newPlanner, String newTokenFile, String newCacert, String newTimeout) {
            return new Context(name, newPlanner != null ? newPlanner : planner,
                    newTokenFile != null ? newTokenFile : tokenFile, newCacert != null ? newCacert : cacert,
                    newTimeout != null ? newTimeout : timeout);
        }
    }

    public static final GcmConfig EMPTY = new GcmConfig("gcm/v1", "Config", null, List.of());

    public GcmConfig {
        apiVersion = apiVersion == null ? "gcm/v1" : apiVersion;
        kind = kind == null ? "Config" : kind;
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
    }

    public Optional<Context> context(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return contexts.stream().map(Context::name).toList();
    }

    /** With the context added, or replacing the one of the same name (in its place). */
    public GcmConfig with(Context context) {
        List<Context> all = new ArrayList<>(contexts);
        int at = names().indexOf(context.name());
        if (at >= 0) {
            all.set(at, context);
        } else {
            all.add(context);
        }
        return new GcmConfig(apiVersion, kind, currentContext, all);
    }

    public GcmConfig without(String name) {
        List<Context> all = new ArrayList<>(contexts);
        all.removeIf(c -> c.name().equals(name));
        return new GcmConfig(apiVersion, kind, name.equals(currentContext) ? null : currentContext, all);
    }

    public GcmConfig using(String name) {
        return new GcmConfig(apiVersion, kind, name, contexts);
    }
}
