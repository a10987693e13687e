import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cellConfidence, cellConfidenceVector, task1Confidence, unanimity } from "../analysis/confidence";
import { cellOf } from "../analysis/matrix";
import { actedMatrix, type ActedChoice } from "../analysis/acted";
import type { Matrix } from "../analysis/matrix";
import { modelMatrices, type ModelMatrices } from "../analysis/heatmapGrids";
import { paperTask2Agreement, task1AgreementOfRows } from "../analysis/promptAgreement";
import { itemsMeanInterval, pairedSettingsIntervals } from "../analysis/itemIntervals";
import { riskCounts, type RiskCounts } from "../analysis/risk";
import { statedMatrix } from "../analysis/stated";
import { UserError } from "../errors";
import { fewShotBaselines, fewShotMcNemar, fewShotPrediction, scoreFewShot, type FewShotScore, type RuleScore } from "../gap/fewshotScore";
import { hashSeed, makeRng, sampleIndices } from "../analysis/random";
import type { ParseInfo, Task1Record, Task2Record } from "../runs/records";
import { VIA_FILES } from "../via/files";
import { importFewShot } from "../via/importFewShot";
import { importMisaligned, type MisalignedExample } from "../via/importMisaligned";
import { importPromptAgreement, type PromptAgreementPair } from "../via/importPromptAgreement";
import type { ImportStats } from "../via/importStats";
import { importTask1 } from "../via/importTask1";
import { parseTask1 } from "../parse/task1";
import { parseTask2 } from "../parse/task2";
import { refusalSummary, type RefusalRecord } from "../results/refusals";
import { importTask2 } from "../via/importTask2";
import type { HumanEvaluation } from "../analysis/humanEvaluation";
import { compareModels, type ComparedModel } from "../results/modelComparisons";
import { modelCountryComparisons } from "../results/countryComparisons";
import { DEFAULT_RESAMPLES, DEFAULT_RESULTS_SEED, modelResults } from "../results/modelResults";
import type { FewShotBaselinesJson, FewShotJson, ModelResultsJson, ResultsJson } from "../results/schema";
import { reproduceHumanEvaluation } from "./humanEvaluationRun";
import {
  DATASET_FILE,
  FEWSHOT_SETTINGS,
  fewShotFile,
  MISALIGNED_FILES,
  MODEL_IDS,
  SKIPPED_MISALIGNED_FILES,
  TASK1_FILES,
  TASK2_AGREEMENT_FILES,
  TASK2_FILES,
  type FewShotSetting,
  type ModelId,
} from "../via/models";

/**
 * `vag reproduce`: everything the published files support, under the paper
 * protocol (design.md §4), as one pure computation over a data directory.
 * Nothing is written here (see writeReproduction.ts); a malformed input stops
 * everything with `FILE:LINE: reason` before any output exists.
 */

/** results.json is the one schema of src/results (reproduce and analyze write it, figures and the report read it). */
export type { ResultsJson, ModelResultsJson, FewShotJson, FewShotBaselinesJson };

/** A reproduction always has these sections (possibly empty). */
export type ReproductionResults = ResultsJson & Required<Pick<ResultsJson, "task2_prompt_agreement" | "gap_prediction_fewshot" | "risk_counts">>;

export interface InputCheck {
  path: string;
  expectedSha256: string;
  actualSha256: string | null;
  matches: boolean;
}

/** Cross-check of Table 4 for models without Task 2 data: the published misaligned examples per direction. */
export interface MisalignedDirections {
  stated_disagree_acted_agree: number;
  stated_agree_acted_disagree: number;
  total: number;
}

