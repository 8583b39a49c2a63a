// Reads Ensemble Metatone's iPad touch logs (time,device,x_pos,y_pos,velocity): one session per
// device per file, positions normalised by the 1024 × 768 screen and clipped, dt since that device's
// previous touch clipped to [0, 5] s. Device names are dropped as each row is read: a session is named
// by the file and the order in which its device first appeared.
package microjam.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class MetatoneReader {
    static boolean[] flags(List<Boolean> list) {
        boolean[] flags = new boolean[list.size()];
        for (int i = 0; i < flags.length; i++) flags[i] = list.get(i);
        return flags;
    }

    static final double WIDTH = 1024, HEIGHT = 768;

    private MetatoneReader() {
    }

    public static List<Session> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty() || !lines.getFirst().strip().equals("time,device,x_pos,y_pos,velocity"))
            throw new IllegalArgumentException(file.getFileName() + ": not a Metatone touch log (header time,device,x_pos,y_pos,velocity)");
        Map<String, Integer> order = new LinkedHashMap<>();   // device → anonymous number; the name goes no further
        List<List<float[]>> perDevice = new ArrayList<>();
        List<List<Boolean>> moving = new ArrayList<>();
        List<LocalDateTime> previous = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length != 5) continue;
            int device = order.computeIfAbsent(f[1].strip(), d -> {
                perDevice.add(new ArrayList<>());
                moving.add(new ArrayList<>());
                previous.add(null);
                return order.size();
            });
            LocalDateTime time;
            double x, y, velocity;
            try {
                time = LocalDateTime.parse(f[0].strip());
                x = Double.parseDouble(f[2]) / WIDTH;
                y = Double.parseDouble(f[3]) / HEIGHT;
                velocity = Double.parseDouble(f[4]);
            } catch (RuntimeException e) {
                continue; // an unreadable row is skipped, as the original did
            }
            LocalDateTime last = previous.get(device);
            double dt = last == null ? 0 : ChronoUnit.MICROS.between(last, time) / 1e6;
            previous.set(device, time);
            perDevice.get(device).add(new float[]{Session.clip(x, 0, 1), Session.clip(y, 0, 1), Session.clip(dt, 0, Session.MAX_DT)});
            moving.get(device).add(velocity != 0); // velocity 0 marks a touch-down
        }
        List<Session> sessions = new ArrayList<>();
        for (int d = 0; d < perDevice.size(); d++)
            sessions.add(new Session(file.getFileName() + "#" + (d + 1), perDevice.get(d).toArray(float[][]::new), flags(moving.get(d))));
        return sessions;
    }
}
