// Rendered performance pictures, cached by id (only performances that exist are drawn, so keys are
// never made up by clients); bounded by bytes; a deleted performance's picture is evicted at once, and by
// every other server sharing the database within a second (ChangeWatch).
package microjam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import microjam.performance.Performance;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

final class Pictures {
    /** A picture is 5-20 KB: this keeps the most-played thousand or so. Caffeine admits by frequency, so one-off requests do not push them out. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Cache<UUID, ETags.Tagged> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((UUID id, ETags.Tagged png) -> png.body().length)
            .build();
    private final ChangeWatch changes;

    Pictures(ChangeWatch changes) {
        this.changes = changes;
        changes.onDeletion(cache::invalidateAll);
    }

    /** The picture of this performance, with its ETag; the performance is only loaded (and drawn) when it is not cached. */
    ETags.Tagged of(UUID id, Supplier<Performance> load) {
        ETags.Tagged cached = cache.getIfPresent(id);
        if (cached != null) return cached;
        var before = changes.seen();
        ETags.Tagged png = ETags.Tagged.of(PerformancePicture.png(load.get()));
        changes.putIfNoDeletionSince(before, () -> cache.put(id, png));
        return png;
    }

    void forget(UUID id) {
        cache.invalidate(id);
    }

    void forgetAll(Collection<UUID> ids) {
        cache.invalidateAll(ids);
    }
}
