import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { VALUES, type Value } from "../../src/catalog/values";
import { fewShotPrediction } from "../../src/gap/fewshotScore";
import {
  parseAction,
  parseLenientJson,
  parseTask1,
  parseTask2,
  readLikert,
  readVerbalizedConfidence,
  task1AnswerProbabilities,
  task2AnswerProbability,
  type TokenLogprob,
} from "../../src/parse";

/**
 * Property tests: the parsers never throw, whatever the text, and never
 * invent, shift or change an answer.
 */
const RUNS = { numRuns: 300 };

/** Characters that drive the parsers into their interesting paths. */
const jsonish = fc.string({
  unit: fc.constantFrom(
    "{", "}", "[", "]", '"', "'", ":", ",", "\\", "`", "```", "```json\n", "“", "”", "‘", "’", " ", "\n", "a", "1", "2",
    "Option ", "action", "True", "None", "null", "Equality", "Human Action", "agree", "like me", "//", "/*", "é", "🎉",
  ),
  maxLength: 80,
});
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), jsonish, fc.string({ unit: "grapheme", maxLength: 100 }));

/**
 * A valid answer damaged a little: up to three jsonish insertions or
 * overwrites. Random text alone almost never parses (0 of 3000 samples for
 * Task 1 and actions, 5 for Task 2), so a property asserted only when the
 * parser says ok needs these near-misses to test anything.
 */
function damaged(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, fc.array(fc.tuple(fc.nat(), jsonish, fc.boolean()), { maxLength: 3 })).map(([text, edits]) => {
    let t = text;
    for (const [at, piece, overwrite] of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + piece + t.slice(overwrite ? i + piece.length : i);
    }
    return t;
  });
}

/** Random text or (twice as often) a damaged valid answer. */
const textOr = (valid: fc.Arbitrary<string>) => fc.oneof({ arbitrary: anyText, weight: 1 }, { arbitrary: damaged(valid), weight: 2 });

/** Where to cut a text of length n: anywhere, or (as often) within its last 20 characters, where a parse can still succeed. */
const cutAt = fc.tuple(fc.nat(), fc.boolean());
const cutText = (text: string, [at, nearEnd]: [number, boolean]) =>
  text.slice(0, nearEnd ? Math.max(0, text.length - (at % 21)) : at % (text.length + 1));

/**
 * Counts the generated cases whose parse succeeded, for properties that can
 * only be checked on a successful parse: `atLeast` fails the test when too few
 * were, so a generator that stops producing parseable text cannot pass silently.
 */
function okShare() {
  let ok = 0;
  let n = 0;
  return {
    see<R extends { ok: boolean }>(r: R): R {
      n++;
      if (r.ok) ok++;
      return r;
    },
    atLeast(share: number, what: string): void {
      assert.ok(n > 0 && ok / n >= share, `${what}: ${ok} of ${n} generated cases parsed, want at least ${share * 100}%`);
    },
  };
}

function allParsers(text: string): void {
  parseLenientJson(text);
  parseAction(text);
  parseTask1(text, "robust");
  parseTask1(text, "paper");
  parseTask2(text, "robust");
  parseTask2(text, "paper");
  parseTask2(text, "robust", { option1: text.slice(0, 40), option2: "I listen to my elders and follow them." });
}

test("no parser throws on arbitrary text", () => {
  fc.assert(fc.property(anyText, (t) => allParsers(t)), { numRuns: 500 });
});

test("no parser throws on arbitrary JSON values, plain or as Python dicts", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
      allParsers(JSON.stringify(v));
      allParsers(pyRepr(v));
    }),
    RUNS,
  );
});

test("no parser throws on non-string input", () => {
  for (const x of [undefined, null, 1, {}, [], Symbol("s")] as unknown[]) {
    for (const r of [
      parseLenientJson(x as string),
      parseAction(x as string),
      parseTask1(x as string, "robust"),
      parseTask1(x as string, "paper"),
      parseTask2(x as string, "robust"),
      parseTask2(x as string, "paper"),
    ])
      assert.equal(r.ok, false);
  }
});

