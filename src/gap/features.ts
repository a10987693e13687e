import { COUNTRIES, GROUPS, GROUP_OF, TOPICS, VALUES } from "../catalog";
import { countCues } from "./cues";
import { hash32 as fnv1a32, hash32Continue as fnv1a32Continue } from "../analysis/random";

/**
 * Bucket and sign of a hashed feature: index = h mod dim; with signed hashing
 * (Weinberger et al. 2009) the sign is bit 31 of h (1 -> -1), which is
 * independent of the low bits used for the index when dim is a power of two.
 */
const hashBucket = (h: number, dim: number): number => h % dim;
const hashSign = (h: number): 1 | -1 => (h >>> 31 === 1 ? -1 : 1);
import type { GapExample } from "./labels";
import { SETTING_FIELDS, type Field, type Setting } from "./settings";
import type { SparseMatrix } from "./sparse";
import { bigrams, tokenize } from "./tokens";

/**
 * Feature vectors of the gap predictor, as raw (unstandardized) sparse rows.
 *
 * Column layout for a setting with text fields F (settings.ts):
 *   0                      intercept (always 1; ml-logistic-regression has none)
 *   1 .. dim               hashed word and bigram counts of every field in F:
 *                          key "<field>|<token>" or "<field>|<tok1> <tok2>",
 *                          column = 1 + fnv1a32(key) mod dim (hash.ts); with
 *                          `signed`, the count is multiplied by the hash sign.
 *                          Fields hash into the same buckets but with distinct keys.
 *   then per field in F    <field>:chars, :tokens, :negation, :hedging, :contrast
 *                          (cues.ts), and for attribution also :spans (list length)
 *   then one-hots          polarity (positive, negative), value group (10, group
 *                          order), value (56), country (12), topic (11)
 *
 * Example: with dim 8 the action "I vote." gives tokens [i, vote] and bigram
 * "i vote"; keys "action|i", "action|vote", "action|i vote" land in columns
 * 1 + fnv1a32(key) % 8.
 *
 * Each (field, text) is tokenized and hashed once and cached, so the settings
 * that share the action text do not redo it.
 */
export interface FeatureOptions {
  /** Number of hash buckets (default 4096). */
  dim: number;
  /** Signed hashing (default false: plain counts). */
  signed: boolean;
  /** Include bigrams (default true). */
  bigrams: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { dim: 4096, signed: false, bigrams: true };

export interface FeatureMatrix extends SparseMatrix {
  setting: Setting;
  /** Human-readable name of every column. */
  names: string[];
  /** First hashed column (1) and number of hashed columns. */
  hashedOffset: number;
  dim: number;
}

interface HashedText {
  idx: Int32Array;
  val: Float64Array;
  stats: number[];
}

const STAT_NAMES = ["chars", "tokens", "negation", "hedging", "contrast"] as const;

export class FeatureExtractor {
  readonly options: FeatureOptions;
  // field -> text -> hashed; keyed by the text itself so V8 reuses the string's hash
  private cache = new Map<Field, Map<string, HashedText>>();

  constructor(options: Partial<FeatureOptions> = {}) {
    this.options = { ...DEFAULT_FEATURE_OPTIONS, ...options };
    if (!Number.isInteger(this.options.dim) || this.options.dim < 1) throw new RangeError(`dim must be a positive integer, got ${this.options.dim}`);
  }

