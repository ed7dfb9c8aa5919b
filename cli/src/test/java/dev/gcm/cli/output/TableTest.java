package dev.gcm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static List<String> print(Table t, boolean headers, int width) {
        StringWriter s = new StringWriter();
        t.print(new PrintWriter(s), headers, width);
        return s.toString().lines().toList();
    }

    @Test
    void columnsArePaddedToTheWidestCell() {
        Table t = new Table("A", "BB", "C").row("xxxx", "y", "z").row("x", "yyy", "zz");
        assertThat(print(t, true, Integer.MAX_VALUE)).containsExactly("A     BB   C", "xxxx  y    z", "x     yyy  zz");
        assertThat(print(t, false, Integer.MAX_VALUE)).containsExactly("xxxx  y    z", "x     yyy  zz");
    }

    @Test
    void aNarrowTerminalWrapsTheWidestColumnAndCutsNothing() {
        String reason = "the guest's model gen15a is newer than host 'lpar-03' (z13s), which lacks vxeh2, nnpa, dflt";
        Table t = new Table("REASON", "MESSAGE").row("MODEL_TOO_NEW", reason);
        List<String> lines = print(t, true, 80);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines.get(1)).startsWith("MODEL_TOO_NEW  the guest's model");
        assertThat(lines.get(2)).startsWith(" ".repeat("MODEL_TOO_NEW  ".length()));
        String joined = String.join(" ", lines.subList(1, lines.size()).stream()
                .map(l -> l.substring("MODEL_TOO_NEW  ".length()).strip()).toList());
        assertThat(joined).isEqualTo(reason);
        assertThat(String.join("\n", lines)).doesNotContain("~");
    }

    @Test
    void aWordLongerThanItsColumnIsBrokenNotCut() {
        Table t = new Table("HOST", "FEATURES").row("h1", "a".repeat(100));
        List<String> lines = print(t, true, 40);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        assertThat(lines.stream().skip(1).mapToInt(l -> l.replace("h1", "").strip().length()).sum()).isEqualTo(100);
    }

    @Test
    void listsBreakAfterTheirCommas() {
        assertThat(Wrap.lines("te, cte, vxeh2, nnpa", 9)).containsExactly("te, cte,", "vxeh2,", "nnpa");
        assertThat(Wrap.lines("short", 9)).containsExactly("short");
    }

    @Test
    void theFirstColumnIsNeverCut() {
        Table t = new Table("HOST", "A", "B").row("a-rather-long-host-name", "x".repeat(30), "y".repeat(30));
        List<String> lines = print(t, true, 60);
        assertThat(lines.get(1)).startsWith("a-rather-long-host-name  ");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    }

    @Test
    void colouredCellsArePaddedByWhatShows() {
        Terminal colour = new Terminal(true, Integer.MAX_VALUE);
        Table t = new Table("STATE", "HOST").row(colour.green("fresh"), "h1").row("stale", "h2");
        List<String> lines = print(t, true, Integer.MAX_VALUE);
        assertThat(lines.get(1)).isEqualTo("\u001b[32mfresh\u001b[0m  h1");
        assertThat(Terminal.visibleLength(lines.get(1))).isEqualTo(lines.get(2).length());
        assertThat(Terminal.PLAIN.red("x")).isEqualTo("x");
    }
}
