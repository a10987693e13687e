import { test } from "node:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reproduce } from "../../src/reproduce/reproduce";
import { reproductionOutputs, writeOutputs } from "../../src/reproduce/reproductionOutputs";
import assert from "node:assert/strict";
import { figureSet } from "../../src/figures/figureSet";
import { isPublishedDataDir } from "../../src/figures/published";
import { loadInputs } from "../../src/figures/sources";
import { skipWithoutData, viaDir } from "../helpers/data";

test("the published data directory (and out/reproduce) is a direct source: reproduced results, heatmap matrices, misaligned examples", { skip: skipWithoutData(), timeout: 120_000 }, () => {
  const dir = viaDir()!;
  assert.equal(isPublishedDataDir(dir), true);
  const inputs = loadInputs([dir]);
  assert.deepEqual(inputs.sources, [{ kind: "published", path: dir }]);
  assert.equal(inputs.simulated, false);
  const mini = inputs.results!.models!["gpt-4o-mini"];
  // paper Table 13 "Sum" for GPT-4o-mini: .564
  assert.ok(Math.abs(mini.f1!.overall! - 0.564) < 0.005, `F1 ${mini.f1!.overall}`);
  const figs = figureSet(inputs);
  const names = figs.map((f) => f.name);
  for (const n of ["gpt-4o-mini/heatmap-task1-country", "gpt-4o-mini/heatmap-task2-topic", "claude-sonnet-4/ranking-topic-religion", "gpt-3.5-turbo/heatmap-task1-country", "across/f1-country", "across/inconsistency"]) {
    assert.ok(names.includes(n), n);
  }
  // Task 1 only models: no Task 2 heatmap, no distance
  assert.ok(!names.includes("gpt-3.5-turbo/heatmap-task2-country"));
  const t1 = figs.find((f) => f.name === "gpt-4o-mini/heatmap-task1-country")!.figure.data[0] as { z: unknown[][] };
  assert.equal(t1.z.length, 12);
  assert.equal(t1.z[0].length, 56);
  // the paper's ranking claim: Choosing Own Goals is GPT-4o-mini's top gap in the Philippines
  assert.equal(mini.ranking!.by_country.Philippines![0][0], "Choosing Own Goals");
  assert.equal(inputs.publishedExamples?.length, 7106);
});

test("vag reproduce writes matrices.json and misaligned.json: figures and report from out/reproduce alone", { skip: skipWithoutData(), timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), "vag-repro-figs-"));
  writeOutputs(out, reproductionOutputs(reproduce({ dataDir: viaDir()! })));
  const inputs = loadInputs([out]);
  const names = figureSet(inputs).map((f) => f.name);
  for (const n of ["gpt-4o-mini/heatmap-task1-country", "gpt-4o-mini/heatmap-distance-topic", "gpt-3.5-turbo/heatmap-task1-topic", "claude-sonnet-4/ranking-country-india"]) assert.ok(names.includes(n), n);
  const mis = JSON.parse(readFileSync(join(out, "misaligned.json"), "utf8")) as { examples: unknown[] };
  assert.equal(mis.examples.length, 7106);
});