test("lenient JSON reads any JSON object or array exactly, without repair", () => {
  const container = fc.oneof(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.array(fc.jsonValue({ maxDepth: 3 })));
  fc.assert(
    fc.property(container, fc.constantFrom("", "Here you go:\n", "```json\n"), (v, before) => {
      const text = before + JSON.stringify(v, null, 1) + (before.startsWith("```") ? "\n```" : "");
      const r = parseLenientJson(text);
      assert.ok(r.ok);
      if (r.ok) {
        assert.deepEqual(r.value, JSON.parse(JSON.stringify(v)));
        assert.equal(r.repaired, false);
      }
    }),
    RUNS,
  );
});

test("lenient JSON reads Python dict reprs exactly (apostrophes, quotes, escapes)", () => {
  const obj = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1 });
  fc.assert(
    fc.property(obj, (v) => {
      const r = parseLenientJson(pyRepr(v));
      assert.ok(r.ok, pyRepr(v));
      if (r.ok) assert.deepEqual(r.value, JSON.parse(JSON.stringify(v)));
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------- Task 1

const likertText = fc.constantFrom(
  ["1", 1], ["2", 2], ["3", 3], ["4", 4], ["1: strongly agree", 1], ["2: agree", 2], ["3: disagree", 3],
  ["4: strongly disagree", 4], ["very much like me", 1], ["like me", 2], ["not like me", 3], ["Not like me at all", 4],
) as fc.Arbitrary<[string, 1 | 2 | 3 | 4]>;
const task1Answer = fc.dictionary(fc.constantFrom(...VALUES), likertText, { minKeys: 1 }) as fc.Arbitrary<
  Partial<Record<Value, [string, 1 | 2 | 3 | 4]>>
>;
const render = (a: Partial<Record<Value, [string, number]>>, keys = Object.keys(a) as Value[]) =>
  JSON.stringify(Object.fromEntries(keys.map((k) => [k, (a[k] as [string, number])[0]])), null, 2);

test("task1 robust: reads every answer under its own key, whatever the key order", () => {
  fc.assert(
    fc.property(task1Answer, fc.boolean(), (a, fenced) => {
      const keys = (Object.keys(a) as Value[]).reverse();
      const json = render(a, keys);
      const r = parseTask1(fenced ? "Sure:\n```json\n" + json + "\n```" : json, "robust");
      assert.ok(r.ok);
      if (r.ok) for (const v of VALUES) assert.equal(r.value[v], a[v]?.[1] ?? null, v);
    }),
    RUNS,
  );
});

test("task1 robust: a truncated or mutated answer only loses answers, never shifts or changes one", () => {
  const cuts = okShare();
  const mutations = okShare();
  fc.assert(
    fc.property(task1Answer, cutAt, fc.array(fc.tuple(fc.nat(), jsonish), { maxLength: 3 }), (a, cut, edits) => {
      const r = cuts.see(parseTask1(cutText(render(a), cut), "robust"));
      if (r.ok) for (const v of VALUES) if (r.value[v] !== null) assert.equal(r.value[v], a[v]?.[1], `${v} after cut`);
      // arbitrary edits may change an answer's text, but a non-null answer must still be readable in the text
      let mutated = render(a);
      for (const [at, s] of edits) {
        const i = at % (mutated.length + 1);
        mutated = mutated.slice(0, i) + s + mutated.slice(i + 1);
      }
      mutations.see(assertTask1Grounded(mutated));
    }),
    RUNS,
  );
  cuts.atLeast(0.3, "cut Task 1 answers");
  mutations.atLeast(0.3, "mutated Task 1 answers");
});

test("task1 robust: never invents an answer for a value the text does not name", () => {
  const seen = okShare();
  fc.assert(fc.property(textOr(task1Answer.map((a) => render(a))), (t) => {
    seen.see(assertTask1Grounded(t));
  }), { numRuns: 500 });
  seen.atLeast(0.3, "Task 1 texts");
});

/** Every non-null answer: the value's distinctive word and an answer token occur in the text. Returns the parse. */
function assertTask1Grounded(text: string): ReturnType<typeof parseTask1> {
  const r = parseTask1(text, "robust");
  if (!r.ok) return r;
  const lower = text.toLowerCase();
  // quotes dropped as readLikert drops them (with their escapes), punctuation spaced as its labelOf does
  const likertView = lower.replace(/[*_"'`“”‘’\\]/g, "").replace(/[()[\].,;:!]/g, " ").replace(/\s+/g, " ");
  for (const v of VALUES) {
    const a = r.value[v];
    if (a === null) continue;
    const word = v
      .toLowerCase()
      .split(/[^a-z]+/)
      .sort((x, y) => y.length - x.length)[0];
    assert.ok(lower.includes(word), `${v} answered but "${word}" not in text`);
    const tokens = [String(a), ...["strongly agree", "agree", "disagree", "strongly disagree", "like me"]];
    // labels are read punctuation-insensitively (likert.ts: "Not like: me at all" is 4, "very much l\\"ike me" is 1), so look in the text as readLikert sees it
    assert.ok(tokens.some((t) => lower.includes(t) || likertView.includes(t)), `${v}=${a} without an answer token`);
  }
  return r;
}

test("task1 robust: deleting one key leaves that value null and every other answer in place", () => {
  fc.assert(
    fc.property(task1Answer, fc.nat(), (a, pick) => {
      const keys = Object.keys(a) as Value[];
      const gone = keys[pick % keys.length];
      const r = parseTask1(render(a, keys.filter((k) => k !== gone)), "robust");
      if (keys.length === 1) return assert.equal(r.ok, false);
      assert.ok(r.ok);
      if (r.ok) for (const v of VALUES) assert.equal(r.value[v], v === gone ? null : (a[v]?.[1] ?? null));
    }),
    RUNS,
  );
});

test("task1 paper: a complete answer with digits in group order is read exactly; any answer fits 1..4 or null", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(1, 2, 3, 4), { minLength: 56, maxLength: 56 }), (digits) => {
      const text = JSON.stringify(Object.fromEntries(VALUES.map((v, i) => [v, String(digits[i])])));
      const r = parseTask1(text, "paper");
      assert.ok(r.ok);
      if (r.ok) assert.deepEqual(VALUES.map((v) => r.value[v]), digits);
    }),
    { numRuns: 100 },
  );
  const paperText = damaged(fc.array(fc.constantFrom("1", "2", "3", "4", "5", "0", "x", ""), { minLength: 56, maxLength: 56 }).map((d) => JSON.stringify(Object.fromEntries(VALUES.map((v, i) => [v, d[i]])))));
  const seen = okShare();
  fc.assert(
    fc.property(fc.oneof({ arbitrary: anyText, weight: 1 }, { arbitrary: paperText, weight: 2 }), (t) => {
      const r = seen.see(parseTask1(t, "paper"));
      if (r.ok) for (const v of VALUES) assert.ok([null, 1, 2, 3, 4].includes(r.value[v]));
    }),
    { numRuns: 300 },
  );
  seen.atLeast(0.12, "Task 1 texts (paper)");
});

// ---------------------------------------------------------------- Task 2

const task2Answer = fc.record({
  choice: fc.constantFrom(1, 2) as fc.Arbitrary<1 | 2>,
  style: fc.constantFrom("Option N", "option N", "N", "num", "Option N: I do it."),
  explanation: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
  explanationFirst: fc.boolean(),
});
function renderTask2(a: { choice: 1 | 2; style: string; explanation?: string; explanationFirst: boolean }): string {
  const action = a.style === "num" ? a.choice : a.style.replace("N", String(a.choice));
  const o: Record<string, unknown> = {};
  if (a.explanation !== undefined && a.explanationFirst) o.explanation = a.explanation;
  o.action = action;
  if (a.explanation !== undefined && !a.explanationFirst) o.explanation = a.explanation;
  return JSON.stringify(o);
}

test("task2 robust: a choice is returned only if its digit occurs in the text", () => {
  const seen = okShare();
  fc.assert(
    fc.property(textOr(task2Answer.map(renderTask2)), (t) => {
      const r = seen.see(parseTask2(t, "robust"));
      if (r.ok) assert.ok(t.includes(String(r.value.choice)), `choice ${r.value.choice} from ${JSON.stringify(t)}`);
    }),
    { numRuns: 1000 },
  );
  seen.atLeast(0.2, "Task 2 texts");
});

test("task2 robust: reads the action field whatever the explanation says", () => {
  fc.assert(
    fc.property(task2Answer, (a) => {
      const r = parseTask2(renderTask2(a), "robust");
      assert.ok(r.ok);
      if (r.ok) {
        assert.equal(r.value.choice, a.choice);
        assert.equal(r.value.explanation, a.explanation ?? null);
      }
    }),
    RUNS,
  );
});

test("task2 robust: a truncated or mutated answer never flips the choice", () => {
  const cuts = okShare();
  const mutations = okShare();
  fc.assert(
    fc.property(task2Answer, cutAt, fc.array(fc.tuple(fc.nat(), jsonish), { maxLength: 3 }), (a, cut, edits) => {
      const text = renderTask2(a);
      const r = cuts.see(parseTask2(cutText(text, cut), "robust"));
      if (r.ok) assert.equal(r.value.choice, a.choice);
      let mutated = text;
      for (const [at, s] of edits) {
        const i = at % (mutated.length + 1);
        mutated = mutated.slice(0, i) + s + mutated.slice(i);
      }
      const m = mutations.see(parseTask2(mutated, "robust"));
      if (m.ok) assert.ok(mutated.includes(String(m.value.choice)));
    }),
    RUNS,
  );
  cuts.atLeast(0.2, "cut Task 2 answers");
  mutations.atLeast(0.3, "mutated Task 2 answers");
});

test("task2 paper: Option 1 exactly is 1, any other action is 2", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 2 }), (action) => {
      const r = parseTask2(JSON.stringify({ action }), "paper");
      assert.ok(r.ok);
      if (r.ok) assert.equal(r.value.choice, action === "Option 1" ? 1 : 2);
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------- action

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

const via = fc.record({
  action: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ""),
  attributions: fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
  explanation: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ""),
});
const viaJson = (v: { action: string; attributions: string[]; explanation: string }, py: boolean) => {
  const o = { "Human Action": v.action, "Feature Attributions": v.attributions, "Natural Language Explanation": v.explanation };
  return py ? pyRepr(o) : JSON.stringify(o, null, 2);
};

