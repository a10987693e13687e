import { countCues } from "./cues";
import type { ActionTexts, GapExample, TextRole } from "./labels";
import type { SparseMatrix } from "./sparse";
import { tokenize } from "./tokens";

/**
 * Features of the gap predictor as named keys, so every weight reads as what
 * it is ("departing.explanation|in practice", "value=Wealth x stated=agree").
 *
 * A feature function looks at one example and emits (key, value) pairs; a
 * setting (settings.ts) is a list of feature functions. The matrix of a
 * setting has one column per distinct key over the examples, in first-seen
 * order, after column 0 = "(intercept)" (always 1). Keys are not hashed: the
 * vocabulary is the reversible map. Rare keys are dropped inside each
 * training fold by a minimum count (logistic.ts), never on the whole data.
 *
 * To add your own feature (e.g. in a notebook cell):
 *
 *   const longAction: FeatureFunction = {
 *     name: "long-action",
 *     apply: (e, emit) => { if ((e.texts.departing?.action ?? "").length > 120) emit("departing action is long"); },
 *   };
 *
 * then pass a setting that uses it to runGap (settings.ts `withFeatures`).
 * `name` must be unique: blocks are cached per (examples, name).
 */
export type Emit = (key: string, value?: number) => void;

export interface FeatureFunction {
  name: string;
  apply(e: GapExample, emit: Emit): void;
  /**
   * Optional: texts whose word unigrams and bigrams this function emits as
   * "prefix|w" and "prefix|w1 w2" (counts). Same result as emitting those keys
   * in `apply`, but coded as numbers while the block is built (fast path).
   */
  ngrams?(e: GapExample): Iterable<readonly [prefix: string, text: string]>;
}

/** Rows of one feature function: CSR over its own keys (local column = index in `keys`). */
interface Block {
  keys: string[];
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}

export interface FeatureMatrix extends SparseMatrix {
  /** Name of every column; column 0 is "(intercept)". */
  keys: string[];
}

const blockCache = new WeakMap<readonly GapExample[], Map<string, Block>>();

// Token ids shared by every block: each distinct text is tokenized once per process.
const tokenId = new Map<string, number>();
const tokenName: string[] = [];
const textTokens = new Map<string, Int32Array>();
function tokenIds(text: string): Int32Array {
  let ids = textTokens.get(text);
  if (ids) return ids;
  const toks = tokenize(text);
  ids = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    let id = tokenId.get(toks[i]);
    if (id === undefined) {
      id = tokenName.length;
      tokenId.set(toks[i], id);
      tokenName.push(toks[i]);
    }
    ids[i] = id;
  }
  if (textTokens.size > 500_000) textTokens.clear();
  textTokens.set(text, ids);
  return ids;
}

/** The tokens of a text (cached), for cue counts and lengths. */
export function tokensOf(text: string): string[] {
  return Array.from(tokenIds(text), (id) => tokenName[id]);
}

const TOKEN_SPAN = 2 ** 21;

