import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { task2Messages } from "../../src/prompts";
import { ask, client } from "./support";

const root = join(__dirname, "..", "..");
const vagArgs = (...args: string[]) => ["--import", "tsx", "src/cli/main.ts", ...args];

test("vag sim-server prints its base URL labelled simulated, serves, and stops on Ctrl-C", async () => {
  const child = spawn(process.execPath, vagArgs("sim-server", "--port", "0", "--seed", "4", "--latency-ms", "1"), { cwd: root });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const m = /SIMULATED model \(seed 4[^)]*\) listening at (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(stdout);
      if (m) resolve(m[1]);
    });
    child.on("close", () => reject(new Error(`exited early: ${stdout} ${stderr}`)));
  });
  const messages = task2Messages(
    { country: "France", topic: "Leisure Time and Sports", value: "Daring", negative: "I deliberately avoid risky sports.", positive: "I make a point of trying adventurous sports." },
    1,
    "paper",
  );
  const text = await ask(client(url), messages);
  assert.match(text, /"action": "Option [12]"/);
  child.kill("SIGINT");
  assert.equal(await exited, 0);
  assert.match(stdout, /stopping simulator: 1 requests/);
  assert.equal(stderr.replace(/^npm warn .*\n/gm, ""), "");
});

test("vag sim-server with a bad option value: one line, exit code 2", async () => {
  const child = spawn(process.execPath, vagArgs("sim-server", "--fault-rate", "2"), { cwd: root });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.equal(code, 2);
  assert.equal(stderr, 'vag: --fault-rate must be a number between 0 and 1, got "2"\n');
});
