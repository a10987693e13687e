import { DEFINITIONS, type Value } from "../catalog/values";
import type { Country } from "../catalog/countries";
import type { Topic } from "../catalog/topics";
import { binarize } from "../analysis/binarize";
import { cellConfidence, task1Confidence, task2Confidence, type CellConfidence } from "../analysis/confidence";
import { misalignedCells } from "../analysis/misaligned";
import { rowOf, VALUE_COLS } from "../analysis/matrix";
import { VALUE_INDEX } from "../catalog/values";
import { runMatrices } from "../results/runResults";
import type { Run } from "../runs/openRun";

/**
 * The annotation sheet of `vag review export` (issue 12 item 4): the least
 * confident cells of a run (and, on request, its misaligned cells), each with
 * what a person needs to judge it: the model's stated answers per prompt
 * variant, the two actions and the choice, and the model's own explanation.
 *
 * A cell with both a stated and an acted answer asks "is this a gap?"
 * (kind `gap`); a cell of a Task-1-only run asks for the stated inclination
 * (kind `stated`). The model's answer is the run's binarised V and A
 * (analysis/binarize.ts, the run's protocol), the same cells the report
 * lists as misaligned.
 */

export const REVIEW_KINDS = ["gap", "stated"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** The labels of each kind: the first is the positive class (1) of kappa and accuracy, the last means "cannot tell". */
export const REVIEW_LABELS: Record<ReviewKind, readonly [string, string, string]> = {
  gap: ["gap", "no-gap", "unsure"],
  stated: ["disagree", "agree", "unsure"],
};

export type ReviewSource = "least-confident" | "misaligned";

export interface ReviewItem {
  /** Stable id: country/topic/value. */
  item: string;
  kind: ReviewKind;
  sources: ReviewSource[];
  country: Country;
  topic: Topic;
  value: Value;
  definition: string;
  /** What the run measured, in the kind's labels. */
  modelAnswer: string;
  /** cellConfidence: the lowest raw signal and the rank-mean ensemble (the review order). */
  confidence: number | null;
  ensemble: number | null;
  unanimous: boolean | null;
  /** Task 1 answers of the cell's scenario for this value (1 strongly agree .. 4 strongly disagree). */
  stated: Array<{ variant: number; replicate: number; answer: number | null }>;
  /** Task 2 choices of the pair. */
  acted: Array<{ variant: number; replicate: number; optionOrder: string; chose: "positive" | "negative" | null; explanation: string | null }>;
  /** The generated actions of the pair (model text). */
  actions: { positive: string | null; negative: string | null };
}

export interface ReviewSheet {
  run: string;
  model: string;
  simulated: boolean;
  createdAt: string;
  /** Share of the cells with a confidence that were exported as least confident. */
  budget: number;
  misaligned: boolean;
  /** How the least confident cells were chosen. */
  ordering: string;
  /** Cells with a confidence (the budget's base). */
  candidates: number;
  items: ReviewItem[];
}

export const REVIEW_ORDERING =
  "cellConfidence (analysis/confidence.ts): ascending rank-mean ensemble of the available signals, the lower of the Task 1 and Task 2 halves; ties by the lowest raw signal, then matrix order";

const DEFINITION = new Map<string, string>(DEFINITIONS.map(([v, d]) => [v, d]));

/**
 * Build the sheet of a run. `budget` is a share in (0, 1]: the ⌈budget·n⌉
 * least confident of the n cells with a confidence; `misaligned` adds every
 * misaligned cell.
 */
export function reviewSheet(run: Run, opts: { budget: number; misaligned: boolean; createdAt: string }): ReviewSheet {
  if (!(opts.budget > 0 && opts.budget <= 1)) throw new RangeError(`budget must be a share in (0, 1], got ${opts.budget}`);
  const analysis = runMatrices(run);
  const t1 = run.task1().filter((r) => r.error === null);
  const t2 = run.task2().filter((r) => r.error === null);
  const cells = cellConfidence(t1.length ? task1Confidence(t1) : null, t2.length ? task2Confidence(t2) : null);
  const byKey = new Map(cells.map((c) => [key(c.country, c.topic, c.value), c]));

  const ranked = cells
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => c.ensemble !== null)
    .sort((a, b) => a.c.ensemble! - b.c.ensemble! || (a.c.confidence ?? Infinity) - (b.c.confidence ?? Infinity) || a.order - b.order);
  const take = Math.ceil(opts.budget * ranked.length);
  const chosen = new Map<string, { c: CellConfidence | undefined; country: Country; topic: Topic; value: Value; sources: ReviewSource[] }>();
  for (const { c } of ranked.slice(0, take)) chosen.set(key(c.country, c.topic, c.value), { c, country: c.country, topic: c.topic, value: c.value, sources: ["least-confident"] });
  if (opts.misaligned && analysis.V && analysis.A) {
    for (const m of misalignedCells(analysis.V, analysis.A, analysis.protocol)) {
      const k = key(m.country, m.topic, m.value);
      const had = chosen.get(k);
      if (had) had.sources.push("misaligned");
      else chosen.set(k, { c: byKey.get(k), country: m.country, topic: m.topic, value: m.value, sources: ["misaligned"] });
    }
  }

  const gen = new Map<string, string | null>();
  for (const r of run.generate()) if (r.error === null) gen.set(`${key(r.country, r.topic, r.value)}|${r.polarity}`, r.action);
  const kind: ReviewKind = analysis.A ? "gap" : "stated";
  const items = [...chosen.values()].map(({ c, country, topic, value, sources }): ReviewItem => {
    const at = rowOf(country, topic) * VALUE_COLS + VALUE_INDEX[value];
    const v = analysis.V ? binarize(analysis.V.data[at], analysis.protocol) : NaN;
    const a = analysis.A ? binarize(analysis.A.data[at], analysis.protocol) : NaN;
    const [pos, neg] = REVIEW_LABELS[kind];
    const modelAnswer = kind === "gap" ? (Number.isNaN(v) || Number.isNaN(a) ? "" : v !== a ? pos : neg) : Number.isNaN(v) ? "" : v === 1 ? pos : neg;
    return {
      item: key(country, topic, value),
      kind,
      sources,
      country,
      topic,
      value,
      definition: DEFINITION.get(value) ?? "",
      modelAnswer,
      confidence: c?.confidence ?? null,
      ensemble: c?.ensemble ?? null,
      unanimous: c?.stated?.unanimous ?? null,
      stated: t1
        .filter((r) => r.country === country && r.topic === topic)
        .map((r) => ({ variant: r.variant, replicate: r.replicate, answer: r.answers?.[value] ?? null }))
        .sort((x, y) => x.variant - y.variant || x.replicate - y.replicate),
      acted: t2
        .filter((r) => r.country === country && r.topic === topic && r.value === value)
        .map((r) => ({ variant: r.variant, replicate: r.replicate, optionOrder: r.optionOrder, chose: r.chosenPolarity, explanation: r.explanation }))
        .sort((x, y) => x.variant - y.variant || x.replicate - y.replicate || x.optionOrder.localeCompare(y.optionOrder)),
      actions: { positive: gen.get(`${key(country, topic, value)}|positive`) ?? null, negative: gen.get(`${key(country, topic, value)}|negative`) ?? null },
    };
  });
  // Least confident first; cells without a confidence (misaligned only) last.
  items.sort((x, y) => (x.ensemble ?? Infinity) - (y.ensemble ?? Infinity) || (x.confidence ?? Infinity) - (y.confidence ?? Infinity));
  return {
    run: run.dir,
    model: run.manifest.model.id,
    simulated: run.manifest.simulated,
    createdAt: opts.createdAt,
    budget: opts.budget,
    misaligned: opts.misaligned,
    ordering: REVIEW_ORDERING,
    candidates: ranked.length,
    items,
  };
}

function key(country: string, topic: string, value: string): string {
  return `${country}/${topic}/${value}`;
}

/** Parse `--budget`: "5%" or a share such as "0.05". */
export function parseBudget(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const x = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  return x > 0 && x <= 1 ? x : null;
}
