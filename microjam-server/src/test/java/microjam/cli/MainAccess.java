// Lets tests in other packages run the command line as `microjam ARGS` and read its exit code.
package microjam.cli;

public final class MainAccess {
    private MainAccess() {
    }

    public static int run(String... args) {
        return Main.commandLine().execute(args);
    }
}
