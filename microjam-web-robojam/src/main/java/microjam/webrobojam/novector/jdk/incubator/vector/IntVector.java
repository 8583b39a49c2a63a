// A stand-in for the JDK's jdk.incubator.vector class of the same name, which TeaVM has not: it lets TeaVM compile
// the core's vector kernels, which the browser never runs (it takes the scalar path); every method throws.
package microjam.webrobojam.novector.jdk.incubator.vector;

public abstract class IntVector extends Vector {
    public abstract IntVector add(int e);
    public abstract IntVector lanewise(VectorOperators.Binary op, int e);
    public abstract FloatVector reinterpretAsFloats();
}
