// A dataset of public performances for researchers: one microjam CSV per performance, a metadata table
// (instrument, date to the day, reply structure, performer) and a features table (exact doubles), a row
// per performance each. Performances and performers get numbers that are random per export, so two
// exports cannot be joined; deleted performances are gone from the database and so never exported.
// Per-performance by nature, an export is for researchers, never to publish (the published report is
// Report, under Disclosure's rules); a copy cannot be recalled, and its README.txt says what that asks.
package microjam.research;

import microjam.performance.Features;
import microjam.performance.Performance;
import microjam.performance.TouchCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class ResearchExport {
    static final String README = """
            MicroJam research export, made %s (UTC): the public performances of that day. Deleted ones are not in it.
            performances/*.csv: microjam CSV (time,x,y,z,moving), one file per performance.
            metadata.csv: one row per performance: file, performance and performer numbers (random for this
              export: two exports cannot be joined), instrument, date to the day (UTC), the performance it
              replies to, touches, duration in seconds.
            features.csv: one row per performance, the features the research report uses; every number is
              the exact double (it parses back to the same value).

            This copy cannot be recalled. People may delete their performances or their account at any time,
            and such performances then stay only in copies like this one. So: keep it for your analysis only,
            share it with no one, publish no row of it and nothing about fewer than %d performances or from
            fewer than %d performers; make a new export for each new analysis and delete this one when done.
            """;

    private ResearchExport() {
    }

    public static int write(List<Performance> performances, Path dir, Runnable onStep) {
        SecureRandom random = new SecureRandom();
        Map<UUID, String> performanceIds = pseudonyms(performances.stream().map(Performance::id).toList(), "perf-", random);
        Map<UUID, String> performerIds = pseudonyms(performances.stream().map(Performance::performerId).distinct().toList(), "performer-", random);
        StringBuilder metadata = new StringBuilder("file,performance,performer,instrument,date,reply_to,touches,duration\n");
        StringBuilder features = new StringBuilder("performance," + String.join(",", Features.NAMES) + "\n");
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
                        String.valueOf(p.touches().size()), String.valueOf(p.touches().duration()))).append('\n');
                features.append(id);
                for (double v : Features.of(p.touches()).values()) features.append(',').append(v);
                features.append('\n');
                onStep.run();
            }
            Files.writeString(dir.resolve("metadata.csv"), metadata);
            Files.writeString(dir.resolve("features.csv"), features);
            Files.writeString(dir.resolve("README.txt"), README.formatted(LocalDate.now(ZoneOffset.UTC), Disclosure.MIN_PERFORMANCES, Disclosure.MIN_PERFORMERS));
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
