import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSimServer, type SimServer } from "../../src/sim";
import { runVag } from "../helpers/cli";
import { tmp, readLines } from "../pipeline/helpers";

/** `vag batch export | submit | status | fetch | import` as a user types them, against the simulator's Batch API. */

let sim: SimServer;
before(async () => {
  sim = await startSimServer({ port: 0, seed: 4, batchCompletionMs: 0 });
});
after(() => sim.close());

test("vag batch: export, submit, status, fetch --wait, then a malformed import is FILE:LINE: reason with exit 2", async () => {
  const run = tmp("cli-batch");
  const out = join(tmp("cli-files"), "t1.jsonl");
  const scope = ["--model", "sim-respondent", "--run", run, "--base-url", sim.url, "--countries", "Nigeria", "--topics", "Politics,Religion", "--variants", "0-1", "--cache-dir", tmp("cli-cache")];
  const e = await runVag(["batch", "export", "--task", "task1", "--out", out, ...scope]);
  assert.equal(e.code, 0, e.stderr);
  assert.match(e.stdout, /task1: 4 items, 0 already done, 0 answered by the cache, 4 to export ->/);
  assert.equal(readFileSync(out, "utf8").trim().split("\n").length, 4);
  const s = await runVag(["batch", "submit", "--run", run]);
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /task1-1: batch batch-sim\d+ created/);
  const st = await runVag(["batch", "status", "--run", run]);
  assert.equal(st.code, 0, st.stderr);
  assert.match(st.stdout, /task1-1: (in_progress|completed)/);
  const f = await runVag(["batch", "fetch", "--run", run, "--wait", "--poll-ms", "50"]);
  assert.equal(f.code, 0, f.stderr);
  assert.match(f.stdout, /task1 \[SIMULATED model\]: 4 records from 1 batch file\(s\)/);
  assert.equal(readLines(join(run, "task1.jsonl")).length, 4);

  const bad = join(tmp("cli-bad"), "bad.jsonl");
  writeFileSync(bad, '{"custom_id": "x", "response": {"status_code": 200, "body": {}}, "error": null}\n');
  const i = await runVag(["batch", "import", "--run", run, bad]);
  assert.equal(i.code, 2);
  assert.equal(i.stderr, `vag: ${bad}:1: unknown custom_id "x" (not exported from ${run})\n`);
});
