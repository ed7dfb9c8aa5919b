package dev.gcm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void onATerminalOneLineIsRewrittenAtMostTenTimesASecondAndWipedAtTheEnd() {
        Progress p = new Progress(new PrintWriter(err), true, nanos::get);
        p.at("Reading f.json", 10, 100, "1 host");
        p.at("Reading f.json", 20, 100, "2 hosts"); // within 100 ms: not shown
        nanos.addAndGet(150_000_000L);
        p.at("Reading f.json", 99, 100, "10 hosts");
        p.step("Computing");
        p.done();
        String text = err.toString();
        assertThat(text).isEqualTo("\rReading f.json: 10% (1 host)" + "\rReading f.json: 99% (10 hosts)"
                + "\rComputing" + " ".repeat(21) + "\r" + " ".repeat(9) + "\r");
        assertThat(text).doesNotContain("\n");
    }

    @Test
    void askedForWithoutATerminalItWritesALineAtEveryTenthOrEveryTwoSeconds() {
        Progress p = new Progress(new PrintWriter(err), false, nanos::get);
        for (int done = 0; done <= 1000; done += 50) {
            p.at("Loading hosts", done, 1000, done + " of 1,000");
        }
        assertThat(err.toString().lines()).hasSize(11).startsWith("Loading hosts: 0% (0 of 1,000)")
                .endsWith("Loading hosts: 100% (1000 of 1,000)");
        StringWriter unknown = new StringWriter();
        Progress q = new Progress(new PrintWriter(unknown), false, nanos::get);
        q.at("Reading standard input", 1, -1, "1 host");
        q.at("Reading standard input", 2, -1, "2 hosts");
        nanos.addAndGet(2_000_000_000L);
        q.at("Reading standard input", 3, -1, "3 hosts");
        q.done();
        assertThat(unknown.toString()).isEqualTo("Reading standard input: 1 host\nReading standard input: 3 hosts\n");
    }

    @Test
    void noneSaysNothing() {
        Progress.NONE.at("x", 1, 2, "y");
        Progress.NONE.step("z");
        Progress.NONE.done();
        assertThat(Progress.on(new PrintWriter(err), false)).as("stderr of a test is no terminal").isSameAs(Progress.NONE);
    }
}
