// A performer who never uploads an avatar is shown one drawn from their id: an 8x8 pattern of cells in their
// colour on a dark ground, mirrored left to right. It is part of how people recognise each other, so it must
// be the same picture for an id in every version: the pattern of one id is pinned here.
package microjam.web;

import microjam.performance.Colour;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedAvatarTest {
    static final int GROUND = 0x15151f;
    static final UUID ID = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
    static final Colour COLOUR = new Colour("#336699");

    /** The pattern of ID, a row per line: # is the performer's colour, . the ground. */
    static final String PATTERN = """
            #.#..#.#
            ..#..#..
            ##....##
            ...##...
            ..####..
            ........
            ###..###
            .######.
            """;

    @Test
    void anIdAlwaysGetsTheSameMirroredPatternOfEvenCells() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Avatars.generated(ID, COLOUR)));
        assertThat(image.getWidth()).isEqualTo(Avatars.SIZE);
        assertThat(image.getHeight()).isEqualTo(Avatars.SIZE);
        assertThat(pattern(image, COLOUR)).isEqualTo(PATTERN);
    }

    @Test
    void anotherIdGetsAnotherPatternAndTheColourIsTheirs() throws IOException {
        UUID other = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8058");
        Colour red = new Colour("#cc2200");
        String pattern = pattern(ImageIO.read(new ByteArrayInputStream(Avatars.generated(other, red))), red);
        assertThat(pattern).isNotEqualTo(PATTERN).contains("#").contains(".");
        assertThat(Avatars.generated(other, red)).as("the same id and colour give the same bytes").isEqualTo(Avatars.generated(other, red));
    }

    /**
     * The picture as 8 rows of 8 cells, after checking that every pixel of a cell is the cell's colour, that
     * the only colours are the ground and the performer's, and that each row mirrors itself.
     */
    static String pattern(BufferedImage image, Colour colour) {
        int cell = Avatars.SIZE / 8, fill = Integer.parseInt(colour.hex().substring(1), 16);
        StringBuilder rows = new StringBuilder();
        for (int row = 0; row < 8; row++) {
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < 8; col++) {
                int rgb = image.getRGB(col * cell, row * cell) & 0xFFFFFF;
                assertThat(rgb).as("cell %d,%d is the ground or the performer's colour", row, col).isIn(GROUND, fill);
                for (int y = row * cell; y < (row + 1) * cell; y++)
                    for (int x = col * cell; x < (col + 1) * cell; x++)
                        if ((image.getRGB(x, y) & 0xFFFFFF) != rgb) throw new AssertionError("cell " + row + "," + col + " is not one colour at " + x + "," + y);
                line.append(rgb == fill ? '#' : '.');
            }
            assertThat(line.toString()).as("row %d mirrors itself", row).isEqualTo(new StringBuilder(line).reverse().toString());
            rows.append(line).append('\n');
        }
        return rows.toString();
    }
}
