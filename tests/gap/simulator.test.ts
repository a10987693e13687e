import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { respondent, simulatedAction } from "../../src/sim";
import { runGapExperiment } from "../../src/gap/experiment";
import type { PairInput } from "../../src/gap/labels";

/**
 * The simulator plants its gap signal in explanation wording (hedging cues fire
 * far more often in gap cells, src/sim/planted.ts CUE_RATE) and never in the
 * action text. Labels here are the simulator's known ground truth: the stated
 * inclination and the planted gap flag of each cell decide the chosen action.
 * So the explanation settings must beat `action`, with a paired CI above 0.
 */
const SEED = 7;

function simulatedPairs(countries: readonly (typeof COUNTRIES)[number][]): PairInput[] {
  const r = respondent(SEED);
  const pairs: PairInput[] = [];
  for (const country of countries)
    for (const topic of TOPICS)
      for (const value of VALUES) {
        const cell = r.cell(country, topic, value);
        const stated = cell.statedDisagree ? 1 : 0;
        // gap cells act against the stated side; agree (0) goes with the positive action
        const actsDisagree = cell.gap ? 1 - stated : stated;
        const pos = simulatedAction(SEED, country, topic, value, "positive", 0);
        const neg = simulatedAction(SEED, country, topic, value, "negative", 0);
        pairs.push({
          country,
          topic,
          value,
          stated,
          chosenPolarity: actsDisagree ? "negative" : "positive",
          positive: pos,
          negative: neg,
          targetExplanation: null,
        });
      }
  return pairs;
}

test("on the simulator's ground truth, explanation settings beat `action` (gap label)", () => {
  const pairs = simulatedPairs(COUNTRIES.slice(0, 4));
  const truth = pairs.filter((p) => (p.chosenPolarity === "negative" ? 1 : 0) !== p.stated).length;
  assert.ok(truth > 100, `planted gaps: ${truth}`);
  const r = runGapExperiment([{ id: "sim", pairs }], {
    labels: ["gap"],
    settings: ["action", "action+explanation", "action+attribution+explanation"],
    bootstrap: 200,
    features: { dim: 1024 },
  });
  const row = (setting: string, method: string) => r.experiments.find((e) => e.setting === setting && e.method === method)!;
  assert.equal(r.data[0].positives, truth);
  for (const s of ["action", "action+explanation", "action+attribution+explanation"]) {
    for (const m of ["logistic", "majority", "random"]) assert.ok(row(s, m), `${s}/${m} row present`);
    assert.ok(row(s, "logistic").ci95.f1 && row(s, "logistic").ci95.auc);
  }
  const a = row("action", "logistic");
  const e = row("action+explanation", "logistic");
  assert.ok(e.auc! > a.auc! + 0.02, `AUC action ${a.auc} vs action+explanation ${e.auc}`);
  assert.ok(e.f1 > a.f1, `F1 action ${a.f1} vs action+explanation ${e.f1}`);
  const eff = r.effects[0];
  assert.equal(eff.baseline, "action");
  assert.ok(eff.difference.auc! > 0 && eff.difference.ci95.auc![0] > 0, JSON.stringify(eff.difference));
  assert.ok(eff.difference.f1 > 0 && eff.difference.ci95.f1![0] > 0, JSON.stringify(eff.difference));
  // the planted cue words should be among the heaviest positive weights of the best setting
  const top = r.top_features.sim.gap!;
  assert.notEqual(top.setting, "action");
  const names = top.positive.map((f) => f.name).join(" ");
  assert.match(names, /explanation:hedging|explanation:contrast|explanation\|(although|in|practice|admittedly|however|sometimes)/);
});
