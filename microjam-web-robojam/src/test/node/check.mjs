// Runs the TeaVM-compiled RoboJam (target/wasm) in Node.js: loads the shipped model, answers the fixed call
// (src/test/resources/call.csv) with seed 7 and the model's recommended sampling, and compares the answer with
// the server's (target/jvm-answer.csv, written by JvmParityTest). Run from microjam-web-robojam after
// ./mvnw -Pweb-robojam -pl microjam-web-robojam install:  node src/test/node/check.mjs [js]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// node check.mjs js: the JavaScript build; else the WebAssembly GC one (needs Node.js 22 or later: V8 with final Wasm GC).
const require = createRequire(import.meta.url);
let robojam;
if (process.argv[2] === "js") {
  robojam = require("../../../target/js/robojam.js");
} else {
  require("../../../target/wasm/classes.wasm-runtime.js");
  robojam = (await globalThis.TeaVM.wasmGC.load("target/wasm/robojam.wasm")).exports;
}

const model = readFileSync("../microjam-server/src/main/resources/robojam/default.model");
let t = performance.now();
const name = robojam.load(model.buffer.slice(model.byteOffset, model.byteOffset + model.byteLength));
console.log(`loaded ${name} in ${(performance.now() - t).toFixed(0)} ms; recommended ${robojam.recommended()}`);
const [temperature, sigmaTemperature, candidates] = robojam.recommended().split(",").map(Number);
const call = readFileSync("src/test/resources/call.csv", "utf8");

let answer;
const times = [];
for (let i = 0; i < 6; i++) {
  t = performance.now();
  answer = robojam.respond(call, 7, temperature, sigmaTemperature, candidates);
  times.push(performance.now() - t);
}
console.log(`respond: first ${times[0].toFixed(1)} ms, then ${times.slice(1).map((x) => x.toFixed(1)).join(", ")} ms`);
const expected = readFileSync("target/jvm-answer.csv", "utf8");
const a = answer.trim().split("\n"), e = expected.trim().split("\n");
let same = 0;
for (let i = 0; i < Math.min(a.length, e.length); i++) if (a[i] === e[i]) same++;
console.log(`browser answer: ${a.length - 1} touches; server: ${e.length - 1}; identical lines ${same}/${Math.max(a.length, e.length)}`);
if (answer !== expected) { console.log("DIFFERENT\n" + a.slice(0, 5).join("\n") + "\n--- server\n" + e.slice(0, 5).join("\n")); process.exit(1); }
console.log("IDENTICAL: touch for touch");
