// A dataset of public performances for researchers: one microjam CSV per performance and a metadata
// table (instrument, date to the day, reply structure, performer). Performances and performers get
// numbers that are random per export, so two exports cannot be joined; deleted performances are
// gone from the database and so never exported.
package microjam.research;

import microjam.performance.Performance;
import microjam.performance.TouchCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class ResearchExport {
    private ResearchExport() {
    }

    public static int write(List<Performance> performances, Path dir, Runnable onStep) {
        SecureRandom random = new SecureRandom();
        Map<UUID, String> performanceIds = pseudonyms(performances.stream().map(Performance::id).toList(), "perf-", random);
        Map<UUID, String> performerIds = pseudonyms(performances.stream().map(Performance::performerId).distinct().toList(), "performer-", random);
        StringBuilder metadata = new StringBuilder("file,performance,performer,instrument,date,reply_to,touches,duration\n");
        try {
            Files.createDirectories(dir.resolve("performances"));
            List<Performance> shuffled = new ArrayList<>(performances);
            Collections.shuffle(shuffled, random); // the order of rows says nothing about who played when
            for (Performance p : shuffled) {
                String id = performanceIds.get(p.id());
                Files.writeString(dir.resolve("performances").resolve(id + ".csv"), TouchCsv.write(p.touches()));
                metadata.append(String.join(",", "performances/" + id + ".csv", id, performerIds.get(p.performerId()), p.instrument().wireName(),
                        p.createdAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                        p.replyTo() == null || !performanceIds.containsKey(p.replyTo()) ? "" : performanceIds.get(p.replyTo()),
                        String.valueOf(p.touches().size()), String.format(java.util.Locale.ROOT, "%.3f", p.touches().duration()))).append('\n');
                onStep.run();
            }
            Files.writeString(dir.resolve("metadata.csv"), metadata);
            Files.writeString(dir.resolve("README.txt"), """
                    MicroJam research export: public performances only, deleted ones are never included.
                    performances/*.csv: microjam CSV (time,x,y,z,moving). metadata.csv: one row per performance;
                    performance and performer numbers are random for this export, dates are to the day (UTC).
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export in " + dir, e);
        }
        return performances.size();
    }

    private static Map<UUID, String> pseudonyms(List<UUID> ids, String prefix, SecureRandom random) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) numbers.add(i + 1);
        Collections.shuffle(numbers, random);
        Map<UUID, String> names = new HashMap<>();
        int width = String.valueOf(ids.size()).length();
        for (int i = 0; i < ids.size(); i++) names.put(ids.get(i), prefix + String.format("%0" + width + "d", numbers.get(i)) + "-" + Integer.toHexString(random.nextInt(1 << 16)));
        return names;
    }
}
