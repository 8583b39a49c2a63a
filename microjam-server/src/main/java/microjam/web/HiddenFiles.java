// No file or directory whose name starts with "." is ever served (.git, .env, editor and OS leftovers in
// the research report's directory, on the class path or anywhere a static directory is mounted later),
// however its name is encoded: a before-handler answers 404 for any path with such a segment, as if it
// were not there. No route of ours has one, and "." and ".." segments go the same way.
package microjam.web;

import io.javalin.http.Context;
import org.eclipse.jetty.util.URIUtil;

final class HiddenFiles {
    private HiddenFiles() {
    }

    static void refuse(Context ctx) {
        if (hidden(ctx.req().getRequestURI())) throw ApiError.noSuchRoute();
    }

    /** Whether a raw request path names a dotfile or goes through a dot-directory, once percent-decoded. */
    static boolean hidden(String rawPath) {
        String path;
        try {
            path = URIUtil.decodePath(rawPath);
        } catch (RuntimeException badEncoding) {
            return true; // Jetty refuses these first; if one got here, serve nothing for it
        }
        for (String segment : path.split("/"))
            if (segment.startsWith(".")) return true;
        return false;
    }
}
