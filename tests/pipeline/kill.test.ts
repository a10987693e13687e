import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { appendFileSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { startSimServer, type SimServer } from "../../src/sim";
import { runTask } from "../../src/pipeline/run";
import { makeRng } from "../../src/analysis/random";
import { tmp, readLines, essence } from "./helpers";
import { readRecords } from "../../src/runs/store";
import { ResponseCache } from "../../src/llm/cache";
import type { Scope } from "../../src/pipeline/scope";

/**
 * SIGKILL at random points, then re-run: the final records equal a clean
 * run's, with no duplicate id, a torn last line (records and cache) is
 * handled, and the cache stays consistent with the records.
 */

const ROOT = resolve(__dirname, "../..");
let sim: SimServer;
before(async () => {
  sim = await startSimServer({ port: 0, seed: 5, latencyMs: 15 });
});
after(async () => {
  await sim.close();
});

const TASKS = {
  generate: { variants: "5", topics: "Politics,Religion", file: "generate.jsonl" },
  task1: { variants: "0-7", topics: "Politics,Religion,Environment,Work Orientation,Citizenship,Health and Health Care", file: "task1.jsonl" },
  task2: { variants: "5", topics: "Politics,Religion", file: "task2.jsonl" },
} as const;

function scopeOf(task: keyof typeof TASKS): Scope {
  return {
    countries: ["Egypt"],
    topics: TASKS[task].topics.split(",") as Scope["topics"],
    values: task === "task1" ? [] : (["Social Power", "Wealth", "Honest", "Obedient", "Humble", "Curious", "Daring", "Clean", "Loyal", "Wisdom"] as Scope["values"]),
    variants: (TASKS[task].variants === "5" ? [5] : [0, 1, 2, 3, 4, 5, 6, 7]) as Scope["variants"],
    order: "counterbalanced",
    replicates: 1,
  };
}

function cliArgs(task: keyof typeof TASKS, runDir: string, cacheDir: string, actions: string): string[] {
  const s = scopeOf(task);
  const args = [
    "--import", "tsx", join(ROOT, "src/cli/main.ts"), task,
    "--model", "sim-respondent", "--run", runDir, "--base-url", sim.url, "--cache-dir", cacheDir,
    "--countries", "Egypt", "--topics", TASKS[task].topics, "--variants", TASKS[task].variants,
    "--concurrency", "4", "--seed", "3", "--yes",
  ];
  if (task !== "task1") args.push("--values", s.values.join(","));
  if (task === "task2") args.push("--actions", actions);
  return args;
}

/** Run the CLI; when `killAfter` records have been written, SIGKILL it. Returns the exit signal or code. */
function runChild(args: string[], file: string, killAfter: number | null): Promise<string> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    let timer: NodeJS.Timeout | null = null;
    if (killAfter !== null) {
      timer = setInterval(() => {
        if (existsSync(file) && readFileSync(file, "utf8").split("\n").length > killAfter) {
          child.kill("SIGKILL");
          clearInterval(timer!);
        }
      }, 5);
    }
    child.on("exit", (code, signal) => {
      if (timer) clearInterval(timer);
      done(signal ?? `exit ${code}${err ? `: ${err.trim().split("\n").pop()}` : ""}`);
    });
  });
}

for (const task of ["generate", "task1", "task2"] as const) {
  test(`${task}: SIGKILL at three random points, then a re-run equals a clean run`, async () => {
    const rng = makeRng(task.length * 7919);
    const actions = tmp(`actions-${task}`);
    if (task === "task2")
      await runTask({ task: "generate", model: "sim-respondent", runDir: actions, baseUrl: sim.url, protocol: "robust", seed: 3, cacheDir: tmp("ac"), yes: true, log: () => {}, progress: false, scope: scopeOf("generate") });

    const clean = tmp(`clean-${task}`);
    await runTask({ task, model: "sim-respondent", runDir: clean, baseUrl: sim.url, protocol: "robust", seed: 3, cacheDir: tmp("cc"), noCache: true, yes: true, log: () => {}, progress: false, scope: scopeOf(task), actions });
    const want = readLines(join(clean, TASKS[task].file));
    assert.ok(want.length >= 40);

    const runDir = tmp(`killed-${task}`);
    const cacheDir = tmp(`kc-${task}`);
    const file = join(runDir, TASKS[task].file);
    const kills: string[] = [];
    for (let k = 0; k < 3; k++) {
      const have = readLines(file).length;
      const target = have + 1 + Math.floor(rng.next() * Math.max(1, (want.length - have) / 3));
      kills.push(await runChild(cliArgs(task, runDir, cacheDir, actions), file, target));
    }
    assert.ok(kills.includes("SIGKILL"), `at least one run was killed (${kills.join(", ")})`);

    // A kill lands between writes more often than inside one, so make sure the re-run meets a
    // torn last line in both the records and the cache. Where the kills left none, keep at
    // least one item pending (drop the last whole record if none is) and append half a line.
    const cacheFile = join(cacheDir, readdirOne(cacheDir));
    const afterKills = readRecords(file);
    const allDone = new Set(afterKills.records.map((r) => r.id)).size >= want.length;
    if (!afterKills.torn || allDone) {
      const whole = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "" && tryJson(l));
      writeFileSync(file, (allDone ? whole.slice(0, -1) : whole).join("\n") + "\n" + JSON.stringify(want[0]).slice(0, 50));
    }
    if (readFileSync(cacheFile, "utf8").endsWith("\n")) appendFileSync(cacheFile, readFileSync(cacheFile, "utf8").split("\n")[0].slice(0, 60));
    const beforeFinal = readRecords(file);
    assert.ok(beforeFinal.torn, "the records file ends in a torn line before the re-run");
    const pending = want.length - new Set(beforeFinal.records.map((r) => r.id)).size;
    assert.ok(pending > 0, "the re-run has work to do");

    const final = await runChild(cliArgs(task, runDir, cacheDir, actions), file, null);
    assert.equal(final, "exit 0");
    const got = readLines(file);
    assert.equal(new Set(got.map((l) => l.id)).size, got.length, "no duplicate ids");
    assert.deepEqual(essence(got), essence(want));
    // the torn record line was cut off by the re-run's first append; every line is whole
    assert.equal(readRecords(file).torn, null, "no torn line left");

    // The cache is consistent: the cache loader reads it (skipping the damaged line, never
    // failing), every complete line is one entry, and every record's answer is in it.
    const cacheLines = readFileSync(cacheFile, "utf8").split("\n").filter((l) => l.trim() !== "");
    const entries = cacheLines.filter(tryJson).map((l) => JSON.parse(l) as { key: string; output: string });
    const cache = new ResponseCache(cacheDir);
    assert.ok(cache.skippedLines >= 1, "the torn cache line was skipped");
    assert.equal(cache.size, new Set(entries.map((e) => e.key)).size);
    for (const e of entries) assert.equal(cache.get(e.key)?.output, e.output);
    const outputs = new Set(entries.map((e) => e.output));
    for (const r of got) if (typeof r.response === "string") assert.ok(outputs.has(r.response), `record ${r.id}: its answer is in the cache`);
  });
}

function tryJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function readdirOne(dir: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const files = (require("node:fs").readdirSync(dir) as string[]).filter((f) => f.endsWith(".jsonl"));
  assert.ok(files.length >= 1, `a cache file in ${dir}`);
  return files[0];
}
