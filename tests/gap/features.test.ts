import { test } from "node:test";
import assert from "node:assert/strict";
import { FeatureExtractor } from "../../src/gap/features";
import { hash32 as fnv1a32, hash32Continue as fnv1a32Continue } from "../../src/analysis/random";
import { tokenize, bigrams } from "../../src/gap/tokens";
import { countCues } from "../../src/gap/cues";
import { denseRow } from "../../src/gap/sparse";
import { fitStandardizer, standardizedDense } from "../../src/gap/standardize";
import type { GapExample } from "../../src/gap/labels";

// Expected hashes computed independently (Python: h = 2166136261; h = ((h ^ b) * 16777619) % 2**32 over UTF-8 bytes).
test("FNV-1a 32-bit known values", () => {
  assert.equal(fnv1a32(""), 2166136261);
  assert.equal(fnv1a32("a"), 3826002220);
  assert.equal(fnv1a32("action|i"), 826779120);
  assert.equal(fnv1a32("action|i vote"), 163682724);
  assert.equal(fnv1a32("action|café"), 2048086653); // non-ASCII: hashed as UTF-8 bytes
  assert.equal(fnv1a32Continue(fnv1a32("action|i"), " vote"), fnv1a32("action|i vote"));
});

test("tokenize: lower-case, apostrophes kept inside words, quotes stripped", () => {
  assert.deepEqual(tokenize("I don't 'vote' (ever)."), ["i", "don't", "vote", "ever"]);
  assert.deepEqual(tokenize("Don’t STOP—café 2025"), ["don't", "stop", "café", "2025"]);
  assert.deepEqual(tokenize(""), []);
  assert.deepEqual(bigrams(["a", "b", "c"]), ["a b", "b c"]);
});

test("cue counts", () => {
  assert.deepEqual(countCues(tokenize("I don't vote, but I may; however I never refuse.")), { negation: 2, hedging: 1, contrast: 2 });
});

const ex = (over: Partial<GapExample> = {}): GapExample => ({
  country: "Nigeria",
  topic: "Religion",
  value: "Wealth",
  polarity: "negative",
  texts: { action: "I don't vote, but I may.", attributions: ["vote"], explanation: "It is fair" },
  targetExplanation: null,
  label: 1,
  ...over,
});

test("golden vector: action+explanation, dim 16", () => {
  const fe = new FeatureExtractor({ dim: 16 });
  const m = fe.matrix([ex()], "action+explanation");
  // 1 intercept + 16 hashed + 2×5 stats + 2 polarity + 10 groups + 56 values + 12 countries + 11 topics
  assert.equal(m.cols, 118);
  assert.equal(m.names.length, 118);
  const v = denseRow(m, 0);
  const expected = new Map<number, number>();
  expected.set(0, 1);
  // action keys: i×2→0, don't→1, vote→9, but→8, may→10, "i don't"→6, "don't vote"→11, "vote but"→10, "but i"→3, "i may"→1
  for (const [b, c] of [[0, 2], [1, 2], [3, 1], [6, 1], [8, 1], [9, 1], [10, 2], [11, 1]]) expected.set(1 + b, c);
  // explanation keys: it→9, is→12, fair→2, "it is"→15, "is fair"→2 (added to the same buckets)
  for (const [b, c] of [[2, 2], [9, 1], [12, 1], [15, 1]]) expected.set(1 + b, (expected.get(1 + b) ?? 0) + c);
  // action stats: chars 24, tokens 6, negation 1, hedging 1, contrast 1; explanation: 10, 3, 0, 0, 0
  [24, 6, 1, 1, 1].forEach((x, i) => expected.set(17 + i, x));
  [10, 3].forEach((x, i) => expected.set(22 + i, x));
  expected.set(28, 1); // polarity:negative
  expected.set(29, 1); // group:Power
  expected.set(39 + 2, 1); // value:Wealth (3rd value in group order)
  expected.set(95 + 3, 1); // country:Nigeria
  expected.set(107 + 5, 1); // topic:Religion
  for (let j = 0; j < m.cols; j++) assert.equal(v[j], expected.get(j) ?? 0, `column ${j} (${m.names[j]})`);
  assert.equal(m.names[28], "polarity:negative");
  assert.equal(m.names[41], "value:Wealth");
  assert.equal(m.names[98], "country:Nigeria");
  assert.equal(m.names[112], "topic:Religion");
  assert.equal(m.names[17], "action:chars");
});

