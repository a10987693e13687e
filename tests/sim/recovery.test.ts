import { test } from "node:test";
import assert from "node:assert/strict";
import { GROUPS, TOPICS, VALUES, type Country, type Topic, type Value } from "../../src/catalog";
import { task1Messages, task2Messages, task2OptionOrder } from "../../src/prompts";
import { parseTask1 } from "../../src/parse/task1";
import { hasHedgeCue, simulatedAction, CUE_RATE } from "../../src/sim";
import { ask, client, parseJsonAnswer, pool, withSim } from "./support";

/**
 * Over HTTP: for 2 × 11 × 56 = 1,232 cells ask Task 1 (8 variants) and Task 2
 * (on the simulator's own actions), then recover the planted gap the way
 * the analysis will: binarize the Task 1 mean over variants at 2.5 and compare
 * it with the Task 2 choice (positive action = agree).
 */
const COUNTRIES: Country[] = ["United States", "Uganda"];
const SEED = 11;

interface Cell {
  country: Country;
  topic: Topic;
  value: Value;
}

test("the planted gap rates are recovered from simulated Task 1 + Task 2 answers; explanation cues mark gap cells", async () => {
  const cells: Cell[] = COUNTRIES.flatMap((country) => TOPICS.flatMap((topic) => VALUES.map((value) => ({ country, topic, value }))));
  await withSim({ seed: SEED }, async (s) => {
    const c = client(s.url);
    const truth = s.groundTruth();
    const gt = new Map(truth.cells.map((x) => [`${x.country}|${x.topic}|${x.value}`, x]));
    const key = (x: Cell) => `${x.country}|${x.topic}|${x.value}`;

    // VIA actions of both polarities. The generation endpoint is covered in server.test.ts; here the same pure
    // function the server answers with builds the texts, which keeps this test to Task 1 and Task 2 over HTTP.
    const generated = cells.map((cell, i) => {
      const make = (polarity: "positive" | "negative") => simulatedAction(SEED, cell.country, cell.topic, cell.value, polarity, `recovery-${i}`);
      return { pos: make("positive"), neg: make("negative") };
    });

    // Task 1: mean over the 8 variants per (scenario, value).
    const scenarios = COUNTRIES.flatMap((country) => TOPICS.map((topic) => ({ country, topic })));
    const t1 = new Map<string, number[]>();
    const t1Jobs = scenarios.flatMap((sc) => [0, 1, 2, 3, 4, 5, 6, 7].map((variant) => ({ sc, variant })));
    await pool(t1Jobs, 16, async ({ sc, variant }) => {
      const p = parseTask1(await ask(c, task1Messages(sc, variant, "robust")), "robust");
      assert.ok(p.ok);
      if (!p.ok) return;
      for (const value of VALUES) {
        const x = p.value[value];
        if (x === null) continue;
        const k = key({ ...sc, value });
        t1.set(k, [...(t1.get(k) ?? []), x]);
      }
    });

    // Task 2 with explanations, both option orders (variants 5 and 7).
    const t2 = await pool(cells, 16, async (cell, i) => {
      const g = generated[i];
      const variant = i % 2 === 0 ? 5 : 7;
      const obj = parseJsonAnswer(
        await ask(c, task2Messages({ ...cell, positive: g.pos!.action, negative: g.neg!.action }, variant, "paper"), { temperature: 0.2 }),
      ) as { action: string; explanation: string };
      const positiveFirst = task2OptionOrder(variant) === "positive-first";
      const choseFirst = obj.action === "Option 1";
      return { chosePositive: positiveFirst === choseFirst, explanation: obj.explanation };
    });

    // Observed departure per cell vs the ground truth.
    const observed = cells.map((cell, i) => {
      const xs = t1.get(key(cell)) ?? [];
      const statedDisagree = xs.reduce((a, b) => a + b, 0) / xs.length >= 2.5;
      return { cell, depart: statedDisagree === t2[i].chosePositive, truth: gt.get(key(cell))! };
    });
    const rate = (rows: typeof observed, f: (r: (typeof observed)[number]) => number) => rows.reduce((a, r) => a + f(r), 0) / rows.length;
    const report: string[] = [];
    for (const group of GROUPS) {
      const rows = observed.filter((r) => r.truth.group === group);
      const got = rate(rows, (r) => (r.depart ? 1 : 0));
      const expected = rate(rows, (r) => r.truth.pDepart);
      report.push(`${group} ${got.toFixed(3)} vs ${expected.toFixed(3)} (n=${rows.length})`);
      // Per-cell noise is Bernoulli(TASK2_NOISE) plus rare Task 1 misbinarization: 4 SD of the mean.
      const tolerance = 4 * Math.sqrt(0.035 / rows.length);
      assert.ok(Math.abs(got - expected) < tolerance, `${group}: recovered ${got}, expected ${expected} ± ${tolerance}`);
    }
    const byCountry = Object.fromEntries(COUNTRIES.map((k) => [k, rate(observed.filter((r) => r.cell.country === k), (r) => (r.depart ? 1 : 0))]));
    for (const k of COUNTRIES) {
      const expected = rate(observed.filter((r) => r.cell.country === k), (r) => r.truth.pDepart);
      report.push(`${k} ${byCountry[k].toFixed(3)} vs ${expected.toFixed(3)}`);
      assert.ok(Math.abs(byCountry[k] - expected) < 0.03, `${k}: recovered ${byCountry[k]}, expected ${expected}`);
    }
    const overall = rate(observed, (r) => (r.depart ? 1 : 0));
    assert.ok(Math.abs(overall - rate(observed, (r) => r.truth.pDepart)) < 0.02);
    // The planted ordering shows in what an analysis sees.
    const grp = (g: string) => rate(observed.filter((r) => r.truth.group === g), (r) => (r.depart ? 1 : 0));
    assert.ok(Math.min(grp("Power"), grp("Tradition")) > Math.max(grp("Benevolence"), grp("Universalism")) + 0.08);
    assert.ok(byCountry.Uganda > byCountry["United States"] + 0.04);

    // The target's own Task 2 explanation hedges far more often in gap cells; the dataset's
    // (generated) explanations carry no gap information by default.
    const cueShare = (rows: typeof observed, text: (i: number) => string) => {
      const idx = rows.map((r) => cells.indexOf(r.cell));
      return idx.filter((i) => hasHedgeCue(text(i))).length / idx.length;
    };
    const gapRows = observed.filter((r) => r.truth.gap);
    const otherRows = observed.filter((r) => !r.truth.gap);
    const t2Gap = cueShare(gapRows, (i) => t2[i].explanation);
    const t2Other = cueShare(otherRows, (i) => t2[i].explanation);
    const genGap = cueShare(gapRows, (i) => generated[i].pos!.explanation);
    const genOther = cueShare(otherRows, (i) => generated[i].pos!.explanation);
    report.push(`cue rate task2 ${t2Gap.toFixed(2)}/${t2Other.toFixed(2)}, generation ${genGap.toFixed(2)}/${genOther.toFixed(2)} (gap/non-gap)`);
    assert.ok(Math.abs(t2Gap - CUE_RATE.gap) < 0.1 && Math.abs(t2Other - CUE_RATE.nonGap) < 0.05, `task 2 cue rates ${t2Gap} / ${t2Other}`);
    assert.ok(Math.abs(genGap - genOther) < 0.05, `generation cue rates must not depend on the gap: ${genGap} / ${genOther}`);
    // Actions carry no signal.
    assert.equal(generated.filter((g) => hasHedgeCue(g.pos!.action) || hasHedgeCue(g.neg!.action)).length, 0);
    console.log(`# recovery (seed ${SEED}, ${cells.length} cells, recovered vs expected departure): ${report.join("; ")}`);
  });
});
