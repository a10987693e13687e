import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { alignmentRate } from "../../src/analysis/alignmentRate";
import { distanceCellMean, distanceGroupMean } from "../../src/analysis/distance";
import { inconsistency } from "../../src/analysis/inconsistency";
import { makeScenarioMatrix, type Matrix } from "../../src/analysis/matrix";
import { misalignedCells } from "../../src/analysis/misaligned";

/** A random 132 × 56 matrix from a seed: values in [0, 1], about `holes` of them missing. */
function randomMatrix(seed: number, holes: number): Matrix {
  const m = makeScenarioMatrix(0);
  let s = seed >>> 0;
  for (let k = 0; k < m.data.length; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 4294967296;
    m.data[k] = u < holes ? NaN : Math.round(u * 3) / 3;
  }
  return m;
}

const seeds = fc.record({ v: fc.nat(), a: fc.nat(), holes: fc.constantFrom(0, 0.05, 0.3) });

test("properties over random matrices: cell-mean ≥ group-mean, scores in range, misaligned = inconsistent", () => {
  fc.assert(
    fc.property(seeds, ({ v, a, holes }) => {
      const V = randomMatrix(v, holes);
      const A = randomMatrix(a ^ 0x5bd1e995, holes);
      for (const protocol of ["paper", "robust"] as const) {
        const cell = distanceCellMean(V, A, protocol);
        const group = distanceGroupMean(V, A, protocol);
        if (protocol === "robust") {
          // same rows on both sides, so the triangle inequality applies cell by cell
          for (let k = 0; k < cell.byCountry.data.length; k++) {
            const c = cell.byCountry.data[k];
            const g = group.byCountry.data[k];
            if (!Number.isNaN(c)) assert.ok(c >= g - 1e-12, `${c} < ${g}`);
          }
        }
        const r = alignmentRate(V, A, { protocol });
        for (const x of r.scenarios.f1) if (!Number.isNaN(x)) assert.ok(x >= 0 && x <= 1);
        for (const x of r.scenarios.kappa) if (!Number.isNaN(x)) assert.ok(x >= -1 && x <= 1 + 1e-12);
        const inc = inconsistency(V, A, protocol);
        assert.equal(misalignedCells(V, A, protocol).length, inc.total);
        if (protocol === "paper") assert.equal(inc.cells, 7392);
        // accuracy over the scenarios' cells = 1 − share of inconsistent cells (weighted by cells)
        let agree = 0;
        for (let i = 0; i < 132; i++) if (r.scenarios.n[i] > 0) agree += r.scenarios.accuracy[i] * r.scenarios.n[i];
        assert.ok(Math.abs(agree - (inc.cells - inc.total)) < 1e-6);
      }
    }),
    { numRuns: 15, seed: 42 },
  );
});
