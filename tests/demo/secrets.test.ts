import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeOpenAi } from "../helpers/fakeOpenAi";
import { runVag } from "../helpers/cli";

/**
 * Issue 7 item 5: with a canary key in the environment, `vag demo` (what
 * `npm start` runs: the three tasks, analysis, gap prediction, figures and
 * the report) leaves the key in no file of its run, output and cache
 * directories and in none of its output; the manifest holds no headers or
 * keys. And the error path: a REMOTE endpoint (so the key is really sent)
 * that answers 401 and echoes the key, as careless gateways do, never gets
 * the key into the one-line error, the records or the cache.
 * (tests/notebooks covers the notebooks; tests/llm/secrets.test.ts the client.)
 */
// The middle token is what we search for, so a masked echo ("sk-...CANARY-7f3a...") is caught too.
const TOKEN = "CANARY-7f3a9c";
const CANARY = `sk-test-${TOKEN}-0123456789abcdefXYZ`;
const ENV = { OPENAI_API_KEY: CANARY, GROQ_API_KEY: `gsk_${TOKEN}_groq`, VAG_DEBUG: "" };

const vag = runVag;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

/** Files (read as bytes, so PNGs and any encoding count) that hold the token. */
function filesWithToken(dirs: string[]): string[] {
  return dirs.flatMap(allFiles).filter((f) => readFileSync(f).includes(TOKEN));
}

/** Object keys anywhere in a JSON value. */
function keysOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(keysOf);
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]);
  return [];
}

const tmp = (p: string) => mkdtempSync(join(tmpdir(), `vag-secret-${p}-`));

test("npm start (vag demo) with a canary key: the key is in no file, no output; the manifest has no headers or keys", { timeout: 600_000 }, async () => {
  const base = tmp("demo");
  const [run, out, cache] = ["run", "out", "cache"].map((d) => join(base, d));
  const r = await vag(["demo", "--run", run, "--out", out, "--cache-dir", cache], ENV);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /report: .*index\.html/, "the demo went all the way to the report");
  const files = allFiles(base);
  for (const want of ["generate.jsonl", "task1.jsonl", "task2.jsonl", "manifest.json", "responses.jsonl", "index.html", "results.json"])
    assert.ok(files.some((f) => f.endsWith(want)), `the demo wrote ${want}`);
  assert.deepEqual(filesWithToken([base]), []);
  assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN), "no key in the output");

  const manifest = JSON.parse(readFileSync(join(run, "manifest.json"), "utf8"));
  const forbidden = keysOf(manifest).filter((k) => /^(headers?|authorization|api[-_]?key|key|token|secret|password)$/i.test(k));
  assert.deepEqual(forbidden, [], "no header or key fields in the manifest");
  assert.equal(manifest.model.apiKeyEnv, "OPENAI_API_KEY", "the manifest names the variable, never its value");
  assert.doesNotMatch(JSON.stringify(manifest), /bearer|sk-|gsk_/i);
});

test("a remote endpoint that rejects the key and echoes it: the one-line error, records and cache never hold it", { timeout: 120_000 }, async () => {
  // [::ffff:127.0.0.1] is this machine, but not a loopback name to the config: it counts as
  // remote, so the real key is sent (the server below checks), as to any hosted API.
  // A gateway that rejects every key and echoes the Authorization header it got.
  const seen: string[] = [];
  const rejecting = createServer((req, res) => {
    seen.push(String(req.headers.authorization));
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}` } }));
  });
  await new Promise<void>((ok) => rejecting.listen(0, "127.0.0.1", ok));
  const rejectingPort = (rejecting.address() as AddressInfo).port;
  const echoing = await startFakeOpenAi();
  try {
    const remote = (port: number) => `http://[::ffff:127.0.0.1]:${port}/v1`;
    const base = tmp("401");
    const args = (port: number, name: string) => [
      "task1", "--model", "fake-model", "--base-url", remote(port), "--run", join(base, name), "--cache-dir", join(base, `${name}-cache`),
      "--countries", "Egypt", "--topics", "Politics", "--variants", "0-1", "--yes",
    ];

    // 1. the key is rejected at the pre-flight check: one line, exit 1, nothing written
    const pre = await vag(args(rejectingPort, "pre"), ENV);
    assert.deepEqual(seen, [`Bearer ${CANARY}`], "the key was really sent");
    assert.equal(pre.code, 1, pre.stderr);
    assert.match(pre.stderr, /^vag: http:\/\/\[::ffff:7f00:1\]:\d+\/v1 rejected the key in OPENAI_API_KEY \(HTTP 401\); check that it is valid for this endpoint\n$/);
    assert.equal(pre.stdout, "");

    // 2. /models accepts, then every chat call answers 401 echoing the Authorization header:
    //    the failures are recorded (scrubbed) and the run says so in one line
    echoing.queueFaults({ kind: "echo-key" }, { kind: "echo-key" });
    const chat = await vag(args(echoing.port, "chat"), ENV);
    assert.ok(echoing.requests.filter((q) => q.fault === "echo-key").every((q) => q.authorization === `Bearer ${CANARY}`));
    assert.equal(echoing.requests.filter((q) => q.fault === "echo-key").length, 2, "both calls were answered with the echo");
    assert.equal(chat.code, 3, chat.stderr);
    const records = readFileSync(join(base, "chat", "task1.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(records.length, 2);
    for (const rec of records) assert.match(rec.error, /^HTTP 401: .*Bearer \[redacted\]/);
    for (const o of [pre, chat]) assert.ok(!o.stdout.includes(TOKEN) && !o.stderr.includes(TOKEN), `no key in the output: ${o.stderr}`);
    assert.deepEqual(filesWithToken([base]), []);
  } finally {
    await new Promise((ok) => rejecting.close(ok));
    await echoing.close();
  }
});