test("action: the action's words all occur in the text (nothing invented)", () => {
  const seen = okShare();
  fc.assert(
    fc.property(textOr(fc.tuple(via, fc.boolean()).map(([v, py]) => viaJson(v, py))), (t) => {
      const r = seen.see(parseAction(t));
      // a backslash-newline inside a string is a line continuation (Python, JSON5): 'null\<newline>True' reads "nullTrue"
      const joined = t.replace(/\\\r?\n/g, "");
      if (r.ok) for (const w of words(r.value.action)) assert.ok(t.includes(w) || joined.includes(w), `word ${w}`);
    }),
    { numRuns: 500 },
  );
  seen.atLeast(0.12, "action texts");
});

test("action: JSON and Python-dict generations round-trip exactly", () => {
  fc.assert(
    fc.property(via, fc.boolean(), fc.constantFrom("", "Certainly! ", "```json\n"), (v, py, before) => {
      const r = parseAction(before + viaJson(v, py) + (before.startsWith("```") ? "\n```" : ""));
      assert.ok(r.ok);
      if (r.ok) assert.deepEqual(r.value, { action: v.action, attributions: [...v.attributions], explanation: v.explanation });
    }),
    RUNS,
  );
});

test("action: a truncated generation yields a prefix of the action or a failure", () => {
  const seen = okShare();
  fc.assert(
    fc.property(via, fc.boolean(), cutAt, (v, py, cut) => {
      const r = seen.see(parseAction(cutText(viaJson(v, py), cut)));
      if (r.ok) assert.ok(v.action.startsWith(r.value.action), `${JSON.stringify(r.value.action)} vs ${JSON.stringify(v.action)}`);
    }),
    RUNS,
  );
  seen.atLeast(0.1, "cut generations");
});

