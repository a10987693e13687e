import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { respondent, simulatedAction } from "../../src/sim";
import { runGap } from "../../src/gap/runGap";
import type { PairInput } from "../../src/gap/labels";
import { baselineSettings, textSettings } from "../../src/gap/settings";

/**
 * Issue 11 item 6. Labels are the simulator's ground truth: each cell's stated
 * inclination and planted gap flag decide the chosen action. By default the
 * generated (dataset) explanations carry no information about the gap, so the
 * best text setting must not beat the best text-free baseline. With the
 * documented switch (`explanationSignal`, src/sim/planted.ts CONTESTED_*), a
 * share of cells is "contested": their gap rate is higher and both actions'
 * explanations say so, and the predictor must find a text gain and name the
 * contested wording among its heaviest features.
 */
const SEED = 7;

function simulatedPairs(explanationSignal: boolean): PairInput[] {
  const r = respondent(SEED, { explanationSignal });
  const pairs: PairInput[] = [];
  for (const country of COUNTRIES.slice(0, 4))
    for (const topic of TOPICS)
      for (const value of VALUES) {
        const cell = r.cell(country, topic, value);
        const stated = cell.statedDisagree ? 1 : 0;
        const actsDisagree = cell.gap ? 1 - stated : stated;
        pairs.push({
          country,
          topic,
          value,
          stated,
          chosenPolarity: actsDisagree ? "negative" : "positive",
          positive: simulatedAction(SEED, country, topic, value, "positive", 0, { explanationSignal }),
          negative: simulatedAction(SEED, country, topic, value, "negative", 0, { explanationSignal }),
          targetExplanation: null,
        });
      }
  return pairs;
}

const settings = () => [...baselineSettings("gap"), ...textSettings("gap").filter((s) => s.id === "action+explanation")];
const run = (signal: boolean) =>
  runGap([{ id: "sim", pairs: simulatedPairs(signal) }], { labels: ["gap"], settings, bootstrap: 300, folds: 4, topK: 20 });

test("signal off: the dataset's explanations give no text gain over the best text-free baseline", () => {
  const r = run(false);
  const v = r.verdicts[0];
  assert.ok(v.bestTextFree && v.bestWithText && v.gain, JSON.stringify(v));
  assert.notEqual(v.conclusion, "text helps", v.sentence);
  assert.ok(v.gain.ci95[0] <= 0, v.sentence);
});

test("signal on: the predictor recovers the planted contested-cell wording", () => {
  const r = run(true);
  const v = r.verdicts[0];
  assert.equal(v.conclusion, "text helps", v.sentence);
  assert.equal(v.bestWithText!.setting, "action+explanation");
  assert.ok(v.gain!.auc > 0.02 && v.gain!.ci95[0] > 0 && v.gain!.p < 0.05, v.sentence);
  const best = r.settings[0].results.find((s) => s.setting === "action+explanation")!;
  const names = best.top!.positive.map((f) => f.feature).join(" / ");
  assert.match(names, /explanation\|(divided|contested|argue|sharply|opinions)/, names);
});
