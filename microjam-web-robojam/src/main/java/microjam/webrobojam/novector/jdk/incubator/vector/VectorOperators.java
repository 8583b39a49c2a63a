// A stand-in for the JDK's jdk.incubator.vector class of the same name, which TeaVM has not: it lets TeaVM compile
// the core's vector kernels, which the browser never runs (it takes the scalar path); every method throws.
package microjam.webrobojam.novector.jdk.incubator.vector;

public final class VectorOperators {
    public interface Conversion {
    }

    public interface Binary {
    }

    public interface Associative extends Binary {
    }

    public static final Associative AND = null;
    public static final Binary LSHL = null;
    public static final Conversion F2I = null;

    private VectorOperators() {
    }
}
