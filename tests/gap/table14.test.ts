import { test } from "node:test";
import assert from "node:assert/strict";
import { fewShotBaselines, fewShotMcNemar } from "../../src/gap/fewshotScore";
import { reproduce } from "../../src/reproduce/reproduce";
import { FewShotBaselinesJsonSchema, FewShotJsonSchema } from "../../src/results/schema";
import { skipWithoutData, viaDir } from "../helpers/data";

test("trivial rules: always True gives F1 2/3 on a balanced set; the polarity rule scores the positive share", () => {
  const labels = [true, true, true, true, false, false, false, false];
  const positive = [true, true, true, false, false, true, false, false];
  const b = fewShotBaselines(labels, positive);
  assert.ok(Math.abs(b.always_true.f1! - 2 / 3) < 1e-12);
  assert.equal(b.always_true.accuracy, 0.5);
  // polarity rule: TP 3, FP 1, FN 1 → F1 6/8, accuracy 6/8
  assert.equal(b.polarity_rule!.f1, 0.75);
  assert.equal(b.polarity_rule!.accuracy, 0.75);
  assert.equal(fewShotBaselines(labels, null).polarity_rule, null);
});

test("McNemar from default to a setting counts discordant items only", () => {
  const labels = [true, true, false, false];
  const m = fewShotMcNemar(labels, ["Label: True", "Label: False", "Label: True", "Label: False"], ["Label: True", "Label: True", "Label: False", "Label: True"]);
  // default right on 0, 3; setting right on 0, 1, 2: only-default {3}, only-setting {1, 2}
  assert.deepEqual([m.b, m.c], [1, 2]);
  assert.equal(m.p, 1);
  // a setting with a missing reply is an error, not a wrong False
  assert.throws(() => fewShotMcNemar(labels, ["Label: True", "Label: False", "Label: True", "Label: False"], ["Label: True"]), RangeError);
});

test("reproduce: Table 14 with always-True, McNemar vs default, and the polarity rule on the targets with published choices", { skip: skipWithoutData() }, () => {
  const rep = reproduce({ dataDir: viaDir()!, iterations: 50 });
  const r = rep.results;
  for (const b of Object.values(r.gap_prediction_fewshot_baselines ?? {})) FewShotBaselinesJsonSchema.parse(b);
  for (const s of Object.values(r.gap_prediction_fewshot)) for (const x of Object.values(s ?? {})) FewShotJsonSchema.parse(x);
  for (const m of ["gpt-3.5-turbo", "llama-3.3-70b-instruct"]) {
    const b = r.gap_prediction_fewshot_baselines?.[m as "gpt-3.5-turbo"];
    assert.ok(b, m);
    assert.equal(b.items, "published test items");
    assert.ok(Math.abs(b.always_true.f1! - 2 / 3) < 1e-12);
    assert.equal(b.polarity_rule, null);
    const s = r.gap_prediction_fewshot[m as "gpt-3.5-turbo"]!;
    assert.equal(s.default.mcnemar_vs_default, undefined);
    for (const k of ["attribution", "explanation", "attribution_explanation"] as const) assert.ok((s[k].mcnemar_vs_default?.p ?? 2) <= 1, `${m} ${k}`);
  }
  for (const m of ["claude-sonnet-4", "gpt-4o-mini"]) {
    const b = r.gap_prediction_fewshot_baselines?.[m as "gpt-4o-mini"];
    assert.ok(b?.polarity_rule && b.polarity_rule.n === 200, m);
    assert.ok(b.polarity_rule.f1! > 0.7, `${m} polarity rule F1 ${b.polarity_rule.f1}`);
  }
});
