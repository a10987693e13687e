import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { writeManifest } from "../../src/runs/manifest";
import type { GenerateRecord } from "../../src/runs/records";
import { emptyManifest, task1Record, task2Record } from "./records";
import { makeRng } from "../../src/analysis/random";
import type { Grid } from "../../src/figures/results";
import type { GapResults } from "../../src/figures/schemas";
import type { MatricesJson, ModelResultsJson, ResultsJson } from "../../src/results/schema";
import type { Value } from "../../src/catalog";

/**
 * Small synthetic inputs for figure and report tests and the figure bench:
 * the shapes of results.json (the one schema of src/results: vag reproduce and
 * vag analyze), matrices.json, out/gap/results.json and misaligned.json,
 * filled with seeded random numbers (never published data).
 */
export function syntheticGrid(names: readonly string[], seed: number, scale = 1): Record<string, Record<Value, number>> {
  const rng = makeRng(seed);
  return Object.fromEntries(names.map((n) => [n, Object.fromEntries(VALUES.map((v) => [v, rng.next() * scale])) as Record<Value, number>]));
}

function byName(names: readonly string[], seed: number, lo: number, hi: number): Record<string, number> {
  const rng = makeRng(seed);
  return Object.fromEntries(names.map((n) => [n, lo + rng.next() * (hi - lo)]));
}

function ranking(grid: Record<string, Record<Value, number>>): Record<string, Array<[Value, number]>> {
  return Object.fromEntries(
    Object.entries(grid).map(([k, row]) => [k, VALUES.map((v) => [v, row[v]] as [Value, number]).sort((a, b) => b[1] - a[1])]),
  );
}

export const SYNTHETIC_MODELS = ["model-a", "model-b"] as const;

export function syntheticResults(opts: { simulated?: boolean; models?: readonly string[] } = {}): ResultsJson {
  const models = opts.models ?? SYNTHETIC_MODELS;
  const out: ResultsJson & Required<Pick<ResultsJson, "task2_prompt_agreement" | "gap_prediction_fewshot">> = {
    models: {},
    task2_prompt_agreement: {},
    gap_prediction_fewshot: {},
    risk_counts: { Discrimination: 12, "Autonomy Violation": 3, Polarization: 5 },
  };
  if (opts.simulated) out.simulated = true;
  const provenance = { seed: 1, resamples: 1000 };
  models.forEach((m, i) => {
    const byCountry = byName(COUNTRIES, 10 + i, 0.3, 0.6);
    const byTopic = byName(TOPICS, 20 + i, 0.3, 0.6);
    const ci = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, [x - 0.05, x + 0.04] as [number, number]]));
    const scheme = { overall: "crossed" as const, by_country: "topics" as const, by_topic: "countries" as const };
    const distC = syntheticGrid(COUNTRIES, 30 + i, 0.5);
    const distT = syntheticGrid(TOPICS, 40 + i, 0.5);
    const byValue = syntheticGrid(["all"], 45 + i, 0.5).all;
    const total = 1100 + 50 * i;
    const entry: ModelResultsJson = {
      protocol: "paper",
      task1_agreement: 0.9 + i * 0.02,
      f1: { overall: 0.45, by_country: byCountry, by_topic: byTopic, ci95: { overall: [0.4, 0.5], by_country: ci(byCountry), by_topic: ci(byTopic), scheme, ...provenance } },
      f1_inverted: { overall: 0.9, by_country: byName(COUNTRIES, 50 + i, 0.85, 0.95), by_topic: byName(TOPICS, 60 + i, 0.85, 0.95) },
      kappa: { overall: 0.3 + i * 0.05, ci95: { overall: [0.25 + i * 0.05, 0.36 + i * 0.05], scheme: { overall: "crossed" }, ...provenance } },
      null_f1: { observed: 0.45, mean: 0.41 - i * 0.02, sd: 0.012, p: 0.004, permutations: 1000, seed: 1 },
      distance_group_mean: { by_country: distC, by_topic: distT, by_value: byValue },
      ranking: { by_country: ranking(distC), by_topic: ranking(distT) },
      ranking_stability: {
        form: "group-mean",
        ...provenance,
        by_country: Object.fromEntries(
          Object.entries(ranking(distC)).map(([c, r]) => [
            c,
            {
              scheme: "topics" as const,
              rank_ci95: Object.fromEntries(r.map(([v], k) => [v, [Math.max(1, k - 1), Math.min(56, k + 3)] as [number, number]])),
              top5: r.slice(0, 5).map(([v], k) => ({ value: v, rank: k + 1, p_top5: 0.9 - k * 0.1 })),
              p_top1_stays: 0.6,
            },
          ]),
        ),
      },
      inconsistency: {
        stated_disagree_acted_agree: 400 + 100 * i,
        stated_agree_acted_disagree: 700 - 50 * i,
        total,
        share: total / 7392,
        ci95: { stated_disagree_acted_agree: [350, 600], stated_agree_acted_disagree: [600, 760], total: [total - 90, total + 80], share: [(total - 90) / 7392, (total + 80) / 7392], scheme: "crossed", ...provenance },
      },
      undecided: { count: 0, cells: 7392, share: 0, by_country: {} },
      gap_claims: [
        { country: "Nigeria", value: "Social Power", distance: 0.41, p: 0.001, q: 0.02 },
        { country: "Egypt", value: "Wealth", distance: 0.33, p: 0.03, q: 0.2 },
      ],
      sensitivity: {
        baseline: "cut-2.5",
        rows: [
          { setting: "cut-2.5", task1_cut: 2.5, centred: false, missing: "paper-defaults", f1: 0.45, f1_inverted: 0.9, kappa: 0.3, inconsistency: { total, share: total / 7392, cells: 7392 }, undecided: { task1: 0, task2: 0 } },
          { setting: "cut-2", task1_cut: 2, centred: false, missing: "paper-defaults", f1: 0.5, f1_inverted: 0.85, kappa: 0.28, inconsistency: { total: total + 200, share: (total + 200) / 7392, cells: 7392 }, undecided: { task1: 0, task2: 0 } },
        ],
      },
    };
    out.models[m] = entry;
    out.task2_prompt_agreement[m] = 0.91 + i * 0.01;
    out.gap_prediction_fewshot[m] = {
      default: { f1: 0.78, accuracy: 0.72, precision: 0.65, recall: 1, n: 200 },
      attribution: { f1: 0.8, accuracy: 0.75, precision: 0.67, recall: 1, n: 200 },
      explanation: { f1: 0.82, accuracy: 0.78, precision: 0.7, recall: 1, n: 200 },
      attribution_explanation: { f1: 0.82, accuracy: 0.78, precision: 0.7, recall: 1, n: 200 },
    };
  });
  return out;
}

