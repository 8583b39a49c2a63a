// Runs the TeaVM-compiled RoboJam (target/classes/public/robojam) in Node.js 22 or later (final Wasm GC): loads the
// shipped model, answers the fixed call (src/test/resources/call.csv) with seed 7 and the model's recommended
// sampling, times it, and compares the answer with the server's (target/jvm-answer.csv, written by JvmParityTest)
// within the browser's tolerance (DeviceRoboJamTest.TOLERANCE). Run from microjam-web-robojam after
// ./mvnw -pl microjam-web-robojam -am install:  node src/test/node/check.mjs   (ROUNDS=n: answers timed, default 6)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
require("../../../target/classes/public/robojam/classes.wasm-runtime.js");
const robojam = (await globalThis.TeaVM.wasmGC.load("target/classes/public/robojam/robojam.wasm")).exports;

const model = readFileSync("../microjam-server/src/main/resources/robojam/default.model");
let t = performance.now();
const name = robojam.load(model.buffer.slice(model.byteOffset, model.byteOffset + model.byteLength));
console.log(`loaded ${name} in ${(performance.now() - t).toFixed(0)} ms; recommended ${robojam.recommended()}`);
const [temperature, sigmaTemperature, candidates] = robojam.recommended().split(",").map(Number);
const call = readFileSync("src/test/resources/call.csv", "utf8");

let answer;
const times = [];
for (let i = 0; i < Number(process.env.ROUNDS ?? 6); i++) {
  t = performance.now();
  answer = robojam.respond(call, 7, temperature, sigmaTemperature, candidates);
  times.push(performance.now() - t);
}
console.log(`respond: first ${times[0].toFixed(1)} ms, then ${times.slice(1).map((x) => x.toFixed(1)).join(", ")} ms`);
const rows = (csv) => csv.trim().split("\n").slice(1).map((line) => line.split(",").map(Number));
const a = rows(answer), e = rows(readFileSync("target/jvm-answer.csv", "utf8"));
let worst = 0;
for (let i = 0; i < Math.min(a.length, e.length); i++) for (let k = 0; k < 5; k++) worst = Math.max(worst, Math.abs(a[i][k] - e[i][k]));
console.log(`browser answer: ${a.length} touches; server: ${e.length}; largest difference ${worst}`);
if (a.length !== e.length || worst > 1e-3) { console.log("DIFFERENT beyond the tolerance (1e-3)"); process.exit(1); }
console.log("the same answer within 1e-3");
