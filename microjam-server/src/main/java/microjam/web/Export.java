// A performer's whole data as one ZIP: profile.json, avatar.png, one microjam CSV per performance
// and performances.json with their metadata.
package microjam.web;

import microjam.performance.Colour;
import microjam.performance.Performance;
import microjam.performance.Performer;
import microjam.performance.TouchCsv;
import microjam.store.PerformerStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

final class Export {
    /** Every stored fact about the performer: the policy they accepted and when, and the hash the server keeps of their token. */
    record Profile(UUID id, String stageName, String colour, String background, Instant createdAt, String policyVersion, Instant policyAcceptedAt,
                   String tokenSha256) {
    }

    record PerformanceMetadata(UUID id, String file, String instrument, String colour, String background,
                               Instant createdAt, UUID replyTo, int touchCount, double duration) {
    }

    private Export() {
    }

    static byte[] zip(Performer performer, Colour background, PerformerStore.Consent consent, String tokenHash, byte[] avatarPng,
                      List<Performance> performances) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "profile.json", Json.write(new Profile(performer.id(), performer.stageName().value(),
                    performer.colour().hex(), background.hex(), performer.createdAt(), consent.policyVersion(), consent.acceptedAt(), tokenHash)));
            add(zip, "avatar.png", avatarPng);
            List<PerformanceMetadata> metadata = performances.stream().map(p -> new PerformanceMetadata(p.id(),
                    fileName(p), p.instrument().wireName(), p.colour().hex(), p.background().hex(), p.createdAt(),
                    p.replyTo(), p.touches().size(), p.touches().duration())).toList();
            add(zip, "performances.json", Json.write(metadata));
            for (Performance p : performances)
                add(zip, fileName(p), TouchCsv.write(p.touches()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String fileName(Performance p) {
        return "performances/" + p.id() + ".csv";
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
