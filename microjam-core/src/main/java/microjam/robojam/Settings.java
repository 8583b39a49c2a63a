// How RoboJam samples: the mixture temperature, the spread temperature and the seed.
package microjam.robojam;

import microjam.performance.InvalidValue;

public record Settings(double temperature, double sigmaTemperature, long seed) {
    public static final double DEFAULT_TEMPERATURE = 1.5, DEFAULT_SIGMA_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 10, MAX_SIGMA_TEMPERATURE = 10;

    public Settings {
        if (!Double.isFinite(temperature) || temperature < 0 || temperature > MAX_TEMPERATURE)
            throw new InvalidValue("temperature", "temperature must be between 0 and " + MAX_TEMPERATURE + " (was " + temperature + ")");
        if (!Double.isFinite(sigmaTemperature) || sigmaTemperature < 0 || sigmaTemperature > MAX_SIGMA_TEMPERATURE)
            throw new InvalidValue("sigmaTemperature", "sigmaTemperature must be between 0 and " + MAX_SIGMA_TEMPERATURE + " (was " + sigmaTemperature + ")");
    }

    public static Settings defaults(long seed) {
        return new Settings(DEFAULT_TEMPERATURE, DEFAULT_SIGMA_TEMPERATURE, seed);
    }
}