function buildBlock(examples: readonly GapExample[], fn: FeatureFunction): Block {
  const index = new Map<string, number>();
  const codeIndex = new Map<number, number>();
  const prefixIndex = new Map<string, number>();
  const prefixes: string[] = [];
  const keys: string[] = [];
  const rowPtr = new Int32Array(examples.length + 1);
  let colIdx = new Int32Array(Math.max(16, examples.length * 8));
  let vals = new Float64Array(colIdx.length);
  let nnz = 0;
  let rowCols = new Int32Array(1024);
  let nRow = 0;
  let acc = new Float64Array(1024);
  let seen = new Uint8Array(1024);
  const add = (c: number, value: number) => {
    if (c >= acc.length) {
      const size = Math.max(c + 1, acc.length * 2);
      acc = grown(acc, size);
      seen = grown(seen, size);
    }
    if (!seen[c]) {
      seen[c] = 1;
      if (nRow === rowCols.length) rowCols = grown(rowCols, rowCols.length * 2);
      rowCols[nRow++] = c;
    }
    acc[c] += value;
  };
  const newCol = (name: string) => {
    keys.push(name);
    return keys.length - 1;
  };
  const emit: Emit = (key, value = 1) => {
    if (value === 0 || !Number.isFinite(value)) return;
    let c = index.get(key);
    if (c === undefined) index.set(key, (c = newCol(key)));
    add(c, value);
  };
  for (let i = 0; i < examples.length; i++) {
    nRow = 0;
    const e = examples[i];
    fn.apply(e, emit);
    if (fn.ngrams)
      for (const [prefix, text] of fn.ngrams(e)) {
        let pi = prefixIndex.get(prefix);
        if (pi === undefined) {
          pi = prefixes.length;
          prefixIndex.set(prefix, pi);
          prefixes.push(prefix);
        }
        const ids = tokenIds(text);
        for (let t = 0; t < ids.length; t++) {
          for (let order = 0; order < (t > 0 ? 2 : 1); order++) {
            const code = order === 0 ? (pi * TOKEN_SPAN + ids[t]) * TOKEN_SPAN : (pi * TOKEN_SPAN + ids[t - 1]) * TOKEN_SPAN + ids[t] + 1;
            let c = codeIndex.get(code);
            if (c === undefined) {
              const name = order === 0 ? `${prefix}|${tokenName[ids[t]]}` : `${prefix}|${tokenName[ids[t - 1]]} ${tokenName[ids[t]]}`;
              c = index.get(name);
              if (c === undefined) index.set(name, (c = newCol(name)));
              codeIndex.set(code, c);
            }
            add(c, 1);
          }
        }
      }
    const cols = rowCols.subarray(0, nRow).sort();
    if (nnz + nRow > colIdx.length) {
      const size = Math.max(nnz + nRow, colIdx.length * 2);
      colIdx = grown(colIdx, size);
      vals = grown(vals, size);
    }
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      const v = acc[c];
      acc[c] = 0;
      seen[c] = 0;
      if (v === 0) continue;
      colIdx[nnz] = c;
      vals[nnz++] = v;
    }
    rowPtr[i + 1] = nnz;
  }
  return { keys, rowPtr, colIdx: colIdx.slice(0, nnz), values: vals.slice(0, nnz) };
}

function blockOf(examples: readonly GapExample[], fn: FeatureFunction): Block {
  let byName = blockCache.get(examples);
  if (!byName) blockCache.set(examples, (byName = new Map()));
  let b = byName.get(fn.name);
  if (!b) byName.set(fn.name, (b = buildBlock(examples, fn)));
  return b;
}

/**
 * The sparse matrix of these feature functions on these examples: column 0 =
 * intercept, then each function's keys in order. Blocks are computed once per
 * (examples array, function name), so settings that share a function share it.
 * Keys emitted by two functions stay two columns (prefix your keys).
 */
export function featureMatrix(examples: readonly GapExample[], functions: readonly FeatureFunction[]): FeatureMatrix {
  const blocks = functions.map((f) => blockOf(examples, f));
  const keys = ["(intercept)"];
  const offsets: number[] = [];
  for (const b of blocks) {
    offsets.push(keys.length);
    for (const k of b.keys) keys.push(k);
  }
  let nnz = examples.length;
  for (const b of blocks) nnz += b.colIdx.length;
  const rowPtr = new Int32Array(examples.length + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < examples.length; i++) {
    colIdx[k] = 0;
    values[k++] = 1;
    for (let bi = 0; bi < blocks.length; bi++) {
      const b = blocks[bi];
      const off = offsets[bi];
      for (let q = b.rowPtr[i]; q < b.rowPtr[i + 1]; q++) {
        colIdx[k] = off + b.colIdx[q];
        values[k++] = b.values[q];
      }
    }
    rowPtr[i + 1] = k;
  }
  return { rows: examples.length, cols: keys.length, rowPtr, colIdx, values, keys };
}