  /** The hashed counts and stats of one text of one field (cached). */
  hashText(field: Field, text: string): HashedText {
    let byText = this.cache.get(field);
    if (!byText) this.cache.set(field, (byText = new Map()));
    const hit = byText.get(text);
    if (hit) return hit;
    const { dim, signed } = this.options;
    const tokens = tokenize(text);
    const counts = new Map<number, number>();
    const add = (h: number) => {
      const b = hashBucket(h, dim);
      counts.set(b, (counts.get(b) ?? 0) + (signed ? hashSign(h) : 1));
    };
    // h("field|tok"), then bigrams as h("field|tok1" + " " + "tok2") by continuing the hash
    const fieldHash = fnv1a32(`${field}|`);
    let prev = -1;
    for (const t of tokens) {
      const h = fnv1a32Continue(fieldHash, t);
      add(h);
      if (this.options.bigrams && prev >= 0) add(fnv1a32Continue(fnv1a32Continue(prev, " "), t));
      prev = h;
    }
    const idx = Int32Array.from(counts.keys()).sort();
    const val = Float64Array.from(idx, (b) => counts.get(b)!);
    const cues = countCues(tokens);
    const stats = [text.length, tokens.length, cues.negation, cues.hedging, cues.contrast];
    const out = { idx, val, stats };
    byText.set(text, out);
    return out;
  }

  /** The hashed keys ("field|token" / "field|tok1 tok2") of one text, in text order. */
  keysOf(field: Field, text: string): string[] {
    const tokens = tokenize(text);
    const keys = tokens.map((t) => `${field}|${t}`);
    if (this.options.bigrams) for (const b of bigrams(tokens)) keys.push(`${field}|${b}`);
    return keys;
  }

  /**
   * Reverse map for readability: for the given hash buckets, the keys of these
   * examples' texts (in a setting) that land there, most frequent first.
   * Computed on demand (a second tokenization pass) to keep extraction lean.
   */
  bucketExamples(examples: readonly GapExample[], setting: Setting, buckets: readonly number[], max = 3): Map<number, string[]> {
    const want = new Set(buckets);
    const counts = new Map<number, Map<string, number>>();
    for (const e of examples)
      for (const f of SETTING_FIELDS[setting])
        for (const t of fieldTexts(e, f))
          for (const k of this.keysOf(f, t)) {
            const b = hashBucket(fnv1a32(k), this.options.dim);
            if (!want.has(b)) continue;
            let c = counts.get(b);
            if (!c) counts.set(b, (c = new Map()));
            c.set(k, (c.get(k) ?? 0) + 1);
          }
    const out = new Map<number, string[]>();
    for (const b of buckets) {
      const c = counts.get(b);
      out.set(
        b,
        c ? [...c.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, max).map(([k]) => k) : [],
      );
    }
    return out;
  }

  /** Column names of a setting (see the layout above). */
  columnNames(setting: Setting): string[] {
    const { dim } = this.options;
    const names = ["(intercept)"];
    for (let b = 0; b < dim; b++) names.push(`hash[${b}]`);
    for (const f of SETTING_FIELDS[setting]) {
      for (const s of STAT_NAMES) names.push(`${f}:${s}`);
      if (f === "attribution") names.push("attribution:spans");
    }
    names.push("polarity:positive", "polarity:negative");
    for (const g of GROUPS) names.push(`group:${g}`);
    for (const v of VALUES) names.push(`value:${v}`);
    for (const c of COUNTRIES) names.push(`country:${c}`);
    for (const t of TOPICS) names.push(`topic:${t}`);
    return names;
  }

  /** Readable names of columns: hashed columns list the keys of these examples that land in their bucket. */
  describeColumns(m: FeatureMatrix, examples: readonly GapExample[], cols: readonly number[]): string[] {
    const isHashed = (c: number) => c >= m.hashedOffset && c < m.hashedOffset + m.dim;
    const buckets = cols.filter(isHashed).map((c) => c - m.hashedOffset);
    const ex = this.bucketExamples(examples, m.setting, buckets);
    return cols.map((c) => {
      if (!isHashed(c)) return m.names[c];
      const keys = ex.get(c - m.hashedOffset) ?? [];
      return `${m.names[c]} ${keys.length ? keys.join(" / ") : "(unseen)"}`;
    });
  }

