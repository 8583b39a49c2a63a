// Counts the scans (SOS markers) of a JPEG before anything decodes it. Every scan of a progressive JPEG
// is more work over every block of the image, and a scan can be a few bytes long, so a 100 KB file can
// hold hundreds. Nothing in the JDK counts them without decoding (ImageIO's JPEG metadata would parse
// every APPn segment as well), and the walk is short. It finds every SOS marker libjpeg finds: segments
// are skipped by their declared length, as libjpeg skips them; scan data runs to the next marker that is
// not a restart marker; and bytes that are not a marker are passed one at a time, as libjpeg passes
// them. It goes on after an EOI, so a tables-only image in front cannot hide the scans behind it.
package microjam.web;

final class JpegScans {
    private static final int SOS = 0xDA, RST0 = 0xD0, EOI = 0xD9, TEM = 0x01;

    private JpegScans() {
    }

    static int count(byte[] jpeg) {
        int scans = 0;
        int at = 0;
        while (at + 1 < jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) { // not a marker: skipped, as libjpeg skips it
                at++;
                continue;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) { // a fill byte before a marker
                at++;
            } else if (marker == 0 || marker == TEM || marker >= RST0 && marker <= EOI) { // markers without a length (SOI, EOI, RSTn)
                at += 2;
            } else {
                if (at + 3 >= jpeg.length) break;
                int next = at + 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
                if (marker == SOS) {
                    scans++;
                    next = endOfScanData(jpeg, next);
                }
                at = next;
            }
        }
        return scans;
    }

    /** Scan data ends at the first 0xFF that is neither a stuffed data byte (0xFF 0x00) nor a restart marker. */
    private static int endOfScanData(byte[] jpeg, int at) {
        for (; at + 1 < jpeg.length; at++) {
            if ((jpeg[at] & 0xFF) != 0xFF) continue;
            int next = jpeg[at + 1] & 0xFF;
            if (next != 0 && (next < RST0 || next > RST0 + 7)) return at;
        }
        return jpeg.length;
    }
}
