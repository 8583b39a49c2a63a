// Feed pages as sent, kept until the next write: World is read far more often than anyone publishes.
// An entry is only used while the database's write count is what it was when the page was read, so
// a publication, a deletion or a renamed performer shows at once. Only where this process is the
// database's sole writer (the embedded SQLite file); with a shared PostgreSQL every read goes through.
// Only first pages are kept (the World, per instrument and view): the pages many readers ask for. A
// page after a cursor, or one performer's page, is read by few and its key would come from the
// client, so it is never cached; what is kept is bounded by bytes, and the cache by its key space.
package microjam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import microjam.store.Database;
import microjam.store.FeedQuery;

import java.util.function.Supplier;

final class FeedCache {
    /** At most 10 instrument filters x 2 views x 100 page sizes can be kept; their bytes are bounded here. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private record Page(long writeCount, String json) {}

    private final Database database;
    private final Cache<FeedQuery, Page> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((FeedQuery query, Page page) -> 64 + 2 * page.json().length())
            .build();

    FeedCache(Database database) {
        this.database = database;
    }

    /** The page for this query: from the cache when nothing was written since, else rendered now. */
    String page(FeedQuery query, Supplier<String> render) {
        if (!database.soleWriter() || !isFirstPage(query)) return render.get();
        long writesBefore = database.writeCount();
        Page cached = pages.getIfPresent(query);
        if (cached != null && cached.writeCount() == writesBefore) return cached.json();
        String json = render.get();
        pages.put(query, new Page(writesBefore, json));
        return json;
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
