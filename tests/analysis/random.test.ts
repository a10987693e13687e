import { test } from "node:test";
import assert from "node:assert/strict";
import { hashSeed, makeRng, sampleIndices, shuffleInPlace } from "../../src/analysis/random";

test("mulberry32 matches an independent implementation of the documented formula", () => {
  // Values computed with a separate Python implementation of the formula in random.ts.
  const r = makeRng(42);
  assert.deepEqual([r.uint32(), r.uint32(), r.uint32()], [2581720956, 1925393290, 3661312704]);
  const z = makeRng(0);
  assert.deepEqual([z.uint32(), z.uint32()], [1144304738, 1416247]);
});

test("same seed, same stream; next() in [0, 1); int(n) in range", () => {
  const a = makeRng(7);
  const b = makeRng(7);
  for (let k = 0; k < 1000; k++) {
    const x = a.next();
    assert.equal(x, b.next());
    assert.ok(x >= 0 && x < 1);
    const i = a.int(10);
    assert.equal(i, b.int(10));
    assert.ok(Number.isInteger(i) && i >= 0 && i < 10);
  }
  assert.notEqual(makeRng(1).uint32(), makeRng(2).uint32());
  assert.throws(() => makeRng(NaN), RangeError);
  assert.throws(() => makeRng(1).int(0), RangeError);
});

test("int(n) is roughly uniform", () => {
  const r = makeRng(123);
  const counts = [0, 0, 0, 0];
  for (let k = 0; k < 40000; k++) counts[r.int(4)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 400, `count ${c}`);
});

test("hashSeed is FNV-1a", () => {
  assert.equal(hashSeed(""), 2166136261);
  assert.equal(hashSeed("a"), 0xe40c292c);
  assert.notEqual(hashSeed("1:overall"), hashSeed("1:Egypt"));
});

test("sampleIndices draws distinct indices; shuffle is a permutation", () => {
  const s = sampleIndices(10, 4, makeRng(5));
  assert.equal(s.length, 4);
  assert.equal(new Set(s).size, 4);
  assert.ok(s.every((i) => i >= 0 && i < 10));
  assert.deepEqual(sampleIndices(10, 4, makeRng(5)), s);
  assert.deepEqual(sampleIndices(3, 3, makeRng(1)).sort(), [0, 1, 2]);
  assert.throws(() => sampleIndices(3, 4, makeRng(1)), RangeError);
  const xs = shuffleInPlace([1, 2, 3, 4, 5, 6], makeRng(9));
  assert.deepEqual([...xs].sort(), [1, 2, 3, 4, 5, 6]);
});

test("fillInt: deterministic, in range, roughly uniform (also for n that does not divide 2^32)", () => {
  const a = makeRng(3).fillInt(new Int32Array(30000), 3);
  assert.deepEqual(a, makeRng(3).fillInt(new Int32Array(30000), 3));
  const counts = [0, 0, 0];
  for (const x of a) counts[x]++;
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 400, `count ${c}`);
  const big = makeRng(4).fillInt(new Int32Array(1000), 3000000); // the division path
  assert.ok(big.every((x) => x >= 0 && x < 3000000));
  assert.throws(() => makeRng(1).fillInt(new Int32Array(1), 0), RangeError);
});
