// A stand-in for the JDK's jdk.incubator.vector class of the same name, which TeaVM has not: it lets TeaVM compile
// the core's vector kernels, which the browser never runs (it takes the scalar path); every method throws.
package microjam.webrobojam.novector.jdk.incubator.vector;

public abstract class FloatVector extends Vector {
    public static final VectorSpecies SPECIES_PREFERRED = null;

    public static FloatVector fromArray(VectorSpecies species, float[] a, int offset) { throw none(); }
    public static FloatVector broadcast(VectorSpecies species, float e) { throw none(); }
    public abstract FloatVector abs();
    public abstract FloatVector neg();
    public abstract FloatVector add(float e);
    public abstract FloatVector add(Vector v);
    public abstract FloatVector sub(float e);
    public abstract FloatVector sub(Vector v);
    public abstract FloatVector mul(float e);
    public abstract FloatVector mul(Vector v);
    public abstract FloatVector div(Vector v);
    public abstract FloatVector max(float e);
    public abstract FloatVector min(float e);
    public abstract FloatVector fma(Vector b, Vector c);
    public abstract FloatVector blend(Vector v, VectorMask m);
    public abstract VectorMask lt(float e);
    public abstract Vector convert(VectorOperators.Conversion conversion, int part);
    public abstract VectorSpecies species();
    public abstract void intoArray(float[] a, int offset);
}
