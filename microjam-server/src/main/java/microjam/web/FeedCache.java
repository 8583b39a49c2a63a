// Feed pages as sent, kept until the next write: World is read far more often than anyone publishes.
// An entry is only used while what it was rendered under still holds: this process's write count (its own
// publications, deletions and renames show at once) and, where several servers share the database, the changes
// the ChangeWatch last saw (another server's show within its poll, 200 ms).
// Only first pages are kept (the World, per instrument and view): the pages many readers ask for. A
// page after a cursor, or one performer's page, is read by few and its key would come from the
// client, so it is never cached; what is kept is bounded by bytes, and the cache by its key space.
package microjam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import microjam.store.Database;
import microjam.store.FeedQuery;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

final class FeedCache {
    /** At most 10 instrument filters x 2 views x 100 page sizes can be kept; their bytes are bounded here. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    /** What a page was rendered under: this process's writes, and the others' changes last seen (null: sole writer). */
    private record Version(long writes, Database.Changes others) {}

    private record Page(Version version, ETags.Tagged rendered) {}

    private final Database database;
    private final ChangeWatch changes;
    private final Cache<FeedQuery, Page> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((FeedQuery query, Page page) -> 128 + page.rendered().body().length)
            .build();

    FeedCache(Database database, ChangeWatch changes) {
        this.database = database;
        this.changes = changes;
    }

    /** The page for this query: from the cache when nothing was written since, else rendered now. */
    ETags.Tagged page(FeedQuery query, Supplier<String> render) {
        if (!isFirstPage(query)) return tagged(render.get());
        Version before = new Version(database.writeCount(), changes.seen()); // read before rendering: a change meanwhile makes it stale
        Page cached = pages.getIfPresent(query);
        if (cached != null && cached.version().equals(before)) return cached.rendered();
        ETags.Tagged rendered = tagged(render.get());
        pages.put(query, new Page(before, rendered));
        return rendered;
    }

    private static ETags.Tagged tagged(String json) {
        return ETags.Tagged.of(json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isFirstPage(FeedQuery query) {
        return query.before() == null && query.performer() == null;
    }

    /** Pages held now, for tests. */
    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }
}
