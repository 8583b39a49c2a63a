// The research report at /research-report/ is served only while every performance it was built from
// still exists (PublishedReport). Checked when the server starts, before every request for the report,
// and after every deletion this server answers, which withdraws the report (deletes its files) at once.
// The check before each request also catches deletions made through another server on the same database.
package microjam.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import microjam.console.LogLine;
import microjam.research.PublishedReport;
import microjam.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

final class ResearchReportGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ResearchReportGuard.class);
    static final String NO_REPORT = "no current research report: rebuild it with `microjam research compare`";

    private final PublishedReport report;

    /** dir: where the report lives; null when the server shows none. */
    ResearchReportGuard(Path dir, Database database) {
        this.report = dir == null ? null : new PublishedReport(dir, database);
        if (report != null) report.sweep();
    }

    void beforeRequest(Context ctx) {
        if (report == null || !ctx.path().startsWith(PublishedReport.PATH)) return;
        if (!report.current()) {
            WebServer.error(ctx, 404, null, NO_REPORT);
            ctx.skipRemainingHandlers();
        }
    }

    // The deletion itself is done and stays answered as done; should withdrawing fail here, the check before
    // the next request for the report still keeps it from being served.
    void afterRequest(Context ctx) {
        if (report == null || ctx.method() != HandlerType.DELETE || ctx.statusCode() >= 300) return;
        try {
            report.current();
        } catch (RuntimeException e) {
            LOG.warn("event=research_report_withdraw_deferred cause={}", LogLine.value(LogLine.cause(e)));
        }
    }
}
