// Lets tests in other packages run the command line as `microjam ARGS` and read its exit code or what it printed.
package microjam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

public final class MainAccess {
    private MainAccess() {
    }

    public static int run(String... args) {
        return Main.commandLine().execute(args);
    }

    /** What `microjam ARGS` prints on standard output (help, usage). */
    public static String output(String... args) {
        StringWriter out = new StringWriter();
        Main.commandLine().setOut(new PrintWriter(out, true)).execute(args);
        return out.toString();
    }
}
