package dev.gcm.demo;

import picocli.CommandLine;

/** Entry point of {@code gcm-demo.jar} (the {@code gcm} launcher runs it for {@code gcm demo}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
        // a clean stop (Ctrl-C) ends through the shutdown hook; nothing else to do
    }

    public static CommandLine commandLine() {
        return dev.gcm.cli.Main.configure(new CommandLine(new DemoCommand()));
    }
}
