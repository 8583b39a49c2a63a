// The touches of one performance, in time order, within the limits every performance obeys.
package microjam.performance;

import java.util.List;

public record Touches(List<Touch> list) {
    /** A performance lasts at most five seconds. */
    public static final double MAX_SECONDS = 5.0;
    /** Recordings stop on a timer, so the last touch may land up to one 10 ms frame late. */
    public static final double TIME_TOLERANCE = 0.01;
    public static final int MAX_TOUCHES = 2000;

    public static final Touches NONE = new Touches(List.of());

    public Touches {
        list = List.copyOf(list);
        if (list.size() > MAX_TOUCHES)
            throw new InvalidValue("touches", "a performance has at most " + MAX_TOUCHES + " touches (had " + list.size() + ")");
        double previous = 0;
        for (int i = 0; i < list.size(); i++) {
            double time = list.get(i).time();
            if (time > MAX_SECONDS + TIME_TOLERANCE)
                throw new InvalidValue("touches", "touch " + (i + 1) + " is at " + time + " s, after the " + MAX_SECONDS + " s limit");
            if (time < previous)
                throw new InvalidValue("touches", "touch " + (i + 1) + " is earlier than the touch before it (times must not decrease)");
            previous = time;
        }
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public Touch get(int index) {
        return list.get(index);
    }

    /** Seconds from the first touch to the last; 0 for no touches. */
    public double duration() {
        return list.isEmpty() ? 0 : list.getLast().time() - list.getFirst().time();
    }
}
