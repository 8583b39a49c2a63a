// Reading what a square or a card's picture shows, as a person would see it: the element (a canvas or an
// image) is drawn onto a scratch canvas and sampled at points given in [0,1] of its side.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

final class JamPictures {
    /** Two performers\' colours and backgrounds, distinct enough to tell apart in a picture\'s pixels. */
    static final String ADA_COLOUR = "#ff00ff", ADA_BACKGROUND = "#0000ff", BO_COLOUR = "#00ff00", BO_BACKGROUND = "#ffff00";

    private JamPictures() {
    }

    /** A swipe along y from x = 0.2 to 0.8 (13 touches), so its middle can be sampled whatever the canvas size. */
    static String swipeAt(double y) {
        StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
        for (int i = 0; i <= 12; i++) csv.append(String.format(java.util.Locale.ROOT, "%.2f, %.2f, %.2f, 20, %d\n", i * 0.1, 0.2 + i * 0.05, y, i == 0 ? 0 : 1));
        return csv.toString();
    }

    /** Publishes with the performer's own colours, as the app does. */
    static UUID publish(Api api, Api.Performer performer, String colour, String background, String csv, UUID replyTo) {
        var body = Api.JSON.createObjectNode().put("instrument", "keys").put("colour", colour).put("background", background).put("touches", csv);
        if (replyTo != null) body.put("replyTo", replyTo.toString());
        Api.Response r = api.post("/api/performances", performer.token(), body);
        if (r.status() != 201) throw new AssertionError("publish failed: " + r.status() + " " + r.text());
        return UUID.fromString(r.json().get("id").asText());
    }

    /** "#rrggbb" of the pixels the element shows at each point (x, y in [0,1]); null while an image has not loaded. */
    @SuppressWarnings("unchecked")
    static List<String> colours(Browser b, WebElement element, double[]... points) {
        Object result = b.js("""
                const e = arguments[0], points = arguments[1];
                if (e.tagName === 'IMG' && !(e.complete && e.naturalWidth)) return null;
                const side = 128, c = document.createElement('canvas'); c.width = c.height = side;
                const g = c.getContext('2d'); g.drawImage(e, 0, 0, side, side);
                return points.map(([x, y]) => { const d = g.getImageData(Math.min(side - 1, Math.round(x * side)), Math.min(side - 1, Math.round(y * side)), 1, 1).data;
                  return '#' + [d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join(''); });
                """, element, List.of(points).stream().map(p -> List.of(p[0], p[1])).toList());
        return (List<String>) result;
    }

    /** Whether two colours are alike to the eye (each channel within 40 of 255). */
    static boolean near(String colour, String expected) {
        if (colour == null) return false;
        for (int i = 1; i < 7; i += 2)
            if (Math.abs(Integer.parseInt(colour.substring(i, i + 2), 16) - Integer.parseInt(expected.substring(i, i + 2), 16)) > 40) return false;
        return true;
    }

}
