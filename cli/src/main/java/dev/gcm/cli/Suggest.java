package dev.gcm.cli;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the known names nearest to a mistyped one (commands, hosts, pools, CPU models). The same
 * name in another case wins outright ({@code Z14} is z14); then names that begin with it ({@code gen16} is
 * gen16a or gen16b); then names at most two edits away ({@code hots} is hosts).
 */
public final class Suggest {

    private static final int MOST = 3;

    private Suggest() {
    }

    /** Up to three known names near {@code wanted}, nearest first; empty when none is near. */
    public static List<String> similar(String wanted, Collection<String> known) {
        String w = wanted.toLowerCase(Locale.ROOT);
        for (String k : known) {
            if (k.toLowerCase(Locale.ROOT).equals(w)) {
                return List.of(k);
            }
        }
        List<String> prefixed = known.stream().filter(k -> w.length() >= 2 && k.toLowerCase(Locale.ROOT).startsWith(w))
                .sorted().limit(MOST).toList();
        if (!prefixed.isEmpty()) {
            return prefixed;
        }
        int limit = Math.min(2, Math.max(1, w.length() / 3));
        List<String> near = new ArrayList<>();
        for (String k : known) {
            if (distance(w, k.toLowerCase(Locale.ROOT)) <= limit) {
                near.add(k);
            }
        }
        near.sort(Comparator.comparingInt((String k) -> distance(w, k.toLowerCase(Locale.ROOT))).thenComparing(k -> k));
        return near.subList(0, Math.min(MOST, near.size()));
    }

    /** CPU models: QEMU names the machines after z14 by generation, so z15 is gen15a or gen15b. */
    public static List<String> models(Catalog catalog, String wanted) {
        boolean base = wanted.toLowerCase(Locale.ROOT).endsWith("-base");
        String name = base ? wanted.substring(0, wanted.length() - 5) : wanted;
        String suffix = base ? "-base" : "";
        List<String> names = catalog.definitions().stream().map(CpuDefinition::name).toList();
        String byGeneration = name.toLowerCase(Locale.ROOT).matches("z1[5-9][a-z]?") ? "gen" + name.substring(1) : name;
        return similar(byGeneration, names).stream().map(n -> n + suffix).toList();
    }

    /** " (did you mean 'a' or 'b'?)", or "" when nothing is near. */
    public static String hint(String wanted, Collection<String> known) {
        return hint(similar(wanted, known));
    }

    public static String hint(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        List<String> quoted = suggestions.stream().map(s -> "'" + s + "'").toList();
        String last = quoted.get(quoted.size() - 1);
        String head = String.join(", ", quoted.subList(0, quoted.size() - 1));
        return " (did you mean " + (head.isEmpty() ? last : head + " or " + last) + "?)";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
