import type { Country } from "../catalog/countries";
import { SCENARIOS } from "../catalog/scenarios";
import type { Topic } from "../catalog/topics";
import { VALUE_INDEX, VALUES, type Value } from "../catalog/values";
import { cellOf, rowOf, SCENARIO_ROWS, VALUE_COLS } from "./matrix";
import { binaryAnswer, modeShare } from "./promptAgreement";

/**
 * Confidence signals of the study's annotations (issue 12 item 1): one value
 * in [0, 1] per Task 1 cell (scenario × value) or Task 2 pair (scenario ×
 * value), higher = more confident, NaN where the run lacks what the signal
 * needs. Units are laid out like the 132 × 56 matrices (index i·56 + k).
 *
 * Signals (Farr et al. 2024's five UQ strategies, adapted):
 * - `variant`: agreement across prompt variants (Task 1's 8; Task 2 when run with several wordings);
 * - `order`: agreement of the two option orders of a counterbalanced Task 2 pair;
 * - `sample`: agreement with the modal answer across replicates (`--replicates N --temperature T`);
 * - `entropy`: 1 − normalised entropy of the replicates' answers;
 * - `token`: probability of the answer token (and its same-meaning alternatives) from logprobs;
 * - `verbalized`: the model's own 0–100 confidence, as a share.
 */
export const SIGNALS = ["variant", "order", "sample", "entropy", "token", "verbalized"] as const;
export type SignalName = (typeof SIGNALS)[number];

/** One Task 1 answer row (one variant × replicate of one scenario), as a record holds it. */
export interface Task1ConfidenceRow {
  country: Country;
  topic: Topic;
  variant: number;
  replicate?: number;
  /** Likert answers 1..4 per value; null = the row did not parse. */
  answers: Partial<Record<Value, number | null>> | null;
  /** Verbalized confidence of the whole answer, 0..1 (null/absent = not asked or unreadable). */
  confidence?: number | null;
  /** Probability of each value's answer token (same-side mass, 0..1), from logprobs. */
  answerProbs?: Partial<Record<Value, number | null>> | null;
}

/** One Task 2 choice (one variant × option order × replicate of one pair). */
export interface Task2ConfidenceRow {
  country: Country;
  topic: Topic;
  value: Value;
  variant: number;
  replicate?: number;
  /** The action chosen; null = no usable choice. */
  chosenPolarity: "positive" | "negative" | null;
  confidence?: number | null;
  /** Probability of the chosen option token, from logprobs. */
  answerProb?: number | null;
}

/** Signals and answers of 7,392 units (matrix order). */
export interface UnitConfidence {
  /** The unit's binary answer (1 = disagree / chose the negative action), NaN when it has none. */
  answer: Float64Array;
  /** Usable answers behind each unit. */
  n: Int32Array;
  /** Signals the run supports (present for at least one unit); NaN per unit where unavailable. */
  signals: Partial<Record<SignalName, Float64Array>>;
}

const UNITS = SCENARIO_ROWS * VALUE_COLS;

/**
 * Binary entropy-based confidence of a list of categories, normalised by the
 * number of categories possible:
 *
 *   conf = 1 − H / ln(m),  H = −Σ_c p_c ln p_c
 *
 * @example entropyConfidence([1, 1, 2, 2], 2) // 1 − ln 2 / ln 2 = 0
 * @example entropyConfidence([3, 3, 3], 4)    // 1
 */
export function entropyConfidence(xs: readonly number[], categories: number): number {
  if (xs.length === 0) return NaN;
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / xs.length;
    h -= p * Math.log(p);
  }
  return 1 - h / Math.log(categories);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** Per unit, per variant: the answers of its replicates (in replicate order). */
type ByVariant<T> = Map<number, Array<{ replicate: number; x: T }>>;

function push<T>(units: Array<ByVariant<T> | undefined>, u: number, variant: number, replicate: number, x: T): void {
  let m = units[u];
  if (!m) units[u] = m = new Map();
  let list = m.get(variant);
  if (!list) m.set(variant, (list = []));
  list.push({ replicate, x });
}

/** The answer of each variant's lowest replicate (the answer a one-sample study would have). */
function firstReplicates<T>(m: ByVariant<T>): T[] {
  return [...m.values()].map((list) => list.reduce((a, b) => (b.replicate < a.replicate ? b : a)).x);
}