test("golden vector: signed hashing cancels colliding opposite signs", () => {
  const fe = new FeatureExtractor({ dim: 16, signed: true });
  const v = denseRow(fe.matrix([ex()], "action"), 0);
  // signs from bit 31: but, may, "don't vote", "vote but", "i may" are negative; don't (+1) and "i may" (−1) cancel in bucket 1
  const hashed = Array.from(v.subarray(1, 17));
  assert.deepEqual(hashed, [2, 0, 0, 1, 0, 0, 1, 0, -1, 1, -2, -1, 0, 0, 0, 0]);
});

test("attribution field: several spans, span count column", () => {
  const fe = new FeatureExtractor({ dim: 16 });
  const m = fe.matrix([ex({ texts: { action: "x", attributions: ["a b", "c"], explanation: null } })], "action+attribution");
  const v = denseRow(m, 0);
  const col = (n: string) => m.names.indexOf(n);
  assert.equal(v[col("attribution:tokens")], 3);
  assert.equal(v[col("attribution:spans")], 2);
  assert.equal(v[col("attribution:chars")], 4);
});

test("missing texts give no hashed entries and zero lengths; extraction is deterministic and cached", () => {
  const fe = new FeatureExtractor({ dim: 16 });
  const m = fe.matrix([ex({ texts: { action: null, attributions: [], explanation: null } })], "action+attribution+explanation");
  const v = denseRow(m, 0);
  assert.equal(v.subarray(1, 17).reduce((s, x) => s + Math.abs(x), 0), 0);
  const a = new FeatureExtractor({ dim: 64 }).matrix([ex(), ex({ polarity: "positive" })], "action+explanation");
  const fe2 = new FeatureExtractor({ dim: 64 });
  fe2.matrix([ex()], "action");
  const b = fe2.matrix([ex(), ex({ polarity: "positive" })], "action+explanation");
  assert.deepEqual(Array.from(a.colIdx), Array.from(b.colIdx));
  assert.deepEqual(Array.from(a.values), Array.from(b.values));
});

test("reverse map names the keys of a hashed column", () => {
  const fe = new FeatureExtractor({ dim: 16 });
  const examples = [ex()];
  const m = fe.matrix(examples, "action");
  const [name] = fe.describeColumns(m, examples, [1 + 9]);
  assert.equal(name, "hash[9] action|vote");
  const [two] = fe.describeColumns(m, examples, [1 + 10]);
  assert.equal(two, "hash[10] action|may / action|vote but");
});

test("standardizer: fitted on training rows only, intercept kept at 1, constant columns off", () => {
  const fe = new FeatureExtractor({ dim: 4 });
  const m = fe.matrix([ex({ texts: { action: "a", attributions: [], explanation: null } }), ex({ texts: { action: "a a a", attributions: [], explanation: null } }), ex({ texts: { action: "a a a a a a a a a", attributions: [], explanation: null } })], "action");
  const st = fitStandardizer(m, [0, 1]);
  const tokensCol = m.names.indexOf("action:tokens");
  assert.equal(st.mean[tokensCol], 2); // (1 + 3) / 2, row 2 not used
  assert.equal(st.scale[tokensCol], 1); // population std of {1, 3} = 1
  assert.equal(st.scale[m.names.indexOf("country:Nigeria")], 0); // constant on training rows
  const z = standardizedDense(m, [2], st)[0];
  assert.equal(z[0], 1);
  assert.equal(z[tokensCol], 7); // (9 − 2) / 1: test row uses the training mean and std
});
