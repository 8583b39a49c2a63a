// RoboJam in the browser: the core's own code, compiled by TeaVM, answering a call on the page's one thread
// (RoboJam.respondHere: no batcher, no helper threads) on the scalar kernel path (no Vector API in TeaVM),
// whose answers equal the server's within a few millionths (WebAssembly has no fused multiply-add: ScalarFma here).
package microjam.webrobojam;

import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.robojam.ModelFile;
import microjam.robojam.Network;
import microjam.robojam.RoboJam;
import microjam.robojam.Settings;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

public final class BrowserRoboJam {
    private static Network network;

    private BrowserRoboJam() {
    }

    public static void main(String[] args) {
    }

    /** Loads a model file's bytes (a .model file, version 1 or 2); answers its name. */
    @JSExport
    public static String load(ArrayBuffer modelFile) {
        System.setProperty("microjam.robojam.scalar", "true"); // before Kernels is first read: TeaVM has no Vector API
        byte[] bytes = Int8Array.create(modelFile).copyToJavaArray();
        network = new Network(ModelFile.decode(bytes, "model"));
        return network.model().name();
    }

    /** The loaded model's recommended sampling, as "temperature,sigmaTemperature,candidates". */
    @JSExport
    public static String recommended() {
        var s = network.model().recommended();
        return s.temperature() + "," + s.sigmaTemperature() + "," + s.candidates();
    }

    /** Answers a call (touch CSV, time,x,y,z,moving) with the response's CSV. seed: a whole number (a JS number holds 53 bits exactly). */
    @JSExport
    public static String respond(String callCsv, double seed, double temperature, double sigmaTemperature, int candidates) {
        Touches call = TouchCsv.read(callCsv);
        RoboJam.Answer answer = RoboJam.respondHere(network, call, new Settings(temperature, sigmaTemperature, (long) seed, candidates));
        return TouchCsv.write(answer.touches());
    }
}