/** Mean over variants with ≥ 2 replicates of f(their answers); NaN when none has. */
function overReplicates<T>(m: ByVariant<T>, f: (xs: T[]) => number): number {
  const per: number[] = [];
  for (const list of m.values()) if (list.length >= 2) per.push(f(list.map((e) => e.x)));
  return mean(per);
}

function finish(signals: Record<SignalName, Float64Array>): UnitConfidence["signals"] {
  const out: UnitConfidence["signals"] = {};
  for (const s of SIGNALS) if (signals[s].some(Number.isFinite)) out[s] = signals[s];
  return out;
}

const nanSignals = () => Object.fromEntries(SIGNALS.map((s) => [s, new Float64Array(UNITS).fill(NaN)])) as Record<SignalName, Float64Array>;

/**
 * Confidence signals of every Task 1 cell (scenario i, value k) from its
 * answer rows x_ikpr (variant p, replicate r, Likert 1..4), b = binary (1, 2 → 0; 3, 4 → 1):
 *
 *   answer     = [mean_pr x_ikpr ≥ 2.5]                     (as V binarises, robust)
 *   variant    = modeShare_p b(x_ikp·)   over the variants' lowest-replicate answers, ≥ 2 of them
 *   sample     = mean_p modeShare_r b(x_ikpr)               over variants with ≥ 2 replicates
 *   entropy    = mean_p (1 − H_r(x_ikpr) / ln 4)             (Likert categories, same variants)
 *   token      = mean_pr answerProb_ikpr
 *   verbalized = mean_pr confidence_pr                       over rows that answered k
 *
 * A cell is *unanimous* when variant = 1: all its (≥ 2) parsed variants binarise the same way.
 *
 * @example
 * // Egypt/Politics, Wealth answered 1, 2, 3 by variants 0, 1, 2: answer = [2 ≥ 2.5] = 0,
 * // variant = 2/3 (binary 0, 0, 1); no replicates → no sample/entropy signal.
 */
export function task1Confidence(rows: readonly Task1ConfidenceRow[]): UnitConfidence {
  const sum = new Float64Array(UNITS);
  const n = new Int32Array(UNITS);
  const likert: Array<ByVariant<number> | undefined> = new Array(UNITS);
  const token: number[][] = Array.from({ length: UNITS }, () => []);
  const verbal: number[][] = Array.from({ length: UNITS }, () => []);
  for (const row of rows) {
    if (row.answers === null) continue;
    const i = rowOf(row.country, row.topic);
    for (let k = 0; k < VALUE_COLS; k++) {
      const v = VALUES[k];
      const x = row.answers[v];
      if (!finite(x)) continue;
      const u = i * VALUE_COLS + k;
      sum[u] += x;
      n[u]++;
      push(likert, u, row.variant, row.replicate ?? 0, x);
      const p = row.answerProbs?.[v];
      if (finite(p)) token[u].push(p);
      if (finite(row.confidence)) verbal[u].push(row.confidence);
    }
  }
  const answer = new Float64Array(UNITS).fill(NaN);
  const s = nanSignals();
  for (let u = 0; u < UNITS; u++) {
    const m = likert[u];
    if (!m) continue;
    answer[u] = sum[u] / n[u] >= 2.5 ? 1 : 0;
    const first = firstReplicates(m);
    if (first.length >= 2) s.variant[u] = modeShare(first.map(binaryAnswer), true);
    s.sample[u] = overReplicates(m, (xs) => modeShare(xs.map(binaryAnswer), true));
    s.entropy[u] = overReplicates(m, (xs) => entropyConfidence(xs, 4));
    s.token[u] = mean(token[u]);
    s.verbalized[u] = mean(verbal[u]);
  }
  return { answer, n, signals: finish(s) };
}

/** Wording of a Task 2 variant: its (version, format) bits; the order bit (2) cleared. */
const wordingOf = (variant: number) => variant & ~2;

/**
 * Confidence signals of every Task 2 pair (scenario i, value k) from its
 * choices c_ikpr (variant p, replicate r; 1 = chose the negative action):
 *
 *   answer     = [mean c > 0.5]; a tie (0.5) takes the choice of the lowest variant's lowest replicate
 *   order      = share of (wording, replicate) with both option orders whose two choices agree
 *   variant    = modeShare over the variants' lowest-replicate choices, when ≥ 2 wordings were asked
 *   sample     = mean_p modeShare_r c_ikpr                  over variants with ≥ 2 replicates
 *   entropy    = mean_p (1 − H_r(c_ikpr) / ln 2)
 *   token      = mean answerProb;  verbalized = mean confidence
 *
 * (wording = the variant without its order bit: 5 and 7 are one wording in two orders.)
 *
 * @example
 * // a pair asked as variants 5 and 7, choosing negative then positive: answer = tie → variant 5's
 * // choice = 1; order = 0/1 = 0.
 */
