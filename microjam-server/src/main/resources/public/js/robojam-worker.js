// RoboJam on the device: the server's own RoboJam core (microjam-core), compiled to WebAssembly by TeaVM
// (microjam-web-robojam), answering in a worker so that touch and sound never wait for it. The call is
// answered here and goes nowhere: this worker fetches only the compiled core and the model file.
//   {id, load: modelFileUrl}  -> {id, model, recommended: [temperature, sigmaTemperature, candidates]}
//   {id, call: CSV, seed}     -> {id, touches: CSV, model, millis}      (the model's recommended sampling)
//   any failure               -> {id, error: message}
importScripts('/robojam/classes.wasm-runtime.js');

let robojam = null, loaded = null;

async function load(url) {
  if (loaded && loaded.url === url) return loaded;
  const [teavm, file] = await Promise.all([globalThis.TeaVM.wasmGC.load('/robojam/robojam.wasm'), fetch(url).then((response) => {
    if (!response.ok) throw new Error(`the model file is unavailable (${response.status})`);
    return response.arrayBuffer();
  })]);
  robojam = teavm.exports;
  const model = robojam.load(file);
  loaded = { url, model, recommended: robojam.recommended().split(',').map(Number) };
  return loaded;
}

self.onmessage = async ({ data }) => {
  try {
    if (data.load) {
      const { model, recommended } = await load(data.load);
      self.postMessage({ id: data.id, model, recommended });
    } else {
      if (!loaded) throw new Error('no model is loaded');
      const [temperature, sigmaTemperature, candidates] = loaded.recommended;
      const start = performance.now();
      const touches = robojam.respond(data.call, data.seed, temperature, sigmaTemperature, candidates);
      self.postMessage({ id: data.id, touches, model: loaded.model, millis: performance.now() - start });
    }
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error && error.message || error) });
  }
};
