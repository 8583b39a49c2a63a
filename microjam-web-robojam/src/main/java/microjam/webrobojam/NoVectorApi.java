// Two TeaVM substitutions (read by TeaVM through META-INF/services):
// - jdk.incubator.vector.X as microjam.webrobojam.novector.jdk.incubator.vector.X: stand-ins that throw, so that the
//   core's vector kernels compile though TeaVM has no Vector API. The browser never runs them: BrowserRoboJam sets
//   microjam.robojam.scalar=true before the core's Kernels is first read.
// - microjam.robojam.ScalarFma as this module's: a·b + c rounded twice (TeaVM's Math has no fma, WebAssembly none).
package microjam.webrobojam;

import org.teavm.extension.spi.substitution.SimpleSubstitutionPolicy;
import org.teavm.extension.spi.substitution.SubstitutionSink;

public final class NoVectorApi extends SimpleSubstitutionPolicy {
    @Override
    public void contribute(SubstitutionSink sink) {
        sink.selectClasses(inPackage("jdk.incubator.vector")).packagePrefix("microjam.webrobojam.novector.");
        sink.selectClasses(named("microjam.robojam.ScalarFma")).packagePrefix("microjam.webrobojam.fma.");
    }
}
