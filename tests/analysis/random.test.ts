import { test } from "node:test";
import assert from "node:assert/strict";
import { hash32, hash32Continue, hashSeed, makeRng, sampleIndices, shuffleInPlace, type Rng } from "../../src/analysis/random";

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

test("hash32 is FNV-1a over UTF-8 bytes; hashSeed is the same function", () => {
  assert.equal(hash32(""), 2166136261);
  // by hand: (2166136261 XOR 0x61) * 16777619 mod 2^32 = 0xe40c292c
  assert.equal(hash32("a"), 0xe40c292c);
  assert.equal(fnvBytes([0x61]), 0xe40c292c);
  assert.equal(hash32("action|i"), 826779120);
  // "é" is two UTF-8 bytes (0xc3 0xa9), not one UTF-16 unit
  assert.equal(hash32("action|café"), 2048086653);
  assert.equal(hash32("é"), fnvBytes([0xc3, 0xa9]));
  assert.equal(hash32Continue(hash32("action|i"), " vote"), hash32("action|i vote"));
  assert.equal(hash32Continue(hash32("caf"), "é!"), hash32("café!"));
  assert.equal(hashSeed, hash32);
  assert.notEqual(hashSeed("1:overall"), hashSeed("1:Egypt"));
});

/** FNV-1a of raw bytes, written out independently of random.ts. */
function fnvBytes(bytes: number[]): number {
  let h = 2166136261n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 16777619n) % 2n ** 32n;
  return Number(h);
}

/** An Rng whose int() replays fixed draws, to check algorithms by hand. */
function scripted(draws: number[]): Rng {
  let k = 0;
  const int = (n: number) => {
    const x = draws[k++];
    assert.ok(x >= 0 && x < n, `scripted draw ${x} not in 0..${n - 1}`);
    return x;
  };
  return { uint32: () => 0, next: () => 0, int, fillInt: (out) => out };
}

test("shuffleInPlace is Fisher-Yates from the top: hand case with scripted draws, arrays and typed arrays", () => {
  // i = 3: j = 0 -> [4, 2, 3, 1]; i = 2: j = 0 -> [3, 2, 4, 1]; i = 1: j = 0 -> [2, 3, 4, 1]
  assert.deepEqual(shuffleInPlace([1, 2, 3, 4], scripted([0, 0, 0])), [2, 3, 4, 1]);
  // j = i every time leaves the order alone
  assert.deepEqual(shuffleInPlace(Int32Array.from([1, 2, 3, 4]), scripted([3, 2, 1])), Int32Array.from([1, 2, 3, 4]));
  const a = Int32Array.from([10, 20, 30, 40, 50]);
  assert.equal(shuffleInPlace(a, makeRng(9)), a, "in place");
  assert.deepEqual(a, Int32Array.from(shuffleInPlace([10, 20, 30, 40, 50], makeRng(9))), "typed and plain arrays draw the same stream");
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
