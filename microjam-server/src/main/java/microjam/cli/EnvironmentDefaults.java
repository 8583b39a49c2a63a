// Every option of `serve`, `import` and `research` can be set by an environment variable, named by one rule
// instead of in each option: MICROJAM_ and the option's long name in capitals, dashes as underscores
// (--robojam-budget: MICROJAM_ROBOJAM_BUDGET); --database is MICROJAM_DATABASE_URL, the name deployments
// use. An option on the command line wins over the environment, the environment over the option's default.
package microjam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String RULE = "Every option can also be set by an environment variable: MICROJAM_ and the option's name in capitals,"
            + " dashes as underscores (--robojam-budget: MICROJAM_ROBOJAM_BUDGET; --database: MICROJAM_DATABASE_URL).";
    private static final Map<String, String> RENAMED = Map.of("--database", "MICROJAM_DATABASE_URL");

    private final UnaryOperator<String> environment;

    /** Reads this process's environment (what picocli makes for @Command(defaultValueProvider = …)). */
    EnvironmentDefaults() {
        this(System::getenv);
    }

    EnvironmentDefaults(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** The variable that sets an option, by the rule above. */
    static String variable(String longestName) {
        return RENAMED.getOrDefault(longestName, "MICROJAM_" + longestName.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT));
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) return null;
        return environment.apply(variable(option.longestName()));
    }
}
