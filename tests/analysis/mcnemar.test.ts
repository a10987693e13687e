import { test } from "node:test";
import assert from "node:assert/strict";
import { mcnemarExact } from "../../src/analysis/mcnemar";

test("exact McNemar by hand", () => {
  // b = 1 (only A right), c = 5 (only B right): p = 2·(C(6,0) + C(6,1))/2^6 = 14/64
  const r = mcnemarExact([1, 1, 1, 0, 0, 0, 0, 0], [0, 1, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual([r.b, r.c], [1, 5]);
  assert.ok(Math.abs(r.p - 14 / 64) < 1e-15);
  // no discordant items: p = 1; symmetric counts: p = 1 (capped)
  assert.equal(mcnemarExact([1, 0], [1, 0]).p, 1);
  assert.equal(mcnemarExact([1, 0], [0, 1]).p, 1);
  // b = 0, c = 10: p = 2/1024
  assert.ok(Math.abs(mcnemarExact(Array(10).fill(0), Array(10).fill(1)).p - 2 / 1024) < 1e-15);
});