export interface Reproduction {
  dataDir: string;
  protocol: "paper";
  seed: number;
  iterations: number;
  results: ReproductionResults;
  /** Extras for the tables and REPRODUCTION.md (not part of results.json). */
  detail: {
    /** Task 2 cells that defaulted to agree (paper protocol). */
    task2Missing: Partial<Record<ModelId, number>>;
    fewshot: Partial<Record<ModelId, Record<FewShotSetting, FewShotScore>>>;
    risk: RiskCounts;
    misalignedDirections: Partial<Record<ModelId, MisalignedDirections>>;
    dataset: { rows: number; refusals: number; usablePairs: number } | null;
    /** Heatmap grids per model (matrices.json): Task 1 for every model with a Task 1 file, Task 2 where rebuilt. */
    heatmaps: Partial<Record<ModelId, ModelMatrices>>;
    /** The published misaligned examples (misaligned.json, for the report). */
    /** ACT per prompt of the summary rows typed into Hua's HEAD sheet (its means, then A1, A2, Avg), for Table 9's causes. */
    humanSheetSummary?: Array<Array<number | null>>;
    /** results.json's human_evaluation as the analysis typed it (the file's schema makes its numbers nullable). */
    humanEvaluation?: HumanEvaluation;
    examples: Array<{
      model: ModelId;
      country: string;
      topic: string;
      value: string;
      stated: string;
      acted: string;
      action: string | null;
      explanation: string | null;
      /** The stated value is unstable: the cell's Task 1 prompt variants do not all binarise the same way (null: fewer than 2 parsed). */
      unstable?: boolean | null;
    }>;
  };
  imports: ImportStats[];
  skippedFiles: Record<string, string>;
  inputs: InputCheck[];
}

export interface ReproduceOptions {
  dataDir: string;
  /** Bootstrap seed and resamples for the CIs. */
  seed?: number;
  iterations?: number;
  /**
   * Also import the VIA dataset (only its refusal and usable-pair counts in
   * REPRODUCTION.md depend on it; no table does). Default false: it is the
   * largest file and the lenient parse of 14,784 generations dominates the run.
   */
  dataset?: boolean;
}


/** Files `reproduce` cannot do without (the dataset is optional). */
export function requiredFiles(): string[] {
  const files: string[] = [];
  for (const m of MODEL_IDS) {
    const t1 = TASK1_FILES[m];
    if (t1) files.push(t1);
    const t2 = TASK2_FILES[m];
    if (t2) files.push(t2.path);
    const mis = MISALIGNED_FILES[m];
    if (mis) files.push(mis.path);
    const agr = TASK2_AGREEMENT_FILES[m];
    if (agr) files.push(agr);
    for (const s of FEWSHOT_SETTINGS) {
      const f = fewShotFile(m, s);
      if (f) files.push(f);
    }
  }
  return files;
}

