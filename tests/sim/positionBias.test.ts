import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COUNTRIES, TOPICS, VALUES, VALUE_INDEX, type Country, type Topic, type Value } from "../../src/catalog";
import { alignmentRate } from "../../src/analysis/alignmentRate";
import { rowOf } from "../../src/analysis/matrix";
import { runDemoPipeline } from "../../src/pipeline/demo";
import { task2Messages, task2OptionOrder } from "../../src/prompts";
import { runResults } from "../../src/results/runResults";
import { answer, groundTruth, simulatedAction, startSimServer } from "../../src/sim";

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `vag-${prefix}-`));

const SEED = 4;
const SHARE = 0.2;

test("position bias: the ground truth draws the planted share of cells, seeded, and nothing else changes", () => {
  const off = groundTruth(SEED);
  const on = groundTruth(SEED, { positionBias: SHARE });
  assert.equal(off.positionBias.cells, 0);
  assert.ok(off.cells.every((c) => !c.positionBiased));
  // 7,392 Bernoulli(0.2) draws: sd of the share 0.0047, 4 sd = 0.019.
  assert.equal(on.positionBias.cells, on.cells.filter((c) => c.positionBiased).length);
  assert.ok(Math.abs(on.positionBias.realizedShare - SHARE) < 0.019, `realized ${on.positionBias.realizedShare}`);
  assert.deepEqual(groundTruth(SEED, { positionBias: SHARE }).cells, on.cells, "seeded: the same cells every time");
  assert.notDeepEqual(groundTruth(SEED + 1, { positionBias: SHARE }).cells.map((c) => c.positionBiased), on.cells.map((c) => c.positionBiased));
  // A larger share keeps the cells of a smaller one (one uniform draw per cell), and the respondent is untouched.
  const more = groundTruth(SEED, { positionBias: 0.5 });
  assert.ok(on.cells.every((c, k) => !c.positionBiased || more.cells[k].positionBiased));
  assert.deepEqual(on.cells.map(({ positionBiased: _p, ...c }) => c), off.cells.map(({ positionBiased: _p, ...c }) => c));
});

test("position bias: a biased cell answers Option 1 in both option orders; every other cell answers exactly as without the bias", () => {
  const truth = groundTruth(SEED, { positionBias: SHARE });
  let biased = 0;
  let unbiased = 0;
  for (const country of COUNTRIES.slice(0, 3))
    for (const topic of TOPICS.slice(0, 4))
      for (const value of VALUES) {
        const cell = truth.cells.find((c) => c.country === country && c.topic === topic && c.value === value)!;
        const pos = simulatedAction(SEED, country, topic, value, "positive", "pb").action;
        const neg = simulatedAction(SEED, country, topic, value, "negative", "pb").action;
        const chosen: string[] = [];
        for (const variant of [5, 6]) {
          const body = { messages: task2Messages({ country, topic, value, positive: pos, negative: neg }, variant, "robust") };
          const a = JSON.parse(answer(SEED, body, { positionBias: SHARE }).content) as { action: string };
          const plain = JSON.parse(answer(SEED, body).content) as { action: string };
          if (cell.positionBiased) assert.equal(a.action, "Option 1");
          else assert.equal(a.action, plain.action, `${country}/${topic}/${value} v${variant}`);
          const positiveFirst = task2OptionOrder(variant) === "positive-first";
          chosen.push((a.action === "Option 1") === positiveFirst ? "positive" : "negative");
        }
        assert.notEqual(task2OptionOrder(5), task2OptionOrder(6), "variants 5 and 6 are the two option orders");
        if (cell.positionBiased) {
          biased++;
          assert.notEqual(chosen[0], chosen[1], "a position-biased cell picks each action once: an undecided pair");
        } else unbiased++;
      }
  assert.ok(biased > 60 && unbiased > 400, `${biased} biased, ${unbiased} unbiased cells checked`);
});

/**
 * Over HTTP with the real openai SDK: the demo pipeline (generation, Task 1 in
 * 8 variants, Task 2 counterbalanced) on 2 countries x 3 topics x 56 values,
 * once without and once with 20% position-biased cells, both analysed by
 * results/runResults (robust protocol: undecided pairs are missing for F1).
 * Four countries, not the demo's two: with two countries a crossed interval is too wide to tell anything apart.
 */
