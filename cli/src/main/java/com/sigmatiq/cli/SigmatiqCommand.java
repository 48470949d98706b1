package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarFileException;
import com.sigmatiq.engine.pack.PackValidationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sigmatiq}: indicators, backtests, sweeps, training datasets and trained models on local CSV files, without any
 * server.
 */
@Command(name = "sigmatiq", mixinStandardHelpOptions = true, version = "sigmatiq 0.1.0",
        description = "Runs the Sigmatiq engine on local CSV files.",
        subcommands = {IndicatorsCommand.class, BacktestCommand.class, SweepCommand.class, DatasetCommand.class,
                TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class SigmatiqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; errors a user can act on are printed as one message, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SigmatiqCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof BarFileException || e instanceof PackValidationException || e instanceof IllegalArgumentException
                    || e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
                err.println("error: " + e.getMessage());
                err.flush();
                return 2;
            }
            throw e;
        });
        return cl;
    }
}
