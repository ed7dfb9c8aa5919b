package dev.gcm.cli.offline;

import dev.gcm.cli.output.Table;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Prints a table with or without its header line. */
final class Tables {

    private Tables() {
    }

    static void print(Table table, PrintWriter out, boolean noHeaders) {
        if (!noHeaders) {
            table.print(out);
            return;
        }
        StringWriter buffer = new StringWriter();
        table.print(new PrintWriter(buffer));
        String text = buffer.toString();
        out.print(text.substring(text.indexOf('\n') + 1));
        out.flush();
    }
}
