import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { runDemoPipeline } from "../../src/pipeline/demo";
import { startSimServer, SIM_MODEL } from "../../src/sim";
import { settingsFor } from "../../src/gap/settings";

async function capture(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
}

test("vag gap --run on a simulated run, with the few-shot predictor against the simulator over HTTP", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "vag-gap-"));
  const sim = await startSimServer({ port: 0, seed: 7 });
  try {
    const runDir = join(tmp, "run");
    await runDemoPipeline({ runDir, cacheDir: join(tmp, "cache"), sim, log: () => {}, progress: false });
    const out = join(tmp, "out");
    const r = await capture([
      "gap", "--run", runDir, "--out", out, "--bootstrap", "50", "--quiet",
      "--fewshot-model", SIM_MODEL, "--base-url", `${sim.url}`, "--cache-dir", join(tmp, "cache"),
    ]);
    assert.equal(r.code, 0, r.stderr);
    const res = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    for (const label of ["choice", "gap", "gap-posthoc"]) {
      for (const setting of settingsFor(label as "choice")) {
        const row = res.experiments.find((e: { label: string; setting: string }) => e.label === label && e.setting === setting.id);
        assert.ok(row, `${label}/${setting.id}`);
        assert.equal(row.target, SIM_MODEL);
        assert.equal(row.ci95.f1.length, 2);
        assert.ok(row.ci95.f1[0] <= row.f1 + 1e-12 && row.f1 <= row.ci95.f1[1] + 1e-12, `${label}/${setting.id} CI brackets F1`);
      }
      const v = res.verdicts.find((x: { label: string }) => x.label === label);
      assert.ok(v && v.bestTextFree && v.bestWithText && v.gain, `${label} verdict`);
      assert.equal(v.target, SIM_MODEL);
      assert.equal(v.gain.ci95.length, 2);
      assert.ok(v.gain.p > 0 && v.gain.p <= 1);
    }
    assert.match(r.stdout, /gap-posthoc/);
    const few = res.experiments.filter((e: { method: string }) => e.method === "fewshot");
    assert.equal(few.length, 4);
    for (const f of few) {
      assert.equal(f.label, "choice");
      assert.equal(f.auc, null);
      assert.equal(f.n, 200);
    }
    assert.ok(res.settings.find((s: { label: string }) => s.label === "gap").results.some((r: { top?: { positive: unknown[] } }) => (r.top?.positive.length ?? 0) > 0));
    const md = readFileSync(join(out, "results.md"), "utf8");
    assert.match(md, /text helps|text hurts|no detectable gain/);
    assert.match(md, /SIMULATED/);
    assert.equal(readFileSync(join(out, "fewshot_outputs.jsonl"), "utf8").trim().split("\n").length, 800);
  } finally {
    await sim.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("malformed run file: one FILE:LINE line, exit 2, no output written", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "vag-gap-bad-"));
  try {
    const runDir = join(tmp, "run");
    mkdirSync(runDir);
    writeFileSync(join(runDir, "task2.jsonl"), '{"task":"task2"}\n');
    const out = join(tmp, "out");
    const r = await capture(["gap", "--run", runDir, "--out", out, "--quiet"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^vag: .*task2\.jsonl:1: .+\n$/);
    assert.equal(r.stderr.split("\n").length, 2);
    assert.equal(existsSync(out), false);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("usage errors exit 2 with one line", async () => {
  for (const argv of [["gap"], ["gap", "--run", "x", "--data-dir", "y"], ["gap", "--run", "x", "--folds", "1"], ["gap", "--run", "/nonexistent-dir"], ["gap", "--run", "x", "--label", "vibes"], ["gap", "--run", "x", "--group-by", "topic"]]) {
    const r = await capture(argv);
    assert.equal(r.code, 2, argv.join(" "));
    assert.match(r.stderr, /^vag: [^\n]+\n$/);
  }
});