export function reproduce(opts: ReproduceOptions): Reproduction {
  const { dataDir } = opts;
  const seed = opts.seed ?? DEFAULT_RESULTS_SEED;
  const iterations = opts.iterations ?? DEFAULT_RESAMPLES;
  const missing = requiredFiles().filter((f) => !existsSync(join(dataDir, f)));
  if (missing.length > 0) {
    throw new UserError(
      `${missing.length} published file(s) missing under ${dataDir}, e.g. ${missing[0]} (run \`vag data fetch\` or pass --data-dir / set VAL_DATA_DIR)`,
      2,
    );
  }
  const imports: ImportStats[] = [];
  const results: ReproductionResults = {
    simulated: false,
    protocol: "paper",
    models: {},
    task2_prompt_agreement: {},
    task2_prompt_agreement_ci95: {},
    task2_prompt_agreement_refusals: {},
    gap_prediction_fewshot: {},
    gap_prediction_fewshot_baselines: {},
    risk_counts: {},
  };
  const detail: Reproduction["detail"] = {
    task2Missing: {},
    fewshot: {},
    risk: { counts: {} as RiskCounts["counts"], tagged: 0, total: 0 },
    misalignedDirections: {},
    dataset: null,
    heatmaps: {},
    examples: [],
  };

  // The published misaligned examples come first: for models without Task 2 they are the gap cells of the confidence section.
  const misaligned = new Map<ModelId, MisalignedExample[]>();
  for (const model of MODEL_IDS) {
    const spec = MISALIGNED_FILES[model];
    if (!spec) continue;
    const imp = importMisaligned(dataDir, model, spec);
    imports.push(imp.stats);
    misaligned.set(model, imp.records);
  }
  const unanimityOf = new Map<ModelId, Float64Array>();
  // Models with Task 2 (GPT-4o-mini, Claude): compared on their shared scenarios (paired, crossed bootstrap, BH q).
  const compared: ComparedModel[] = [];
  for (const model of MODEL_IDS) {
    const t1Path = TASK1_FILES[model];
    if (!t1Path) continue;
    const t1 = importTask1(dataDir, t1Path, model, "paper");
    imports.push(t1.stats);
    const V = statedMatrix(t1.records, "paper").matrix;
    let A: Matrix | null = null;
    let answered: Matrix | null = null;
    let choices: readonly ActedChoice[] | null = null;
    const t2Spec = TASK2_FILES[model];
    if (t2Spec) {
      const t2 = importTask2(dataDir, model, t2Spec);
      imports.push(t2.stats);
      choices = t2.records;
      const acted = actedMatrix(choices, "paper");
      A = acted.matrix;
      answered = acted.answered;
      detail.task2Missing[model] = acted.missing;
      results.gap_prediction_fewshot_baselines![model] = targetRuleBaselines(t2.records, makeRng(hashSeed(`${seed}:fewshot-baselines:${model}`)));
    }
    const task1Conf = task1Confidence(t1.records);
    unanimityOf.set(model, unanimity(task1Conf));
    const listed = A ? [] : (misaligned.get(model) ?? []).map((e) => cellOf(e.country, e.topic, e.value));
    // Every measure of the model with its interval, computed where every other consumer computes it.
    results.models[model] = modelResults(V, A, "paper", {
      seed,
      resamples: iterations,
      // Table 8 Task 1 (paper protocol: the prompt rows as the paper parser read them).
      task1Agreement: task1AgreementOfRows(t1.records),
      sensitivity: choices ? { protocol: "paper", task1: t1.records, task2: choices } : undefined,
      // Confidence (issue 12): gaps from the Task 2 choices where published, else from the misaligned examples.
      confidence: {
        task1: task1Conf,
        actedAnswered: answered,
        exampleGapUnits: listed.length > 0 ? listed : undefined,
        cells: cellConfidenceVector(cellConfidence(task1Conf, null)),
      },
      // Refusals (issue 15): Task 1 only; the reconstructed Task 2 files hold the chosen row, not the model's text.
      refusals: { task1: robustFailures(t1.records), classifiedBy: { task1: "robust" } },
    });
    detail.heatmaps[model] = modelMatrices(V, A);
    if (A) compared.push({ model, protocol: "paper", V, A });
  }

  const comparisons = [...(compared.length >= 2 ? compareModels(compared, { seed, resamples: iterations }) : []), ...modelCountryComparisons(compared, { seed, resamples: iterations })];
  if (comparisons.length > 0) results.comparisons = comparisons;

  for (const model of MODEL_IDS) {
    const path = TASK2_AGREEMENT_FILES[model];
    if (!path) continue;
    const imp = importPromptAgreement(dataDir, path, model);
    imports.push(imp.stats);
    const agreement = paperTask2Agreement(imp.records);
    results.task2_prompt_agreement[model] = agreement.value;
    // Table 8's Task 2 column is a mean over the 50 sampled pairs: resample the pairs.
    results.task2_prompt_agreement_ci95![model] = itemsMeanInterval(agreement.perPair, { seed, resamples: iterations });
    results.task2_prompt_agreement_refusals![model] = refusalSummary(promptAgreementAnswers(imp.records), { seed, task: `task2-agreement:${model}` });
  }

  for (const model of MODEL_IDS) {
    if (!fewShotFile(model, "default")) continue;
    const json = {} as Record<FewShotSetting, FewShotJson>;
    const scores = {} as Record<FewShotSetting, FewShotScore>;
    const outputs = {} as Record<FewShotSetting, { labels: boolean[]; replies: string[] }>;
    for (const setting of FEWSHOT_SETTINGS) {
      const imp = importFewShot(dataDir, fewShotFile(model, setting)!, model, setting);
      imports.push(imp.stats);
      const labels = imp.records.map((r) => r.label);
      const replies = imp.records.map((r) => r.reply);
      outputs[setting] = { labels, replies };
      const s = scoreFewShot(labels, replies);
      scores[setting] = s;
      json[setting] = { f1: s.f1, accuracy: s.accuracy, precision: s.precision, recall: s.recall, n: s.n };
    }
    // the four settings scored the same 200 sampled items (same random_state): pair them by row
    const base = outputs.default;
    const shared = FEWSHOT_SETTINGS.every((st) => outputs[st].labels.length === base.labels.length && outputs[st].labels.every((l, i) => l === base.labels[i]));
    if (shared) {
      for (const setting of FEWSHOT_SETTINGS) {
        if (setting === "default") continue;
        const m = fewShotMcNemar(base.labels, base.replies, outputs[setting].replies);
        json[setting].mcnemar_vs_default = { default_only_correct: m.b, setting_only_correct: m.c, p: m.p };
      }
      // Table 14: the four settings scored the same items, so one item draw serves all of them (paired gains).
      const predictions = Object.fromEntries(
        FEWSHOT_SETTINGS.map((st) => [st, outputs[st].replies.map((reply) => fewShotPrediction(reply) === true)]),
      ) as Record<FewShotSetting, boolean[]>;
      const iv = pairedSettingsIntervals<FewShotSetting>(base.labels, predictions, { seed, resamples: iterations, baseline: "default" });
      for (const setting of FEWSHOT_SETTINGS) {
        const gain = iv[setting].f1GainVsBaseline;
        json[setting].ci95 = {
          f1: iv[setting].f1.ci95,
          accuracy: iv[setting].accuracy.ci95,
          ...(gain ? { f1_gain_vs_default: gain.ci95 } : {}),
          scheme: "items-paired",
          seed,
          resamples: iterations,
        };
      }
    }
    const rules = fewShotBaselines(base.labels, null);
    results.gap_prediction_fewshot_baselines![model] = {
      items: "published test items",
      ...rules,
      note:
        (shared ? "" : "the settings' label columns differ, so no McNemar test; ") +
        "the published outputs hold only label and reply, not the action, so the polarity rule cannot be scored on these items",
    };
    results.gap_prediction_fewshot[model] = json;
    detail.fewshot[model] = scores;
  }

  const examples: MisalignedExample[] = [];
  for (const [model, records] of misaligned) {
    examples.push(...records);
    const un = unanimityOf.get(model) ?? null;
    for (const e of records) {
      const u = un ? un[cellOf(e.country, e.topic, e.value)] : NaN;
      detail.examples.push({
        model,
        country: e.country,
        topic: e.topic,
        value: e.value,
        stated: e.stated,
        acted: e.acted,
        action: e.action,
        explanation: e.explanation,
        ...(un ? { unstable: Number.isFinite(u) ? u === 0 : null } : {}),
      });
    }
    detail.misalignedDirections[model] = directions(records);
  }
  // The authors tag the "Human Action" only; an example whose action text did
  // not parse has nothing to tag (none in the published files).
  detail.risk = riskCounts(examples.map((e) => e.action ?? ""));
  results.risk_counts = { ...detail.risk.counts };

  const human = reproduceHumanEvaluation(dataDir, seed, iterations);
  if (human) {
    imports.push(...human.imports);
    results.human_evaluation = human.json;
    detail.humanEvaluation = human.json;
    detail.humanSheetSummary = human.huaSummary;
  }

  if (opts.dataset === true && existsSync(join(dataDir, DATASET_FILE))) {
    // Loaded only here: its record schema pulls in zod, which nothing else on this path needs (CLI start-up).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { importDataset, DATASET_MODEL } = require("../via/importDataset") as typeof import("../via/importDataset");
    const ds = importDataset(dataDir);
    imports.push(ds.stats);
    detail.dataset = { rows: ds.records.length, refusals: ds.refusals, usablePairs: ds.usablePairs };
    results.dataset_refusals = { model: DATASET_MODEL, file: DATASET_FILE, ...refusalSummary(ds.records, { seed, task: "dataset" }) };
  }

  return {
    dataDir,
    protocol: "paper",
    seed,
    iterations,
    results,
    detail,
    imports,
    skippedFiles: { ...SKIPPED_MISALIGNED_FILES },
    inputs: checkInputs(dataDir),
  };
}

