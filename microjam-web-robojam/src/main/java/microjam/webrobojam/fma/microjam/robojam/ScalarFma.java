// The core's microjam.robojam.ScalarFma as TeaVM compiles it for the browser (NoVectorApi substitutes it).
package microjam.webrobojam.fma.microjam.robojam;

public final class ScalarFma {
    private ScalarFma() {
    }

    /**
     * a·b + c rounded twice (the product, then the sum), not once as the server's fused multiply-add: WebAssembly
     * has no fused multiply-add, and computing one exactly from doubles made an answer 28 times slower in Node 22
     * (11.4 s against 0.4 s, the shipped model, 8 candidates). The answers differ from the server's by a few
     * millionths (BrowserRoboJamTest states and checks the tolerance).
     */
    public static float fma(float a, float b, float c) {
        return a * b + c;
    }
}
