import { evaluateTarget, DEFAULT_EVALUATE_OPTIONS, type EvaluateOptions } from "./evaluate";
import { examplesFor, LABEL_KINDS, type LabelKind } from "./labels";
import { DEFAULT_LOGISTIC_OPTIONS } from "./logistic";
import { experimentRow, type GapResults, type GapTarget } from "./results";
import { settingsFor, type Setting } from "./settings";
import { loadGapTargets, type GapSource } from "./sources";
import { verdictOf } from "./verdict";

/**
 * The whole gap comparison for some targets (or a source to load them from,
 * sources.ts): for every target and label,
 * build the examples (labels.ts), evaluate every setting by nested grouped CV
 * (evaluate.ts) and write the verdict (verdict.ts). `vag gap`, the demo and
 * notebook 05 all call this one function.
 *
 * `settings` replaces the settings of a label (settings.ts `settingsFor`,
 * `withFeatures` to add a feature function); `gap-posthoc` is evaluated only
 * when some example carries the target's own Task 2 explanation.
 */
export interface GapOptions extends EvaluateOptions {
  labels: readonly LabelKind[];
  settings?: (label: LabelKind) => readonly Setting[];
}

export const DEFAULT_GAP_OPTIONS: GapOptions = { ...DEFAULT_EVALUATE_OPTIONS, labels: LABEL_KINDS };

export function runGap(input: GapSource | readonly GapTarget[], options: Partial<GapOptions> = {}): GapResults {
  const o: GapOptions = { ...DEFAULT_GAP_OPTIONS, ...options };
  const loaded = Array.isArray(input) ? { targets: input as readonly GapTarget[], notes: [] } : loadGapTargets(input as GapSource);
  const targets = loaded.targets;
  const { log: _log, settings: _s, ...serializable } = o;
  const results: GapResults = {
    verdicts: [],
    experiments: [],
    settings: [],
    data: [],
    notes: [...loaded.notes],
    options: { ...serializable, logistic: { ...DEFAULT_LOGISTIC_OPTIONS, ...o.logistic } },
  };
  for (const target of targets) {
    for (const label of o.labels) {
      const examples = examplesFor(label, target.pairs);
      const settings = (o.settings ?? settingsFor)(label);
      let reason: string | undefined;
      if (label === "gap-posthoc" && !examples.some((e) => e.targetExplanation))
        reason = "the target gave no Task 2 explanations (the published Task 2 has none; run Task 2 with explanations)";
      const r = evaluateTarget(target.id, label, examples, reason ? [] : settings, o);
      const positives = examples.reduce((s, e) => s + e.label, 0);
      results.data.push({ target: target.id, label, n: examples.length, positives, scenarios: r.scenarios });
      results.notes.push(...r.notes);
      results.settings.push({ target: target.id, label, results: r.settings });
      results.experiments.push(...r.settings.map((s) => experimentRow(target.id, label, s)));
      const v = verdictOf(r, { seed: o.seed, bootstrap: o.bootstrap, reason });
      results.verdicts.push(v);
      o.log?.(`verdict: ${v.sentence.replace(/\*\*/g, "")}`);
    }
  }
  return results;
}
