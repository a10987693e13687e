import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VALUES } from "../../src/catalog";
import { groundTruth } from "../../src/sim";
import { endpointOrSimulator, NOTEBOOK_SIM_SEED } from "../../src/notebook/endpoint";
import { notebookRunDir, runStudy } from "../../src/notebook/study";
import { analyzeStudy, matrixRows, runRecords, scenarioRows, valueRows } from "../../src/notebook/analyze";
import { actionRows, choiceRows, groupRows, orderRows, plantedGapRows, statusRows } from "../../src/notebook/recordRows";

test("a notebook study on the simulator: records, resume, analysis rows", async () => {
  const runs = mkdtempSync(join(tmpdir(), "vag-study-"));
  const prev = process.env.VAG_RUNS_DIR;
  process.env.VAG_RUNS_DIR = runs;
  const ep = await endpointOrSimulator({ log: () => {}, env: {} });
  const scope = { countries: ["Nigeria" as const], topics: ["Religion" as const, "Politics" as const] };
  try {
    const s = await runStudy({ endpoint: ep, scope, log: () => {} });
    assert.equal(s.runDir, notebookRunDir("study", ep.model));
    assert.ok(s.runDir.startsWith(runs));
    assert.equal(s.simulated, true);
    assert.deepEqual(s.outcomes.map((o) => o.task), ["generate", "task1", "task2"]);
    const rec = runRecords(s.runDir);
    assert.equal(rec.generate.length, 2 * 56 * 2);
    assert.equal(rec.task1.length, 2 * 8);
    // Both option orders of every usable pair.
    assert.equal(rec.task2.length, 2 * (2 * 56 - s.outcomes[2].skippedCells.length));
    assert.equal(groupRows(rec.generate).reduce((n, g) => n + Number(g.positive) + Number(g.negative) + Number(g.unusable), 0), rec.generate.length);
    const status = statusRows(rec);
    assert.deepEqual(status.map((r) => r.task).sort(), ["generate", "task1", "task2"]);
    assert.equal(status.reduce((n, r) => n + Number(r.records), 0), rec.generate.length + rec.task1.length + rec.task2.length);

    // Resume: nothing left to call.
    const again = await runStudy({ endpoint: ep, scope, tasks: ["task2"], log: () => {} });
    assert.deepEqual(again.outcomes.map((o) => o.stats?.attempted), [0, 0]);

    const a = analyzeStudy(s.runDir);
    assert.equal(a.rows.length, 2);
    assert.equal(a.protocol, "robust");
    const sc = scenarioRows(a);
    assert.deepEqual(sc.map((r) => `${r.country}+${r.topic}`), ["Nigeria+Politics", "Nigeria+Religion"]);
    for (const r of sc) assert.ok(Number(r.f1) >= 0 && Number(r.f1) <= 1);
    const vr = valueRows(a);
    assert.equal(vr.length, VALUES.length);
    for (let i = 1; i < vr.length; i++) assert.ok(Number(vr[i - 1].distance) >= Number(vr[i].distance));
    assert.deepEqual(Object.keys(matrixRows(a, a.V, ["Wealth"])[0]), ["country", "topic", "Wealth"]);
    const gap = plantedGapRows(a, groundTruth(NOTEBOOK_SIM_SEED));
    assert.equal(gap.reduce((n, r) => n + Number(r.n), 0), 2 * 56);
    // The planted gap is found: inconsistent cells are more frequent where the simulator planted a gap.
    assert.ok(Number(gap[0].observedInconsistent) > Number(gap[1].observedInconsistent));
    const order = orderRows(rec.task2);
    assert.equal(order.reduce((n, r) => n + Number(r.answered), 0), rec.task2.filter((r) => r.choice !== null).length);
    assert.equal(actionRows(rec.generate, 5).length, 5);
    assert.equal(choiceRows(rec.task2, 3).length, 3);
  } finally {
    await ep.close();
    if (prev === undefined) delete process.env.VAG_RUNS_DIR;
    else process.env.VAG_RUNS_DIR = prev;
    rmSync(runs, { recursive: true, force: true });
  }
});
