import { hashSeed, makeRng, sampleIndices, type Rng } from "../analysis/random";
import type { LlmClient } from "../llm/types";
import { fewShotMessages, FEWSHOT_SETTINGS, type FewShot, type FewShotSetting } from "../prompts/fewshot";
import type { ExperimentRow } from "./results";
import { fewShotPrediction, scoreFewShot } from "./fewshotScore";
import type { GapExample, LabelKind } from "./labels";
import { bootstrapCi } from "./metrics";

/**
 * The paper's few-shot gap predictor (method.md §8) through any LlmClient:
 * an observer model (gpt-4o-mini at temperature 0.2 in the paper) sees 10 True
 * and 10 False labelled actions and predicts the label of each test action.
 *
 * Sampling (our own seeded sampler; pandas' sample(random_state=42) is not
 * portable): items are the examples whose action and explanation parsed, in
 * their order; the train pool is the first 7,000 items (at most half of the
 * items when there are fewer than 14,000, so small runs keep a test pool),
 * the test pool the rest. From the train pool 10 True and 10 False shots,
 * from the test pool 100 True and 100 False test items, each drawn uniformly
 * without replacement (sampleIndices). Shots are shown True block first, then
 * False, and test items are scored True block first, as a pandas concat of the
 * two samples would give [I]. Fewer available items shrink the samples (noted).
 * The same shots and test items serve all four settings.
 */
export interface FewShotOptions {
  model: string;
  temperature: number;
  seed: number;
  trainPool: number;
  shotsPerClass: number;
  testPerClass: number;
  bootstrap: number;
}

export const DEFAULT_FEWSHOT_OPTIONS: Omit<FewShotOptions, "model"> = {
  temperature: 0.2,
  seed: 42,
  trainPool: 7000,
  shotsPerClass: 10,
  testPerClass: 100,
  bootstrap: 1000,
};

/** Our setting name for each of the paper's few-shot settings. */
export const FEWSHOT_TO_SETTING: Record<FewShotSetting, string> = {
  default: "action",
  attribution: "action+attribution",
  explanation: "action+explanation",
  attribution_explanation: "action+attribution+explanation",
};

export interface FewShotSample {
  shots: FewShot[];
  test: FewShot[];
  notes: string[];
}

const toShot = (e: GapExample): FewShot | null => {
  const t = e.texts.self;
  return t?.action && t.explanation ? { action: t.action, attributions: [...t.attributions], explanation: t.explanation, label: e.label === 1 } : null;
};

export function sampleFewShot(examples: readonly GapExample[], rng: Rng, o: Pick<FewShotOptions, "trainPool" | "shotsPerClass" | "testPerClass">): FewShotSample {
  const items = examples.map(toShot).filter((s): s is FewShot => s !== null);
  const notes: string[] = [];
  const poolSize = items.length >= 2 * o.trainPool ? o.trainPool : Math.min(o.trainPool, Math.floor(items.length / 2));
  if (poolSize < o.trainPool) notes.push(`few-shot: only ${items.length} usable items, train pool = first ${poolSize}`);
  const draw = (pool: FewShot[], label: boolean, k: number, what: string) => {
    const cls = pool.filter((s) => s.label === label);
    const n = Math.min(k, cls.length);
    if (n < k) notes.push(`few-shot: only ${cls.length} ${label} ${what} available (wanted ${k})`);
    return sampleIndices(cls.length, n, rng).map((i) => cls[i]);
  };
  const train = items.slice(0, poolSize);
  const test = items.slice(poolSize);
  const shots = [...draw(train, true, o.shotsPerClass, "shots"), ...draw(train, false, o.shotsPerClass, "shots")];
  const testItems = [...draw(test, true, o.testPerClass, "test items"), ...draw(test, false, o.testPerClass, "test items")];
  return { shots, test: testItems, notes };
}

export interface FewShotOutput {
  setting: FewShotSetting;
  label: boolean;
  reply: string | null;
  error: string | null;
}

export interface FewShotRun {
  rows: ExperimentRow[];
  outputs: FewShotOutput[];
  notes: string[];
}

/** Run the four settings for one target and label kind; every call goes through `client` (cache, limiter, retries). */
export async function runFewShot(
  client: LlmClient,
  target: string,
  labelKind: LabelKind,
  examples: readonly GapExample[],
  options: Partial<FewShotOptions> & { model: string },
  settings: readonly FewShotSetting[] = FEWSHOT_SETTINGS,
): Promise<FewShotRun> {
  const o = { ...DEFAULT_FEWSHOT_OPTIONS, ...options };
  const sample = sampleFewShot(examples, makeRng(hashSeed(`${o.seed}:fewshot-sample:${target}:${labelKind}`)), o);
  const rows: ExperimentRow[] = [];
  const outputs: FewShotOutput[] = [];
  const notes = [...sample.notes];
  if (sample.shots.length === 0 || sample.test.length === 0) {
    notes.push(`few-shot ${target} / ${labelKind}: no shots or no test items, skipped`);
    return { rows, outputs, notes };
  }
  for (const setting of settings) {
    const results = await Promise.all(
      sample.test.map((q) =>
        client.complete({ model: o.model, messages: fewShotMessages(setting, sample.shots, { action: q.action }), temperature: o.temperature }),
      ),
    );
    const replies = results.map((r) => r.output);
    const failures = results.filter((r) => r.error !== null).length;
    if (failures > 0) notes.push(`few-shot ${target} / ${labelKind} / ${setting}: ${failures} calls failed (scored as False predictions)`);
    sample.test.forEach((q, i) => outputs.push({ setting, label: q.label, reply: replies[i], error: results[i].error }));
    const labels = sample.test.map((q) => q.label);
    const s = scoreFewShot(labels, replies);
    if (s.unparsed > 0) notes.push(`few-shot ${target} / ${labelKind} / ${setting}: ${s.unparsed} replies without "True"/"False" as second token (scored as False)`);
    const y = labels.map((l) => (l ? 1 : 0));
    const pred = replies.map((r) => (fewShotPrediction(r) === true ? 1 : 0));
    const ci = bootstrapCi(y, pred, null, o.bootstrap, makeRng(hashSeed(`${o.seed}:fewshot-bootstrap:${target}:${labelKind}:${setting}`)));
    rows.push({
      target,
      label: labelKind,
      setting: FEWSHOT_TO_SETTING[setting],
      method: "fewshot",
      n: s.n,
      f1: s.f1,
      accuracy: s.accuracy,
      precision: s.precision,
      recall: s.recall,
      auc: null,
      ci95: { f1: ci.f1, auc: null },
    });
  }
  return { rows, outputs, notes };
}
