package dev.gcm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

    private static final List<String> COMMANDS = List.of("models", "features", "hosts", "pools", "show", "check");

    @Test
    void aTypoFindsTheCommand() {
        assertThat(Suggest.similar("hots", COMMANDS)).containsExactly("hosts");
        assertThat(Suggest.similar("chekc", COMMANDS)).containsExactly("check");
        assertThat(Suggest.similar("xyzzy", COMMANDS)).isEmpty();
    }

    @Test
    void modelsAreFoundInAnyCaseByPrefixAndByGeneration() {
        Catalog catalog = Catalog.load();
        assertThat(Suggest.models(catalog, "Z14")).containsExactly("z14");
        assertThat(Suggest.models(catalog, "gen16")).containsExactly("gen16a", "gen16b");
        assertThat(Suggest.models(catalog, "z16")).containsExactly("gen16a", "gen16b");
        assertThat(Suggest.models(catalog, "Z14-base")).containsExactly("z14-base");
        assertThat(Suggest.models(catalog, "nothing-like-it")).isEmpty();
    }

    @Test
    void theHintReadsAsASentence() {
        assertThat(Suggest.hint(List.of())).isEmpty();
        assertThat(Suggest.hint(List.of("a"))).isEqualTo(" (did you mean 'a'?)");
        assertThat(Suggest.hint(List.of("a", "b", "c"))).isEqualTo(" (did you mean 'a', 'b' or 'c'?)");
    }
}
