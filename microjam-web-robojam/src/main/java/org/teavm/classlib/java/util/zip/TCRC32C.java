// java.util.zip.CRC32C for TeaVM, whose class library has none: the Castagnoli CRC (reflected polynomial
// 0x82F63B78), a byte at a time from a table; ModelFile checks a model file's checksum with it.
package org.teavm.classlib.java.util.zip;

import java.util.zip.Checksum;

public final class TCRC32C implements Checksum {
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            TABLE[n] = c;
        }
    }

    private int crc = 0xFFFFFFFF;

    @Override
    public void update(int b) {
        crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int c = crc;
        for (int i = off; i < off + len; i++) c = (c >>> 8) ^ TABLE[(c ^ b[i]) & 0xFF];
        crc = c;
    }

    @Override
    public long getValue() {
        return ~crc & 0xFFFFFFFFL;
    }

    @Override
    public void reset() {
        crc = 0xFFFFFFFF;
    }
}
