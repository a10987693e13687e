import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, GROUPS, SCENARIOS, VALUES, scenarioIndex, VALUE_INDEX } from "../../src/catalog";
import {
  groundTruth, respondent, likertDistribution, keyHash, unit, normal,
  GROUP_GAP_RATE, COUNTRY_GAP_FACTOR, MAX_GAP_PROBABILITY, CELL_NOISE,
} from "../../src/sim";

test("random: keyed draws are deterministic, in range and sensitive to every key", () => {
  assert.equal(keyHash(7, "a", "b"), keyHash(7, "a", "b"));
  // Pinned: the value of the simulator's own FNV-1a before it became analysis/random.ts hash32 (same stream).
  assert.equal(keyHash(7, "a", "b"), 243966080);
  assert.notEqual(keyHash(7, "a", "b"), keyHash(7, "ab"));
  assert.notEqual(keyHash(7, "a"), keyHash(8, "a"));
  const us = Array.from({ length: 2000 }, (_, i) => unit(1, "k", i));
  assert.ok(us.every((u) => u >= 0 && u < 1));
  const mean = us.reduce((s, u) => s + u, 0) / us.length;
  assert.ok(Math.abs(mean - 0.5) < 0.03, `mean ${mean}`);
  const zs = Array.from({ length: 2000 }, (_, i) => normal(1, "z", i));
  const zm = zs.reduce((s, z) => s + z, 0) / zs.length;
  const zv = zs.reduce((s, z) => s + (z - zm) ** 2, 0) / zs.length;
  assert.ok(Math.abs(zm) < 0.08 && Math.abs(zv - 1) < 0.12, `normal mean ${zm} var ${zv}`);
});

test("likert distribution: sums to 1 and stays on the latent side except for the flip share", () => {
  for (const z of [1, 1.7, 2.49, 2.5, 3.2, 4]) {
    const p = likertDistribution(z);
    assert.ok(Math.abs(p.reduce((s, x) => s + x, 0) - 1) < 1e-12);
    const otherSide = z < 2.5 ? p[2] + p[3] : p[0] + p[1];
    assert.ok(otherSide < 0.05, `z=${z} other side ${otherSide}`);
  }
});

test("ground truth: 7,392 cells in matrix order with consistent fields", () => {
  const g = groundTruth(3);
  assert.equal(g.simulated, true);
  assert.equal(g.cells.length, SCENARIOS.length * VALUES.length);
  const c = g.cells[scenarioIndex("Egypt", "Religion") * 56 + VALUE_INDEX["Devout"]];
  assert.deepEqual([c.country, c.topic, c.value, c.group], ["Egypt", "Religion", "Devout", "Tradition"]);
  for (const x of g.cells) {
    assert.ok(x.statedMean >= 1 && x.statedMean <= 4);
    assert.equal(x.stated === "disagree", x.statedMean >= 2.5, `${x.country}/${x.topic}/${x.value} mean ${x.statedMean}`);
    // Acting: agree -> positive unless gap; disagree -> negative unless gap.
    const actsPositive = (x.stated === "agree") !== x.gap;
    assert.equal(x.acted, actsPositive ? "agree" : "disagree");
    assert.equal(x.pPositive, actsPositive ? 1 - x.noise.task2 : x.noise.task2);
    assert.equal(x.pDepart, x.gap ? 1 - x.noise.task2 : x.noise.task2);
    assert.ok(x.noise.task1 >= 0 && x.noise.task1 <= CELL_NOISE.max && x.noise.task2 >= 0 && x.noise.task2 <= CELL_NOISE.max);
  }
});

