import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimServer } from "../../src/sim";
import { runTask } from "../../src/pipeline/run";
import { analyseRun } from "../../src/figures/sources";
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
    const a = analyseRun(many).results.task1_agreement;
    assert.ok(typeof a === "number" && a > 0.5 && a < 1, `agreement ${a}`);
    const one = mkdtempSync(join(tmpdir(), "vag-agree1-"));
    await runTask({ ...common, runDir: one, scope: scope([0]) });
    assert.equal(analyseRun(one).results.task1_agreement, undefined);
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
    const bias = analyseRun(runDir).results.position_bias!;
    assert.equal(bias.pairs, 6);
    assert.equal(bias.answers, 12);
    // the simulator plants no position bias: its choice follows the action, so both orders agree
    assert.equal(bias.order_consistency, 1);
  } finally {
    await sim.close();
  }
});