/** A Python repr-like rendering: single quotes, True/False/None, escapes for \\ ' and control characters. */
function pyRepr(v: unknown): string {
  if (v === null) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") return JSON.stringify(v);
  if (typeof v === "string")
    return (
      "'" +
      v.replace(/[\\'\u0000-\u001f\u007f]/g, (c) =>
        c === "\\" ? "\\\\" : c === "'" ? "\\'" : "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"),
      ) +
      "'"
    );
  if (Array.isArray(v)) return "[" + v.map(pyRepr).join(", ") + "]";
  return "{" + Object.entries(v as object).map(([k, x]) => pyRepr(k) + ": " + pyRepr(x)).join(", ") + "}";
}

test("readLikert never returns a value outside 1..4", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null)), (x) => {
      assert.ok([null, 1, 2, 3, 4].includes(readLikert(x)));
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------- reasoning blocks

/** Reasoning text: random, jsonish, or a decoy answer of any task; never the block's own closing tag. */
const decoy = fc.oneof(
  task1Answer.map((a) => render(a)),
  task2Answer.map(renderTask2),
  fc.tuple(via, fc.boolean()).map(([v, py]) => viaJson(v, py)),
  fc.constantFrom("Option 1", "Option 2", "I choose Option 1.", "Final answer: Option 2", "Label: True", "Label: False \n Reason: x", "strongly agree", "Equality: 4", '{"confidence": 12}', "I'm sorry, but I can't assist with that.", "```json\n{\"action\": \"Option 1\"}\n```"),
);
/** Tags a model may write inside its reasoning (nested or of another name): they must not end the block early. */
const innerTag = fc.constantFrom("<think>", "<thinking>", "</thinking>", "<reasoning>", "</reasoning>", "< think >", "</think", "<thinker>");
const reasoningText = fc.oneof(
  anyText,
  jsonish,
  decoy,
  fc.tuple(decoy, anyText, decoy).map((p) => p.join("\n")),
  fc.array(fc.oneof(decoy, innerTag, anyText), { maxLength: 5 }).map((p) => p.join(" ")),
);
const TAG_ANY = /<\/?\s*(?:think|thinking|reasoning)\s*>/i;
const closes = (name: string) => new RegExp(`<\\/\\s*${name}\\s*>`, "i");

/** The three shapes a reasoning model writes around an answer; R is kept free of the tag that would end its block early. */
const wrapped = fc.tuple(reasoningText, fc.constantFrom("think", "thinking", "template"), fc.constantFrom("", "\n", "\n\n")).map(([r, shape, gap]) => {
  if (shape === "template") return (a: string) => (TAG_ANY.test(r) ? "" : r) + "</think>" + gap + a;
  const body = closes(shape).test(r) ? "" : r;
  return (a: string) => `<${shape}>` + body + `</${shape}>` + gap + a;
});

/** Valid answers of every reader, with the reader. */
const readers: Array<[string, fc.Arbitrary<string>, (t: string) => unknown]> = [
  ["action", fc.tuple(via, fc.boolean()).map(([v, py]) => viaJson(v, py)), parseAction],
  ["task1 robust", task1Answer.map((a) => render(a)), (t) => parseTask1(t, "robust")],
  ["task1 paper", fc.array(fc.constantFrom("1", "2", "3", "4", "agree", "like me"), { minLength: 56, maxLength: 56 }).map((d) => JSON.stringify(Object.fromEntries(VALUES.map((v, i) => [v, d[i]])))), (t) => parseTask1(t, "paper")],
  ["task2 robust", task2Answer.map(renderTask2), (t) => parseTask2(t, "robust")],
  ["task2 paper", task2Answer.map(renderTask2), (t) => parseTask2(t, "paper")],
  ["few-shot label", fc.tuple(fc.boolean(), fc.string({ maxLength: 40 })).map(([l, r]) => `Label: ${l ? "True" : "False"} \n Reason: ${r}`), fewShotPrediction],
  ["verbalized confidence", fc.tuple(task2Answer, fc.integer({ min: 0, max: 100 })).map(([a, c]) => renderTask2(a).replace(/}$/, `, "confidence": ${c}}`)), readVerbalizedConfidence],
];

