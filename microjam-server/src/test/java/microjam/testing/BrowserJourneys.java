// Prints, at the end of a test run, how many browser tests ran in each engine and how they ended, so that
// a run where WebKit (or Chromium) was missing and its journeys were skipped says so in one line.
// Registered for the JUnit launcher in META-INF/services; counts the tests of classes parameterized by Browser.Kind.
package microjam.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

public final class BrowserJourneys implements TestExecutionListener {
    private record Tally(int passed, int failed, int skipped) {
        Tally plus(int p, int f, int s) {
            return new Tally(passed + p, failed + f, skipped + s);
        }
    }

    private final Map<Browser.Kind, Tally> tallies = new EnumMap<>(Browser.Kind.class);
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) kind(test).ifPresent(k -> tallies.merge(k, new Tally(0, 0, 1), (a, b) -> a.plus(0, 0, 1)));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) return;
        int passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? 1 : 0;
        int failed = result.getStatus() == TestExecutionResult.Status.FAILED ? 1 : 0;
        int skipped = result.getStatus() == TestExecutionResult.Status.ABORTED ? 1 : 0; // an assumption: the engine is missing
        kind(test).ifPresent(k -> tallies.merge(k, new Tally(passed, failed, skipped), (a, b) -> a.plus(passed, failed, skipped)));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (tallies.isEmpty()) return;
        StringBuilder line = new StringBuilder("browser tests per engine:");
        tallies.forEach((kind, t) -> line.append(String.format(" %s %d run, %d passed, %d failed, %d skipped;",
                kind, t.passed() + t.failed(), t.passed(), t.failed(), t.skipped())));
        System.out.println(line);
    }

    // The engine named by the test's class invocation ("[2] kind = WEBKIT"), if any.
    private Optional<Browser.Kind> kind(TestIdentifier test) {
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan == null ? Optional.empty() : plan.getParent(at.get()))
            for (Browser.Kind kind : Browser.Kind.values())
                if (at.get().getDisplayName().contains("kind = " + kind) || at.get().getDisplayName().contains("kind=" + kind)) return Optional.of(kind);
        return Optional.empty();
    }
}