export function task2Confidence(rows: readonly Task2ConfidenceRow[]): UnitConfidence {
  const choices: Array<ByVariant<number> | undefined> = new Array(UNITS);
  const token: number[][] = Array.from({ length: UNITS }, () => []);
  const verbal: number[][] = Array.from({ length: UNITS }, () => []);
  for (const row of rows) {
    if (row.chosenPolarity === null) continue;
    const k = VALUE_INDEX[row.value];
    if (k === undefined) throw new RangeError(`unknown value "${row.value}"`);
    const u = rowOf(row.country, row.topic) * VALUE_COLS + k;
    push(choices, u, row.variant, row.replicate ?? 0, row.chosenPolarity === "negative" ? 1 : 0);
    if (finite(row.answerProb)) token[u].push(row.answerProb);
    if (finite(row.confidence)) verbal[u].push(row.confidence);
  }
  const answer = new Float64Array(UNITS).fill(NaN);
  const n = new Int32Array(UNITS);
  const s = nanSignals();
  for (let u = 0; u < UNITS; u++) {
    const m = choices[u];
    if (!m) continue;
    const all = [...m.values()].flat();
    n[u] = all.length;
    const share = mean(all.map((e) => e.x));
    if (share !== 0.5) answer[u] = share > 0.5 ? 1 : 0;
    else {
      const lowest = Math.min(...m.keys());
      answer[u] = firstReplicates(new Map([[lowest, m.get(lowest)!]]))[0];
    }
    // order: pair up the two orders of one wording and replicate
    const byWording = new Map<string, number[]>();
    for (const [variant, list] of m)
      for (const e of list) {
        const key = `${wordingOf(variant)}:${e.replicate}`;
        const slot = byWording.get(key) ?? [];
        slot[(variant & 2) >> 1] = e.x;
        byWording.set(key, slot);
      }
    const pairs = [...byWording.values()].filter((slot) => slot[0] !== undefined && slot[1] !== undefined);
    if (pairs.length > 0) s.order[u] = pairs.filter((slot) => slot[0] === slot[1]).length / pairs.length;
    const wordings = new Set([...m.keys()].map(wordingOf));
    if (wordings.size >= 2) s.variant[u] = modeShare(firstReplicates(m), true);
    s.sample[u] = overReplicates(m, (xs) => modeShare(xs, true));
    s.entropy[u] = overReplicates(m, (xs) => entropyConfidence(xs, 2));
    s.token[u] = mean(token[u]);
    s.verbalized[u] = mean(verbal[u]);
  }
  return { answer, n, signals: finish(s) };
}

/**
 * Rank-normalise a signal so that signals on different scales can be
 * averaged: the finite entries get their average rank (ties share it) over
 * their count,
 *
 *   r_u = rank(x_u) / m ∈ (0, 1],  m = number of finite entries;  NaN stays NaN.
 *
 * @example rankNormalize([0.2, NaN, 0.9, 0.2]) // [0.5, NaN, 1, 0.5]
 */
export function rankNormalize(x: ArrayLike<number>): Float64Array {
  const idx: number[] = [];
  for (let u = 0; u < x.length; u++) if (Number.isFinite(x[u])) idx.push(u);
  idx.sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(x.length).fill(NaN);
  const m = idx.length;
  for (let i = 0; i < m; ) {
    let j = i;
    while (j < m && x[idx[j]] === x[idx[i]]) j++;
    const rank = (i + 1 + j) / 2; // average of ranks i+1 .. j
    for (let t = i; t < j; t++) out[idx[t]] = rank / m;
    i = j;
  }
  return out;
}

/**
 * The ensemble confidence: per unit, the mean of its available signals after
 * rank-normalisation (each signal ranked over all units that have it),
 *
 *   e_u = mean_{s : x_su finite} rankNormalize(x_s)_u;   NaN when no signal is available.
 *
 * @example ensembleMean({ variant: [1, 0.5], token: [0.6, 0.9] }) // [(1 + 0.5)/2, (0.5 + 1)/2] = [0.75, 0.75]
 */