for (const [name, answer, read] of readers) {
  test(`reasoning: ${name}: a reasoning block before the answer changes nothing, whatever it holds`, () => {
    fc.assert(
      fc.property(answer.filter((a) => !TAG_ANY.test(a)), wrapped, (a, wrap) => {
        assert.deepEqual(read(wrap(a)), read(a));
      }),
      RUNS,
    );
  });
}

test("reasoning: an unclosed leading <think> (cut off while thinking) is 'reasoning without answer' for every parser", () => {
  fc.assert(
    fc.property(reasoningText, (r) => {
      const t = "<think>" + r;
      for (const x of [parseAction(t), parseTask1(t, "robust"), parseTask1(t, "paper"), parseTask2(t, "robust"), parseTask2(t, "paper")])
        assert.deepEqual(x, { ok: false, reason: "reasoning without answer" });
      assert.equal(fewShotPrediction(t), null);
      assert.equal(readVerbalizedConfidence(t), null);
    }),
    RUNS,
  );
});

/** Random tokens spelling `text`, with made-up log probabilities and alternatives. */
function tokenise(text: string, cuts: number[], lps: number[]): TokenLogprob[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
  const out: TokenLogprob[] = [];
  let from = 0;
  for (const c of [...at, text.length]) {
    if (c <= from) continue;
    const lp = -(lps[out.length % Math.max(1, lps.length)] ?? 0.5);
    out.push({ token: text.slice(from, c), logprob: lp, top_logprobs: [{ token: "1", logprob: lp - 1 }, { token: "4", logprob: lp - 2 }] });
    from = c;
  }
  return out;
}