test("per-cell noise: seeded, heavy-tailed as documented (most cells stable, a few unstable), exposed with the truth", () => {
  const g = groundTruth(3);
  assert.deepEqual(groundTruth(3).cells.map((c) => c.noise), g.cells.map((c) => c.noise));
  for (const task of ["task1", "task2"] as const) {
    const xs = g.cells.map((c) => c.noise[task]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    // mean max/(shape+1) = 0.0333; share above 0.1 is 1 − 0.2^(1/14) = 0.109; above 0.25: 0.048
    assert.ok(Math.abs(mean - g.constants.cellNoise.mean) < 0.004, `${task} mean ${mean}`);
    const above = (t: number) => xs.filter((x) => x > t).length / xs.length;
    assert.ok(Math.abs(above(0.1) - 0.109) < 0.015 && Math.abs(above(0.25) - 0.048) < 0.01, `${task}: ${above(0.1)} ${above(0.25)}`);
  }
  // The two tasks draw independently.
  assert.ok(g.cells.some((c) => c.noise.task1 > 0.25 && c.noise.task2 < 0.01));
  // A noisy cell's Task 1 distribution puts η on the other side.
  const noisy = respondent(3).cells.find((c) => c.noise.task1 > 0.3)!;
  const p = noisy.likert;
  assert.ok(Math.abs((noisy.latent < 2.5 ? p[2] + p[3] : p[0] + p[1]) - noisy.noise.task1) < 1e-12);
});

test("stated inclinations are realistic: most values agreed with, Power disagreed more than Benevolence", () => {
  const g = groundTruth(1);
  assert.ok(g.statedDisagreeShare > 0.1 && g.statedDisagreeShare < 0.35, `disagree share ${g.statedDisagreeShare}`);
  const share = (group: string) => {
    const cells = g.cells.filter((c) => c.group === group);
    return cells.filter((c) => c.stated === "disagree").length / cells.length;
  };
  assert.ok(share("Power") > 0.4, `Power ${share("Power")}`);
  assert.ok(share("Benevolence") < 0.05, `Benevolence ${share("Benevolence")}`);
  // Traditional values are agreed with more in Pakistan than in Germany.
  const trad = (country: string) => {
    const cells = g.cells.filter((c) => c.group === "Tradition" && c.country === country);
    return cells.reduce((s, c) => s + c.statedMean, 0) / cells.length;
  };
  assert.ok(trad("Pakistan") < trad("Germany") - 0.3, `Pakistan ${trad("Pakistan")} Germany ${trad("Germany")}`);
});

test("planted gap rates: constants as documented, realized rates close to them", () => {
  const g = groundTruth(1);
  const expected = (GROUP_GAP_RATE.Power * COUNTRIES.reduce((s, c) => s + COUNTRY_GAP_FACTOR[c], 0)) / 12;
  assert.ok(Math.abs(g.plantedGapRate.byGroup.Power - expected) < 1e-9);
  assert.ok(g.plantedGapRate.byGroup.Power > 2 * g.plantedGapRate.byGroup.Benevolence);
  assert.ok(g.plantedGapRate.byCountry.Uganda > g.plantedGapRate.byCountry["United States"]);
  assert.ok(g.cells.every((c) => c.pDepart <= 1));
  for (const grp of GROUPS) {
    const d = Math.abs(g.realizedGapRate.byGroup[grp] - g.plantedGapRate.byGroup[grp]);
    assert.ok(d < 0.05, `${grp}: realized ${g.realizedGapRate.byGroup[grp]} planted ${g.plantedGapRate.byGroup[grp]}`);
  }
  assert.ok(Math.abs(g.realizedGapRate.overall - g.plantedGapRate.overall) < 0.02);
  assert.ok(MAX_GAP_PROBABILITY < 1);
});

test("the respondent is a pure function of the seed", () => {
  const a = groundTruth(5), b = groundTruth(5), c = groundTruth(6);
  assert.deepEqual(a.cells.slice(0, 100), b.cells.slice(0, 100));
  const differ = a.cells.filter((x, i) => x.gap !== c.cells[i].gap || x.statedMean !== c.cells[i].statedMean).length;
  assert.ok(differ > 1000, `only ${differ} cells differ between seeds`);
  assert.equal(respondent(5), respondent(5)); // cached
});