// ---- built-in feature functions ------------------------------------------------

const word = (s: 0 | 1) => (s === 0 ? "agree" : "disagree");

/** value=V */
export const valueFeature: FeatureFunction = { name: "value", apply: (e, emit) => emit(`value=${e.value}`) };

/** polarity=P and value=V x polarity=P (`choice`; nothing for gap examples). */
export const valueByPolarity: FeatureFunction = {
  name: "value x polarity",
  apply: (e, emit) => {
    if (!e.polarity) return;
    emit(`polarity=${e.polarity}`);
    emit(`value=${e.value} x polarity=${e.polarity}`);
  },
};

/** stated=S and value=V x stated=S (gap labels; nothing for choice examples). */
export const valueByStated: FeatureFunction = {
  name: "value x stated",
  apply: (e, emit) => {
    if (e.stated === null) return;
    emit(`stated=${word(e.stated)}`);
    emit(`value=${e.value} x stated=${word(e.stated)}`);
  },
};

export const countryFeature: FeatureFunction = { name: "country", apply: (e, emit) => emit(`country=${e.country}`) };
export const topicFeature: FeatureFunction = { name: "topic", apply: (e, emit) => emit(`topic=${e.topic}`) };

/** A text field of an action. `attribution` is the list of spans (each a text). */
export type TextField = "action" | "attribution" | "explanation";

/**
 * Length and cue counts of one text under a prefix (cues.ts):
 * "P:log-tokens" = log(1 + tokens), "P:negation", "P:hedging", "P:contrast".
 * The word n-grams "P|w" and "P|w1 w2" come from the function's `ngrams`.
 * Example: "I don't vote" under "action" gives action|i, action|don't,
 * action|vote, "action|i don't", "action|don't vote", action:log-tokens = log(4), action:negation = 1.
 */
export function emitTextStats(text: string, prefix: string, emit: Emit): void {
  const tokens = tokensOf(text);
  emit(`${prefix}:log-tokens`, Math.log1p(tokens.length));
  const c = countCues(tokens);
  emit(`${prefix}:negation`, c.negation);
  emit(`${prefix}:hedging`, c.hedging);
  emit(`${prefix}:contrast`, c.contrast);
}

function fieldTexts(t: ActionTexts | undefined, field: TextField): string[] {
  if (!t) return [];
  if (field === "attribution") return t.attributions.filter((a) => a.length > 0);
  const s = field === "action" ? t.action : t.explanation;
  return s ? [s] : [];
}

/**
 * N-grams of one field of the example's actions: `choice` examples give keys
 * "field|…" (their own action), gap examples "consistent.field|…" and
 * "departing.field|…" (both actions, named by the stated answer).
 */
export function textFeature(field: TextField): FeatureFunction {
  const roles: readonly TextRole[] = ["self", "consistent", "departing"];
  const texts = (e: GapExample) => {
    const out: [string, string][] = [];
    for (const role of roles) {
      const prefix = role === "self" ? field : `${role}.${field}`;
      for (const t of fieldTexts(e.texts[role], field)) out.push([prefix, t]);
    }
    return out;
  };
  return {
    name: `text:${field}`,
    apply: (e, emit) => {
      for (const [prefix, t] of texts(e)) emitTextStats(t, prefix, emit);
    },
    ngrams: texts,
  };
}

/** N-grams of the target's own Task 2 explanation ("target|…"), `gap-posthoc` only. */
export const targetExplanationFeature: FeatureFunction = {
  name: "text:target-explanation",
  apply: (e, emit) => {
    if (e.targetExplanation) emitTextStats(e.targetExplanation, "target", emit);
  },
  ngrams: (e) => (e.targetExplanation ? [["target", e.targetExplanation] as const] : []),
};

/** A copy of `a` in a larger array of the same kind (the amortised growth of the CSR buffers above). */
function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}
