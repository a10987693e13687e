import { test } from "node:test";
import assert from "node:assert/strict";
import { makeRng } from "../../src/analysis/random";
import { sampleFewShot } from "../../src/gap/fewshot";
import type { GapExample } from "../../src/gap/labels";

const items = (n: number): GapExample[] =>
  Array.from({ length: n }, (_, i) => ({
    country: "Egypt",
    topic: "Politics",
    value: "Wealth",
    polarity: i % 2 ? "negative" : "positive",
    stated: null,
    texts: { self: { action: `action ${i}`, attributions: [], explanation: i % 7 === 3 ? null : `why ${i}` } },
    targetExplanation: null,
    label: (i % 3 === 0 ? 1 : 0) as 0 | 1,
  }));

test("few-shot sampler: 10+10 shots from the first 7,000 usable items, 100+100 test items from the rest, seeded", () => {
  const ex = items(20000);
  const a = sampleFewShot(ex, makeRng(42), { trainPool: 7000, shotsPerClass: 10, testPerClass: 100 });
  const b = sampleFewShot(ex, makeRng(42), { trainPool: 7000, shotsPerClass: 10, testPerClass: 100 });
  assert.deepEqual(a, b);
  assert.deepEqual(a.shots.map((s) => s.label), [...Array(10).fill(true), ...Array(10).fill(false)]);
  assert.deepEqual(a.test.map((s) => s.label), [...Array(100).fill(true), ...Array(100).fill(false)]);
  // items without an explanation are not usable; the pool is the first 7,000 usable ones
  const usable = ex.filter((e) => e.texts.self!.explanation !== null);
  const poolActions = new Set(usable.slice(0, 7000).map((e) => e.texts.self!.action));
  assert.ok(a.shots.every((s) => poolActions.has(s.action)));
  assert.ok(a.test.every((s) => !poolActions.has(s.action)));
  assert.equal(new Set(a.test.map((s) => s.action)).size, 200);
  assert.ok(a.shots.every((s) => s.explanation.startsWith("why")));
  assert.deepEqual(a.notes, []);
  const c = sampleFewShot(ex, makeRng(43), { trainPool: 7000, shotsPerClass: 10, testPerClass: 100 });
  assert.notDeepEqual(c.test, a.test);
});

test("few-shot sampler on a small run: train pool halves, samples shrink with a note", () => {
  const s = sampleFewShot(items(100), makeRng(1), { trainPool: 7000, shotsPerClass: 10, testPerClass: 100 });
  assert.equal(s.shots.length, 20);
  assert.ok(s.test.length < 200 && s.test.length > 0);
  assert.ok(s.notes.some((n) => /train pool = first 43/.test(n)), s.notes.join("; "));
  assert.ok(s.notes.some((n) => /only \d+ true test items/.test(n)));
});