/**
 * Task 1 rows as the refusal count sees them: the paper parser tells a
 * refusal only when strict JSON fails, and any other failure is "invalid
 * JSON", so a row it cannot read is re-read by the robust parser (the
 * refusal detector and the unparseable reasons are the robust ones); a row
 * it reads is an answer. Only the failed rows are re-parsed (a few dozen),
 * which keeps reproduce fast.
 */
function robustFailures(records: readonly Task1Record[]): Task1Record[] {
  return records.map((r) => {
    if (r.parse.status !== "failed") return r;
    const p = parseTask1(r.response ?? "", "robust");
    return { ...r, parse: p.ok ? { status: p.repaired ? "repaired" : "ok" } : { status: "failed", reason: p.reason } };
  });
}

/**
 * The prompt-robustness answers (8 per pair) as the refusal count sees them:
 * each read by the robust Task 2 parser with the pair's two option texts, so
 * an answer that declines both options is a refusal and other non-answers are
 * unparseable (Table 8's '1'-substring rule does not tell them apart).
 */
function promptAgreementAnswers(pairs: readonly PromptAgreementPair[]): RefusalRecord[] {
  return pairs.flatMap((p) =>
    p.evaluations.map((text) => {
      const r = parseTask2(text, "robust", { option1: p.option1, option2: p.option2 });
      const parse: ParseInfo = r.ok ? { status: r.repaired ? "repaired" : "ok" } : { status: "failed", reason: r.reason };
      return { error: null, parse, country: p.country, topic: p.topic, value: p.value };
    }),
  );
}