test("reasoning: the token-probability readers locate the answer token after the reasoning, never a draft inside it", () => {
  const cuts = fc.array(fc.nat(), { maxLength: 30 });
  const lps = fc.array(fc.double({ min: 0.01, max: 3, noNaN: true }), { minLength: 1, maxLength: 10 });
  fc.assert(
    fc.property(task1Answer.map((a) => render(a)), task2Answer.map(renderTask2), reasoningText, cuts, cuts, lps, (t1, t2, r, cutR, cutA, lp) => {
      const head = "<think>" + (closes("think").test(r) ? "" : r) + "</think>\n";
      const headTokens = tokenise(head, cutR, lp);
      for (const [answer, read] of [[t1, task1AnswerProbabilities], [t2, task2AnswerProbability]] as const) {
        const tokens = tokenise(answer, cutA, lp);
        assert.deepEqual((read as typeof task1AnswerProbabilities)(head + answer, [...headTokens, ...tokens]), (read as typeof task1AnswerProbabilities)(answer, tokens));
      }
    }),
    RUNS,
  );
});

// ---------------------------------------------------------------- almost-JSON

/** Quote styles of a member line: straight, Python, smart double, smart single, mixed. */
const quoteStyle = fc.constantFrom<[string, string]>(['"', '"'], ["'", "'"], ["“", "”"], ["‘", "’"], ["“", '"'], ["'", "’"]);
const q = ([o, c]: [string, string], s: string) => o + s + c;

/** A Task 1 answer set as brace-less `"key": "value"` lines, each line with its own quote style. */
const bracelessTask1 = fc
  .tuple(task1Answer, fc.array(quoteStyle, { minLength: 56, maxLength: 56 }), fc.boolean(), fc.constantFrom("```json\n", "```\n", ""), fc.constantFrom("", "\n```", "\n```\n\nThese reflect my views."))
  .map(([a, styles, commas, open, close]) => {
    const keys = Object.keys(a) as Value[];
    const lines = keys.map((k, i) => q(styles[i], k) + ": " + q(styles[(i + 7) % 56], (a[k] as [string, number])[0]) + (commas && i < keys.length - 1 ? "," : ""));
    return { a, keys, lines, wrap: (ls: string[]) => open + ls.join("\n") + (open === "" ? "" : close) };
  });

test("almost-JSON: brace-less member lines (any quote style) are read exactly and flagged repaired", () => {
  fc.assert(
    fc.property(bracelessTask1, ({ a, lines, wrap }) => {
      const r = parseTask1(wrap(lines), "robust");
      assert.ok(r.ok, wrap(lines));
      if (r.ok) {
        assert.equal(r.repaired, true);
        for (const v of VALUES) assert.equal(r.value[v], a[v]?.[1] ?? null, v);
      }
    }),
    RUNS,
  );
});

