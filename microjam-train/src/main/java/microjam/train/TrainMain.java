// The training module's entry point: `microjam robojam train|evaluate` (the launcher sends these here,
// with DJL_OFFLINE and OPT_OUT_TRACKING set). Errors are one line and a non-zero exit.
package microjam.train;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "microjam robojam", mixinStandardHelpOptions = true, description = "Train and evaluate RoboJam models.",
        subcommands = {TrainCommand.class, EvaluateCommand.class})
public final class TrainMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (!"true".equals(System.getenv("DJL_OFFLINE")) || !"true".equals(System.getenv("OPT_OUT_TRACKING"))) {
            System.err.println("microjam: training needs DJL_OFFLINE=true and OPT_OUT_TRACKING=true (the ./microjam launcher sets them)");
            System.exit(2);
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TrainMain());
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("microjam: " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parse) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            commandLine.getErr().println("microjam: " + message);
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
