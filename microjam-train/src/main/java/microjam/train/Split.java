// Training and validation are split by session, never by window, so no performance leaks into both;
// the split is fixed by a seed and recorded in the model's metadata.
package microjam.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

public record Split(List<Session> training, List<Session> validation, long seed) {
    public static Split of(List<Session> sessions, double validationFraction, long seed) {
        if (sessions.size() < 2) throw new IllegalArgumentException("need at least two sessions to split (have " + sessions.size() + ")");
        List<Session> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new Random(seed));
        int validation = Math.max(1, (int) Math.round(shuffled.size() * validationFraction));
        return new Split(List.copyOf(shuffled.subList(validation, shuffled.size())), List.copyOf(shuffled.subList(0, validation)), seed);
    }

    public List<String> validationIds() {
        return validation.stream().map(Session::id).sorted().toList();
    }
}
