// The microjam command: one picocli class per subcommand; every error is one line and a non-zero exit.
package microjam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "microjam", mixinStandardHelpOptions = true, version = "MicroJam 0.1.0",
        description = "Make tiny music together: the MicroJam server and its tools.",
        subcommands = {ServeCommand.class, ImportCommand.class, RoboJamCommand.class, BenchCommand.class, ResearchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  microjam serve", "  microjam import ../shared/data/microjam --stage-name archive --repair"})
public final class Main implements Runnable {
    /** Exit codes: 0 done, 1 failed (or some input was rejected), 2 bad usage. */
    public static final int FAILED = 1, USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) System.exit(code);
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The whole command line, not yet run: for the launcher (run) and for checks that read commands. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("microjam: " + e.getMessage() + " (see 'microjam " + commandPath(e.getCommandLine()) + "--help')");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("microjam: " + oneLine(e));
            return FAILED;
        });
        return cli;
    }

    private static String commandPath(CommandLine cli) {
        String path = cli.getCommandSpec().qualifiedName(" ");
        return path.equals("microjam") ? "" : path.substring("microjam ".length()) + " ";
    }

    static String oneLine(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) shown = shown.getCause();
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
