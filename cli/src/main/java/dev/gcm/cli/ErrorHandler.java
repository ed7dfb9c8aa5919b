package dev.gcm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import dev.gcm.cli.online.PlannerErrorException;
import dev.gcm.cli.online.PlannerUnreachableException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and the exit code the contract promises: bad usage and
 * bad input give 2; nothing prints a stack trace unless GCM_DEBUG is set.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("gcm: " + ex.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (System.getenv("GCM_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().println("gcm: error: " + describe(ex));
        return ex instanceof PlannerUnreachableException ? ExitCodes.UNREACHABLE : ExitCodes.USAGE;
    }

    static String describe(Throwable ex) {
        if (ex instanceof PlannerErrorException e) {
            return e.getMessage() + " (" + e.code() + ", HTTP " + e.status() + ")";
        }
        if (ex instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (ex instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
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