test("position bias through the pipeline: undecided pairs are the planted cells (plus the unbiased run's), alignment stays within its interval", { timeout: 600_000 }, async () => {
  const scope = { countries: ["United States", "Nigeria", "India", "Germany"] as Country[], topics: ["Politics", "Religion", "Health and Health Care"] as Topic[] };
  const runOnce = async (positionBias: number) => {
    const sim = await startSimServer({ port: 0, seed: SEED, positionBias });
    try {
      const dir = tmp(`pb-${positionBias}`);
      await runDemoPipeline({ runDir: dir, cacheDir: tmp(`pb-cache-${positionBias}`), seed: SEED, sim, scope, log: () => {}, progress: false });
      return { r: runResults(dir, { seed: 3, iterations: 1000 }), truth: sim.groundTruth() };
    } finally {
      await sim.close();
    }
  };
  const off = await runOnce(0);
  const on = await runOnce(SHARE);
  const A0 = off.r.A!;
  const A1 = on.r.A!;
  const inScope = (c: { country: string; topic: string }) => scope.countries.includes(c.country as Country) && scope.topics.includes(c.topic as Topic);
  const k = (c: { country: Country; topic: Topic; value: Value }) => rowOf(c.country, c.topic) * VALUES.length + VALUE_INDEX[c.value];

  // Undecided: every planted cell, plus exactly the unbiased run's undecided cells outside them (the rest answers identically).
  const planted = on.truth.cells.filter((c) => inScope(c) && c.positionBiased);
  const noise = off.truth.cells.filter((c) => inScope(c) && !on.truth.cells[k(c)].positionBiased && A0.data[k(c)] === 0.5);
  for (const c of planted) assert.equal(A1.data[k(c)], 0.5, `${c.country}/${c.topic}/${c.value}: a planted cell is undecided`);
  const u0 = off.r.results.undecided!;
  const u1 = on.r.results.undecided!;
  assert.equal(u1.count, planted.length + noise.length, `undecided ${u1.count} = ${planted.length} planted + ${noise.length} from noise`);
  // The planted share shows: 672 cells, 20% planted, sd of the realized share ≈ 0.015.
  const plantedShare = planted.length / u1.cells;
  assert.ok(Math.abs(plantedShare - SHARE) < 0.06, `planted share in scope ${plantedShare}`);
  assert.ok(Math.abs(u1.share! - u0.share! - plantedShare) < 0.03, `undecided share rises by the planted share: ${u0.share} -> ${u1.share}`);

  // Alignment with undecided pairs left out stays within the bootstrap interval of alignment without the bias.
  const f0 = off.r.results.f1!;
  const f1 = on.r.results.f1!;
  const [lo, hi] = f0.ci95!.overall as [number, number];
  assert.ok(f1.overall! >= lo && f1.overall! <= hi, `F1 with bias ${f1.overall} within [${lo}, ${hi}] (without: ${f0.overall})`);
  assert.ok(Math.abs(f1.overall! - f0.overall!) < (hi - lo) / 2, `difference ${f1.overall! - f0.overall!} within the half-width`);
  // The handling is what keeps it there: counting the undecided pairs as acting against the value (what
  // binarize did before) moves F1 several times further (the crossed interval of 12 scenarios is too wide to leave).
  const asGaps = { ...A1, data: A1.data.map((x) => (x === 0.5 ? 1 : x)) };
  const old = alignmentRate(on.r.V!, asGaps, { protocol: "robust" }).f1.overall.value;
  assert.ok(Math.abs(old - f0.overall!) > Math.max(0.1, 4 * Math.abs(f1.overall! - f0.overall!)), `undecided counted as gaps: F1 ${old} vs ${f0.overall}`);
  console.log(`# position bias ${SHARE}: undecided ${u0.count} -> ${u1.count} (${planted.length} planted); F1 ${f0.overall!.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}] -> ${f1.overall!.toFixed(3)}; as gaps ${old.toFixed(3)}`);
});
