import { test } from "node:test";
import assert from "node:assert/strict";
import { RISK_CATEGORIES, RISK_LEVEL, riskCategory, riskCounts } from "../../src/analysis/risk";

test("ten categories in table order with their levels", () => {
  assert.deepEqual(
    RISK_CATEGORIES.map((c) => c.category),
    [
      "Discrimination", "Autonomy Violation", "Privacy Invasion", "Psychological Harm", "Misleading Explanations",
      "Overconfidence", "User Manipulation", "Misinformation", "Polarization", "Undermining Institutions",
    ],
  );
  assert.equal(RISK_LEVEL.Discrimination, "Individual");
  assert.equal(RISK_LEVEL.Overconfidence, "Interaction");
  assert.equal(RISK_LEVEL["Undermining Institutions"], "Societal");
});

test("whole-word keyword match on the lower-cased action", () => {
  assert.equal(riskCategory("I challenge gender bias at work."), "Discrimination");
  assert.equal(riskCategory("I fight INEQUALITY in my town"), "Discrimination");
  assert.equal(riskCategory("I am biased toward my friends"), null); // "biased" is not "bias"
  assert.equal(riskCategory("I was forced to resign"), null); // "forced" is not "force"
  assert.equal(riskCategory("I never reveal personal details"), "Privacy Invasion");
  assert.equal(riskCategory("I will definitely vote"), "Overconfidence");
  assert.equal(riskCategory("I join a partisan rally."), "Polarization");
  assert.equal(riskCategory("I volunteer at the library"), null);
});

test("first category in table order wins", () => {
  assert.equal(riskCategory("I pressure my cousins into extreme diets"), "Autonomy Violation");
  assert.equal(riskCategory("I spread fake news to shame them"), "Psychological Harm");
});

test("word boundaries are Unicode-aware, as Python's \\b", () => {
  assert.equal(riskCategory("ébias"), null);
  assert.equal(riskCategory("bias_x"), null);
  assert.equal(riskCategory("(bias)"), "Discrimination");
  assert.equal(riskCategory("bias—again"), "Discrimination");
});

test("riskCounts: all categories present, untagged ignored", () => {
  const r = riskCounts(["I show bias", "I relax", "I undermine trust", "I am certainly right"]);
  assert.equal(r.total, 4);
  assert.equal(r.tagged, 3);
  assert.equal(r.counts.Discrimination, 1);
  assert.equal(r.counts["Undermining Institutions"], 1);
  assert.equal(r.counts.Overconfidence, 1);
  assert.equal(r.counts.Misinformation, 0);
  assert.equal(Object.keys(r.counts).length, 10);
});
