// Finds the RoboJam model to use: the file given, else the shipped default if this build has one.
package microjam.cli;

import microjam.robojam.Model;
import microjam.robojam.ModelFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

final class Models {
    static final String SHIPPED = "/robojam/default.model";

    private Models() {
    }

    static Model load(Path file) {
        if (file != null) return ModelFile.read(file);
        Model shipped = shipped();
        if (shipped == null) throw new IllegalStateException("no RoboJam model: give one with --model FILE (none is shipped in this build)");
        return shipped;
    }

    /** The model shipped inside the jar, or null when this build has none. */
    static Model shipped() {
        try (InputStream in = Models.class.getResourceAsStream(SHIPPED)) {
            return in == null ? null : ModelFile.decode(in.readAllBytes(), "shipped model");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped model: " + e.getMessage(), e);
        }
    }
}