export function syntheticMatrices(opts: { simulated?: boolean; models?: readonly string[] } = {}): MatricesJson {
  const models = opts.models ?? SYNTHETIC_MODELS;
  return {
    ...(opts.simulated ? { simulated: true } : {}),
    heatmaps: Object.fromEntries(
      models.map((m, i) => [
        m,
        {
          task1_by_country: syntheticGrid(COUNTRIES, 100 + i),
          task2_by_country: syntheticGrid(COUNTRIES, 200 + i),
          task1_by_topic: syntheticGrid(TOPICS, 300 + i),
          task2_by_topic: syntheticGrid(TOPICS, 400 + i),
        },
      ]),
    ),
  };
}

export function syntheticGap(): GapResults {
  const exps = [];
  for (const setting of ["action", "action+attribution", "action+explanation", "action+attribution+explanation"]) {
    for (const method of ["logistic", "majority"]) {
      const f1 = method === "logistic" ? 0.7 + setting.length / 100 : 0.5;
      exps.push({ target: "model-a", label: "choice", setting, method, n: 300, f1, accuracy: 0.7, precision: 0.7, recall: 0.7, auc: 0.75, ci95: { f1: [f1 - 0.05, f1 + 0.05] as [number, number], auc: null } });
    }
  }
  const verdicts = [
    {
      target: "model-a",
      label: "gap",
      n: 300,
      conclusion: "no detectable gain",
      sentence: "model-a (gap): **no detectable gain from text** in prediction <i>as text</i>",
      bestTextFree: { setting: "value x stated", auc: 0.8, f1: 0.5 },
      bestWithText: { setting: "action", auc: 0.81, f1: 0.52 },
      gain: { auc: 0.01, f1: 0.02, ci95: [-0.01, 0.03] as [number, number], p: 0.3 },
    },
  ];
  return { experiments: exps, verdicts, top_features: {} };
}

export interface MisalignedExample {
  model: string;
  country: string;
  topic: string;
  value: string;
  stated: string;
  acted: string;
  action: string;
  explanation: string;
}

export function syntheticMisaligned(n = 40, models: readonly string[] = SYNTHETIC_MODELS): MisalignedExample[] {
  const rng = makeRng(7);
  return Array.from({ length: n }, (_, k) => {
    const stated = rng.next() < 0.5 ? "agree" : "disagree";
    return {
      model: models[k % models.length],
      country: COUNTRIES[rng.int(COUNTRIES.length)],
      topic: TOPICS[rng.int(TOPICS.length)],
      value: VALUES[rng.int(VALUES.length)],
      stated,
      acted: stated === "agree" ? "disagree" : "agree",
      action: `I example action number ${k} <b>not bold</b>`,
      explanation: `Because of reason ${k}.`,
    };
  });
}

/**
 * A tiny simulated run directory: Task 1 for India + Politics answers 4
 * (strongly disagree) for every value; Task 2 for India + Politics + Wealth
 * chose the positive action (agree), with an explanation; generate.jsonl has
 * both actions of that cell. So exactly one misaligned cell: Wealth, stated
 * disagree, acted agree.
 */
export function writeSyntheticRun(dir: string, model = "sim-model"): void {
  writeManifest(dir, emptyManifest(model));
  const answers = Object.fromEntries(VALUES.map((v) => [v, 4]));
  const t1 = [task1Record(0, { country: "India", topic: "Politics", answers: answers as never, model })];
  const t2 = [
    task2Record(0, { country: "India", topic: "Politics", value: "Wealth", chosenPolarity: "positive", choice: 2, model, explanation: "Money keeps my family safe." }),
  ];
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { value, optionOrder, choice, chosenPolarity, explanation, actionsSource, ...common } = task2Record(1);
  const gen = (polarity: "positive" | "negative", action: string): GenerateRecord => ({
    ...common,
    id: `gen-${polarity}`,
    task: "generate",
    model,
    country: "India",
    topic: "Politics",
    value: "Wealth",
    polarity,
    action,
    attributions: [],
    explanation: `generated explanation (${polarity})`,
  });
  const lines = (xs: object[]) => xs.map((r) => JSON.stringify(r) + "\n").join("");
  writeFileSync(join(dir, "task1.jsonl"), lines(t1));
  writeFileSync(join(dir, "task2.jsonl"), lines(t2));
  writeFileSync(join(dir, "generate.jsonl"), lines([gen("positive", "I save money for my family."), gen("negative", "I give my savings away.")]));
}
