// UUID version 7 ids (RFC 9562): a millisecond timestamp, then a counter, then random bits, so ids
// sort by creation time as strings and as numbers, across engines, without a database sequence.
package microjam.store;

import java.security.SecureRandom;
import java.util.UUID;

public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private TimeOrderedIds() {
    }

    public static synchronized UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = RANDOM.nextInt(1 << 10); // room to count up within the millisecond
        } else if (++counter >= 1 << 12) {
            lastMillis++; // more than 4096 ids in a millisecond: borrow from the next one, keeping order
            counter = 0;
        }
        long high = (lastMillis << 16) | (0x7L << 12) | counter;
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** Reads an id from a URL or request, or null when it is not a canonical UUID. */
    public static UUID parseOrNull(String text) {
        if (text == null || text.length() != 36 || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"))
            return null;
        return UUID.fromString(text);
    }
}
