import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimServer } from "../../src/sim";
import { runTask } from "../../src/pipeline/run";
import { runResults } from "../../src/results/runResults";
import { openRun } from "../../src/runs/openRun";
import type { Scope } from "../../src/pipeline/scope";

const scope = (variants: number[]): Scope => ({
  countries: ["Egypt"],
  topics: ["Religion", "Politics"],
  values: [],
  variants: variants as Scope["variants"],
  order: "counterbalanced",
  replicates: 1,
});

test("a run's analysis reports Task 1 prompt agreement when it asked several variants, and none for one", async () => {
  const sim = await startSimServer({ port: 0, seed: 4 });
  try {
    const common = { model: "sim-respondent", baseUrl: sim.url, protocol: "robust" as const, noCache: true, yes: true, log: () => {}, progress: false, task: "task1" as const };
    const many = mkdtempSync(join(tmpdir(), "vag-agree-"));
    await runTask({ ...common, runDir: many, scope: scope([0, 1, 2, 3, 4, 5, 6, 7]) });
    const a = runResults(many).results.task1_agreement;
    assert.ok(typeof a === "number" && a > 0.5 && a < 1, `agreement ${a}`);
    const one = mkdtempSync(join(tmpdir(), "vag-agree1-"));
    await runTask({ ...common, runDir: one, scope: scope([0]) });
    assert.equal(runResults(one).results.task1_agreement, undefined);
  } finally {
    await sim.close();
  }
});

test("a counterbalanced Task 2 run reports its position bias", async () => {
  const sim = await startSimServer({ port: 0, seed: 4 });
  try {
    const runDir = mkdtempSync(join(tmpdir(), "vag-bias-"));
    const common = { model: "sim-respondent", baseUrl: sim.url, protocol: "robust" as const, noCache: true, yes: true, log: () => {}, progress: false, runDir };
    const s = { ...scope([5]), values: ["Wealth", "Honest", "Humble"] as Scope["values"] };
    await runTask({ ...common, task: "generate", scope: s });
    await runTask({ ...common, task: "task2", scope: s, actions: runDir });
    const bias = runResults(runDir).results.position_bias!;
    assert.equal(bias.pairs, 6);
    assert.equal(bias.answers, 12);
    // order consistency = pairs whose two orders chose the same polarity, counted here from the records
    const byPair = new Map<string, string[]>();
    for (const r of openRun(runDir).task2()) byPair.set(`${r.country}+${r.topic}+${r.value}`, [...(byPair.get(`${r.country}+${r.topic}+${r.value}`) ?? []), String(r.chosenPolarity)]);
    const same = [...byPair.values()].filter((p) => p.length === 2 && p[0] === p[1]).length;
    assert.equal(bias.order_consistency, same / 6);
    assert.ok(same >= 3, "with the position-bias switch off most pairs pick the same action in both orders");
  } finally {
    await sim.close();
  }
});
