// This process's resident set size, as Linux reports it, for /metrics: heap figures alone miss
// direct buffers, metaspace, thread stacks and SQLite's own memory.
package microjam.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    static double bytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is not mounted
        }
        return Double.NaN;
    }
}
