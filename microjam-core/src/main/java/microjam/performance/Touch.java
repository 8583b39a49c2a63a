// One touch event of a performance: seconds since the first touch, position in the unit square,
// touch size (z) and whether it continues a swipe (moving) or starts one (a tap / touch-down).
package microjam.performance;

public record Touch(double time, double x, double y, double z, boolean moving) {
    /**
     * The largest touch size. The original app stored the touch radius in points (typically 20-60); a
     * bound keeps every stored row within the CSV reader's limits (2,000 touches at this size write
     * about 90 KB, under TouchCsv.MAX_BYTES), so nothing is stored that cannot be read back.
     */
    public static final double MAX_Z = 1000;

    public Touch {
        time = requireFinite("time", time);
        x = requireFinite("x", x);
        y = requireFinite("y", y);
        z = requireFinite("z", z);
        if (time < 0) throw new InvalidValue("time", "time must be at least 0 (was " + time + ")");
        if (x < 0 || x > 1) throw new InvalidValue("x", "x must be between 0 and 1 (was " + x + ")");
        if (y < 0 || y > 1) throw new InvalidValue("y", "y must be between 0 and 1 (was " + y + ")");
        if (z < 0 || z > MAX_Z) throw new InvalidValue("z", "z (the touch size) must be between 0 and " + (int) MAX_Z + " (was " + z + ")");
    }

    // Negative zero would print as "-0.000000" and break exact round trips, so it becomes 0.
    private static double requireFinite(String field, double value) {
        if (!Double.isFinite(value)) throw new InvalidValue(field, field + " must be a finite number (was " + value + ")");
        return value == 0.0 ? 0.0 : value;
    }

    public int movingFlag() {
        return moving ? 1 : 0;
    }
}