export function ensembleMean(signals: Partial<Record<string, ArrayLike<number>>>): Float64Array {
  const ranked = Object.values(signals)
    .filter((s): s is ArrayLike<number> => s !== undefined)
    .map(rankNormalize);
  const len = ranked[0]?.length ?? 0;
  const out = new Float64Array(len).fill(NaN);
  for (let u = 0; u < len; u++) {
    let sum = 0;
    let c = 0;
    for (const r of ranked)
      if (Number.isFinite(r[u])) {
        sum += r[u];
        c++;
      }
    if (c > 0) out[u] = sum / c;
  }
  return out;
}

/** Where the unanimity of a Task 1 cell is defined: 1 unanimous, 0 not, NaN with < 2 answers. */
export function unanimity(conf: UnitConfidence): Float64Array {
  const v = conf.signals.variant;
  return Float64Array.from({ length: UNITS }, (_, u) => (v === undefined || !Number.isFinite(v[u]) ? NaN : v[u] === 1 ? 1 : 0));
}

/** One cell's confidence as the results and the review sheet show it. */
export interface CellConfidence {
  country: Country;
  topic: Topic;
  value: Value;
  /** Task 1: binary answer (1 = disagree), its signals and their rank-mean ensemble; absent without a Task 1 answer. */
  stated?: { answer: number; n: number; unanimous: boolean | null; signals: Partial<Record<SignalName, number>>; ensemble: number | null };
  /** Task 2: binary answer (1 = chose the negative action), signals, ensemble. */
  acted?: { answer: number; n: number; signals: Partial<Record<SignalName, number>>; ensemble: number | null };
  /** The lowest raw signal of either half (each is an agreement share or a probability): what `--min-confidence` compares. */
  confidence: number | null;
  /** The lower of the two halves' rank-mean ensembles: the order in which to review cells. */
  ensemble: number | null;
}

/**
 * Per-cell confidence of a run (every cell with a Task 1 or Task 2 answer,
 * matrix order):
 *
 *   confidence_c = min over both halves' available signals x_sc
 *   ensemble_c   = min(ensembleMean(Task 1 signals)_c, ensembleMean(Task 2 signals)_c)
 *
 * A cell is as trustworthy as its shakier half. The review export sorts by
 * `ensemble` (ties by `confidence`) to pick the least confident cells.
 */
export function cellConfidence(task1: UnitConfidence | null, task2: UnitConfidence | null): CellConfidence[] {
  const e1 = task1 ? ensembleMean(task1.signals) : null;
  const e2 = task2 ? ensembleMean(task2.signals) : null;
  const u1 = task1 ? unanimity(task1) : null;
  const pick = (c: UnitConfidence, u: number) =>
    Object.fromEntries(Object.entries(c.signals).filter(([, x]) => Number.isFinite(x[u])).map(([k, x]) => [k, x[u]])) as Partial<
      Record<SignalName, number>
    >;
  const num = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
  const lowest = (xs: ReadonlyArray<number | null | undefined>) => {
    const ok = xs.filter((x): x is number => typeof x === "number");
    return ok.length ? Math.min(...ok) : null;
  };
  const out: CellConfidence[] = [];
  for (let u = 0; u < UNITS; u++) {
    const { country, topic } = SCENARIOS[Math.floor(u / VALUE_COLS)];
    const c: CellConfidence = { country, topic, value: VALUES[u % VALUE_COLS], confidence: null, ensemble: null };
    if (task1 && Number.isFinite(task1.answer[u]))
      c.stated = { answer: task1.answer[u], n: task1.n[u], unanimous: u1 && Number.isFinite(u1[u]) ? u1[u] === 1 : null, signals: pick(task1, u), ensemble: num(e1?.[u]) };
    if (task2 && Number.isFinite(task2.answer[u]))
      c.acted = { answer: task2.answer[u], n: task2.n[u], signals: pick(task2, u), ensemble: num(e2?.[u]) };
    if (!c.stated && !c.acted) continue;
    c.confidence = lowest([...Object.values(c.stated?.signals ?? {}), ...Object.values(c.acted?.signals ?? {})]);
    c.ensemble = lowest([c.stated?.ensemble, c.acted?.ensemble]);
    out.push(c);
  }
  return out;
}

/**
 * The cell confidence as a 132 × 56 vector (matrix order), NaN where a cell
 * has no signal: the input of {@link restrictToConfident}.
 */
export function cellConfidenceVector(cells: readonly CellConfidence[]): Float64Array {
  const out = new Float64Array(UNITS).fill(NaN);
  for (const c of cells) if (c.confidence !== null) out[cellOf(c.country, c.topic, c.value)] = c.confidence;
  return out;
}