  /** The raw sparse feature matrix of a setting for these examples. */
  matrix(examples: readonly GapExample[], setting: Setting): FeatureMatrix {
    const { dim } = this.options;
    const fields = SETTING_FIELDS[setting];
    const names = this.columnNames(setting);
    const denseStart = 1 + dim;
    const oneHotStart = names.indexOf("polarity:positive");
    const groupStart = oneHotStart + 2;
    const valueStart = groupStart + GROUPS.length;
    const countryStart = valueStart + VALUES.length;
    const topicStart = countryStart + COUNTRIES.length;
    const groupIndex = new Map(GROUPS.map((g, i) => [g, i]));
    const valueIndex = new Map(VALUES.map((v, i) => [v, i]));
    const countryIndex = new Map(COUNTRIES.map((c, i) => [c, i]));
    const topicIndex = new Map(TOPICS.map((t, i) => [t, i]));

    const rowPtr = new Int32Array(examples.length + 1);
    let colIdx = new Int32Array(Math.max(16, examples.length * 64));
    let values = new Float64Array(colIdx.length);
    let nnz = 0;
    const push = (c: number, v: number) => {
      if (v === 0) return;
      if (nnz === colIdx.length) {
        const c2 = new Int32Array(colIdx.length * 2);
        c2.set(colIdx);
        colIdx = c2;
        const v2 = new Float64Array(values.length * 2);
        v2.set(values);
        values = v2;
      }
      colIdx[nnz] = c;
      values[nnz] = v;
      nnz++;
    };

    const bucketSum = new Float64Array(dim);
    const seen = new Uint8Array(dim);
    let touched = new Int32Array(256);
    for (let i = 0; i < examples.length; i++) {
      const e = examples[i];
      push(0, 1);
      const statsRow: number[] = [];
      let nTouched = 0;
      for (const f of fields) {
        const texts = fieldTexts(e, f);
        const st = [0, 0, 0, 0, 0];
        for (const t of texts) {
          const h = this.hashText(f, t);
          for (let k = 0; k < h.idx.length; k++) {
            const b = h.idx[k];
            if (!seen[b]) {
              seen[b] = 1;
              if (nTouched === touched.length) {
                const t2 = new Int32Array(touched.length * 2);
                t2.set(touched);
                touched = t2;
              }
              touched[nTouched++] = b;
            }
            bucketSum[b] += h.val[k];
          }
          for (let s = 0; s < st.length; s++) st[s] += h.stats[s];
        }
        statsRow.push(...st);
        if (f === "attribution") statsRow.push(e.texts.attributions.length);
      }
      const used = touched.subarray(0, nTouched).sort();
      for (let k = 0; k < used.length; k++) {
        const b = used[k];
        push(1 + b, bucketSum[b]); // a signed bucket that cancelled to 0 is skipped by push
        bucketSum[b] = 0;
        seen[b] = 0;
      }
      for (let s = 0; s < statsRow.length; s++) push(denseStart + s, statsRow[s]);
      push(oneHotStart + (e.polarity === "positive" ? 0 : 1), 1);
      push(groupStart + groupIndex.get(GROUP_OF[e.value])!, 1);
      push(valueStart + valueIndex.get(e.value)!, 1);
      push(countryStart + countryIndex.get(e.country)!, 1);
      push(topicStart + topicIndex.get(e.topic)!, 1);
      rowPtr[i + 1] = nnz;
    }
    return {
      rows: examples.length,
      cols: names.length,
      rowPtr,
      colIdx: colIdx.slice(0, nnz),
      values: values.slice(0, nnz),
      setting,
      names,
      hashedOffset: 1,
      dim,
    };
  }
}

/** The texts of one field of an example (attributions are several texts). */
function fieldTexts(e: GapExample, f: Field): string[] {
  switch (f) {
    case "action":
      return e.texts.action ? [e.texts.action] : [];
    case "attribution":
      return e.texts.attributions.filter((a) => a.length > 0);
    case "explanation":
      return e.texts.explanation ? [e.texts.explanation] : [];
    case "target":
      return e.targetExplanation ? [e.targetExplanation] : [];
  }
}
