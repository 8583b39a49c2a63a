// How RoboJam samples: the mixture temperature, the spread temperature, the seed, and how many
// candidate answers it draws to keep the one whose style is nearest the call's (1: the first draw).
package microjam.robojam;

import microjam.performance.InvalidValue;

public record Settings(double temperature, double sigmaTemperature, long seed, int candidates) {
    public static final double DEFAULT_TEMPERATURE = 1.5, DEFAULT_SIGMA_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 10, MAX_SIGMA_TEMPERATURE = 10;
    public static final int MAX_CANDIDATES = 64;

    public Settings {
        if (!Double.isFinite(temperature) || temperature < 0 || temperature > MAX_TEMPERATURE)
            throw new InvalidValue("temperature", "temperature must be between 0 and " + MAX_TEMPERATURE + " (was " + temperature + ")");
        if (!Double.isFinite(sigmaTemperature) || sigmaTemperature < 0 || sigmaTemperature > MAX_SIGMA_TEMPERATURE)
            throw new InvalidValue("sigmaTemperature", "sigmaTemperature must be between 0 and " + MAX_SIGMA_TEMPERATURE + " (was " + sigmaTemperature + ")");
        if (candidates < 1 || candidates > MAX_CANDIDATES)
            throw new InvalidValue("candidates", "candidates must be between 1 and " + MAX_CANDIDATES + " (was " + candidates + ")");
    }

    /** One draw. */
    public Settings(double temperature, double sigmaTemperature, long seed) {
        this(temperature, sigmaTemperature, seed, 1);
    }

    /** The settings of candidate k: its own seed, one draw. */
    Settings candidate(int k) {
        return new Settings(temperature, sigmaTemperature, k == 0 ? seed : seed + 0x9E3779B97F4A7C15L * k, 1);
    }

    public static Settings defaults(long seed) {
        return defaults(seed, 1);
    }

    /** The original's temperatures, drawing this many candidates. */
    public static Settings defaults(long seed, int candidates) {
        return new Settings(DEFAULT_TEMPERATURE, DEFAULT_SIGMA_TEMPERATURE, seed, candidates);
    }
}
