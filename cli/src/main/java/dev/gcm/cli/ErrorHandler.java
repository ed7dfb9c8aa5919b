package dev.gcm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gcm.cli.online.PlannerErrorException;
import dev.gcm.cli.online.PlannerUnreachableException;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.UnknownNamesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and the exit code the contract promises: bad usage, bad
 * input and requests the planner refuses give 2, an unreachable planner 3, a failing planner (5xx) 4.
 * Nothing prints a stack trace unless GCM_DEBUG is set.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("gcm: " + parseMessage(ex));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    /** An unknown command is named as one, with the nearest commands; other mistakes in picocli's words. */
    private static String parseMessage(CommandLine.ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String word = u.getUnmatched().get(0);
            List<String> names = new ArrayList<>();
            cmd.getSubcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    names.add(name);
                }
            });
            return "unknown command '" + word + "' for '" + cmd.getCommandSpec().qualifiedName() + "'"
                    + Suggest.hint(word, names);
        }
        return ex.getMessage();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (System.getenv("GCM_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().println("gcm: error: " + describe(ex));
        cmd.getErr().flush();
        return exitCode(ex);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof PlannerUnreachableException) {
            return ExitCodes.UNREACHABLE;
        }
        if (ex instanceof PlannerErrorException e && e.status() >= 500) {
            return ExitCodes.PLANNER_ERROR;
        }
        return ExitCodes.USAGE;
    }

    static String describe(Throwable ex) {
        if (ex instanceof PlannerErrorException e) {
            return e.getMessage() + " (" + e.code() + ", HTTP " + e.status() + ")"
                    + (e.status() >= 500 ? "; the planner failed: try again, or tell its operator" : "");
        }
        if (ex instanceof UnknownNamesException e && "CPU model".equals(e.what()) && !e.getMessage().contains("did you mean")
                && e.names().size() == 1) {
            String name = e.names().get(0);
            return "unknown CPU model " + name + Suggest.hint(Suggest.models(Catalog.load(), name))
                    + "; gcm models lists them";
        }
        if (ex instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (ex instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (ex instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (ex instanceof JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String message = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*", "")
                    .replaceAll("\\s+", " ").strip();
            return "malformed JSON" + where + ": " + message;
        }
        if (ex instanceof IOException e) {
            return e.getMessage();
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
