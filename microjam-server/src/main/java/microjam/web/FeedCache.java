// Feed pages as sent, kept until the next write: World is read far more often than anyone publishes.
// An entry is only used while the database's write count is what it was when the page was read, so
// a publication, a deletion or a renamed performer shows at once. Only where this process is the
// database's sole writer (the embedded SQLite file); with a shared PostgreSQL every read goes through.
package microjam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import microjam.store.Database;

import java.util.function.Supplier;

final class FeedCache {
    private record Page(long writeCount, String json) {}

    private final Database database;
    private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(2_000).build();

    FeedCache(Database database) {
        this.database = database;
    }

    /** The page for this query: from the cache when nothing was written since, else rendered now. */
    String page(String query, Supplier<String> render) {
        if (!database.soleWriter()) return render.get();
        long writesBefore = database.writeCount();
        Page cached = pages.getIfPresent(query);
        if (cached != null && cached.writeCount() == writesBefore) return cached.json();
        String json = render.get();
        pages.put(query, new Page(writesBefore, json));
        return json;
    }
}
