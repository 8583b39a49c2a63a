// Rendered performance pictures, cached by id; a deleted performance's picture is evicted at once.
package microjam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import microjam.performance.Performance;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

final class Pictures {
    private final Cache<UUID, byte[]> cache = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((UUID id, byte[] png) -> png.length)
            .build();

    /** The picture of this performance; the performance is only loaded (and drawn) when it is not cached. */
    byte[] of(UUID id, Supplier<Performance> load) {
        return cache.get(id, key -> PerformancePicture.png(load.get()));
    }

    void forget(UUID id) {
        cache.invalidate(id);
    }

    void forgetAll(Collection<UUID> ids) {
        cache.invalidateAll(ids);
    }
}
