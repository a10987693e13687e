import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { VALUES, type Value } from "../../src/catalog/values";
import { parseAction, parseLenientJson, parseTask1, parseTask2, readLikert } from "../../src/parse";

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
  for (const v of VALUES) {
    const a = r.value[v];
    if (a === null) continue;
    const word = v
      .toLowerCase()
      .split(/[^a-z]+/)
      .sort((x, y) => y.length - x.length)[0];
    assert.ok(lower.includes(word), `${v} answered but "${word}" not in text`);
    const tokens = [String(a), ...["strongly agree", "agree", "disagree", "strongly disagree", "like me"]];
    assert.ok(tokens.some((t) => lower.includes(t)), `${v}=${a} without an answer token`);
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
      if (r.ok) for (const w of words(r.value.action)) assert.ok(t.includes(w), `word ${w}`);
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