test("almost-JSON: dropping or damaging member lines only ever loses those values, never yields another", () => {
  const damagedSeen = okShare();
  const damage = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("drop", "cut", "delete", "insert"), fc.constantFrom('"', "'", ":", ",", "{", "}", "`", " ", "“", "”", "[", "\\")), { maxLength: 6 });
  fc.assert(
    fc.property(bracelessTask1, damage, ({ a, keys, lines, wrap }, edits) => {
      const ls = [...lines];
      const touched = new Set<Value>();
      const dropped = new Set<number>();
      for (const [which, at, how, ch] of edits) {
        const i = which % ls.length;
        touched.add(keys[i]);
        const l = ls[i];
        const j = at % (l.length + 1);
        if (how === "drop") dropped.add(i);
        else if (how === "cut") ls[i] = l.slice(0, j);
        else if (how === "delete") ls[i] = l.slice(0, j) + l.slice(j + 1);
        else ls[i] = l.slice(0, j) + ch + l.slice(j);
      }
      const onlyDrops = edits.every(([, , how]) => how === "drop");
      const r = damagedSeen.see(parseTask1(wrap(ls.filter((_, i) => !dropped.has(i))), "robust"));
      if (!r.ok) return assert.ok(!onlyDrops || dropped.size === keys.length, "only lines dropped, some left: must parse");
      for (const v of VALUES) {
        if (r.value[v] !== null) assert.equal(r.value[v], a[v]?.[1], `${v}: a value the text did not give it`);
        else if (onlyDrops && keys.includes(v) && !touched.has(v)) assert.fail(`${v}: an untouched line was lost`);
      }
    }),
    { numRuns: 500 },
  );
  damagedSeen.atLeast(0.5, "damaged brace-less answers");
});

test("almost-JSON: smart-quoted and mixed-quote dicts read exactly in every parser, flagged repaired", () => {
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,30}[A-Za-z.]$/);
  fc.assert(
    fc.property(task1Answer, task2Answer, fc.record({ action: word, attributions: fc.array(word, { maxLength: 3 }), explanation: word }), fc.array(quoteStyle, { minLength: 64, maxLength: 64 }), (t1, t2, v, st) => {
      let n = 0;
      const Q = (s: string) => q(st[n++ % st.length], s);
      const obj = (entries: Array<[string, string]>) => "{" + entries.map(([k, x]) => Q(k) + ": " + x).join(", ") + "}";
      const hasSmart = (t: string) => /[“”‘’]/.test(t);

      const t1text = obj((Object.keys(t1) as Value[]).map((k) => [k, Q((t1[k] as [string, number])[0])]));
      const r1 = parseTask1(t1text, "robust");
      assert.ok(r1.ok, t1text);
      if (r1.ok) {
        for (const x of VALUES) assert.equal(r1.value[x], t1[x]?.[1] ?? null, x);
        if (hasSmart(t1text)) assert.equal(r1.repaired, true);
      }

      const action = t2.style === "num" ? String(t2.choice) : t2.style.replace("N", String(t2.choice));
      const t2text = obj([["action", Q(action)]]);
      const r2 = parseTask2(t2text, "robust");
      assert.ok(r2.ok, t2text);
      if (r2.ok) {
        assert.equal(r2.value.choice, t2.choice);
        if (hasSmart(t2text)) assert.equal(r2.repaired, true);
      }

      const atext = obj([["Human Action", Q(v.action)], ["Feature Attributions", "[" + v.attributions.map(Q).join(", ") + "]"], ["Natural Language Explanation", Q(v.explanation)]]);
      const ra = parseAction(atext);
      assert.ok(ra.ok, atext);
      if (ra.ok) {
        assert.deepEqual(ra.value, { action: v.action, attributions: [...v.attributions], explanation: v.explanation });
        if (hasSmart(atext)) assert.equal(ra.repaired, true);
      }
    }),
    RUNS,
  );
});
