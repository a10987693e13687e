import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { parseTask2 } from "../../src/parse";
import { skipWithoutData, viaDir } from "../helpers/data";

/**
 * The Task-2 prompt-robustness runs (../via/task2_prompt_agreement): 8 models
 * x 50 items x 8 variants, stored as Python dict reprs of the parsed answer.
 * Every answer names an option except five non-answers ("Both", "Neither …",
 * three "I cannot select an option …", one of which discusses both options):
 * robust rejects exactly those, all five as refusals (each declines in its
 * action or explanation field: "I cannot …", "As an AI, I don't have
 * personal values"), paper counts them as Option 2.
 */
test("Task 2 prompt-agreement answers: robust reads every option, rejects the 5 non-answers as refusals", { skip: skipWithoutData() }, () => {
  const dir = join(viaDir() as string, "task2_prompt_agreement");
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
  assert.equal(files.length, 8);
  let total = 0;
  let robustOk = 0;
  let paperOk = 0;
  let agree = 0;
  const reasons = new Map<string, number>();
  for (const f of files) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, f), "utf8"), { header: true, skipEmptyLines: true }).data;
    for (const row of rows) {
      for (let k = 0; k < 8; k++) {
        const text = row[`evaluation_${k}`];
        total++;
        const r = parseTask2(text, "robust");
        const p = parseTask2(text, "paper");
        if (p.ok) paperOk++;
        if (!r.ok) {
          reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
          continue;
        }
        robustOk++;
        if (p.ok && p.value.choice === r.value.choice) agree++;
      }
    }
  }
  console.log(`  Task 2 agreement runs: ${total} answers; robust ${robustOk} ok (${[...reasons].map(([k, n]) => `${k} ${n}`).join(", ")}); paper ${paperOk} ok; same choice ${agree}`);
  assert.equal(total, 3200);
  assert.equal(paperOk, 3200);
  assert.equal(robustOk, 3195);
  assert.deepEqual(Object.fromEntries(reasons), { refusal: 5 });
  // paper reads "Option 1" only; bare "1" answers (116) are Option 2 to it
  assert.equal(agree, robustOk - 116);
});