function directions(examples: readonly MisalignedExample[]): MisalignedDirections {
  let x = 0;
  let y = 0;
  for (const e of examples) {
    if (e.stated === "negative" && e.acted === "positive") x++;
    else if (e.stated === "positive" && e.acted === "negative") y++;
  }
  return { stated_disagree_acted_agree: x, stated_agree_acted_disagree: y, total: x + y };
}

/** sha256 of every layout file present in the data directory, against MANIFEST.md. */
export function checkInputs(dataDir: string): InputCheck[] {
  return VIA_FILES.filter((f) => existsSync(join(dataDir, f.path))).map((f) => {
    const actual = createHash("sha256").update(readFileSync(join(dataDir, f.path))).digest("hex");
    return { path: f.path, expectedSha256: f.sha256, actualSha256: actual, matches: actual === f.sha256 };
  });
}

/**
 * The trivial rules on a target with published per-row Task 2 choices, under
 * the paper's sampling design (method.md §8): items = both actions of every
 * answered pair in file order (label: chosen), train pool = the first 7,000
 * (at most half), 100 True + 100 False test items drawn from the rest
 * (sampleIndices, seeded). No few-shot outputs exist for these targets; this
 * says what always-True and the polarity rule score on such a test set.
 */
function targetRuleBaselines(records: readonly Task2Record[], rng: ReturnType<typeof makeRng>): FewShotBaselinesJson {
  const items: { label: boolean; positive: boolean }[] = [];
  for (const r of records) {
    if (r.error || r.chosenPolarity === null) continue;
    items.push({ label: r.chosenPolarity === "positive", positive: true }, { label: r.chosenPolarity === "negative", positive: false });
  }
  const pool = Math.min(7000, Math.floor(items.length / 2));
  const test = items.slice(pool);
  const draw = (label: boolean) => {
    const cls = test.filter((x) => x.label === label);
    return sampleIndices(cls.length, Math.min(100, cls.length), rng).map((i) => cls[i]);
  };
  const sample = [...draw(true), ...draw(false)];
  return {
    items: "paper design on this target's Task 2 choices",
    ...fewShotBaselines(
      sample.map((x) => x.label),
      sample.map((x) => x.positive),
    ),
    note: `${sample.length} test items (${items.length} actions of answered pairs; train pool the first ${pool}); the polarity rule predicts True for the positive action of each pair`,
  };
}

export { resultsJsonText } from "../results/schema";
