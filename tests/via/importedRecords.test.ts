import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { z } from "zod";
import { Task1Record, Task2Record } from "../../src/runs/records";
import { DatasetItem, importDataset } from "../../src/via/importDataset";
import { importTask1 } from "../../src/via/importTask1";
import { importTask2 } from "../../src/via/importTask2";
import { DATASET_FILE, MODEL_IDS, TASK1_FILES, TASK2_FILES } from "../../src/via/models";
import { skipWithoutData, viaDir } from "../helpers/data";

/**
 * The importers build records from checked cells and no longer run zod on
 * each one (it cost more than the rest of the import). Here every record they
 * produce must pass its schema, and zod's output must be the record itself,
 * key order included, so JSON written from it is what it always was.
 */
function holds<T>(schema: z.ZodType<T>, records: readonly unknown[], what: string, every = 1): void {
  for (const [k, r] of records.entries()) {
    // (sampled: every record whose parse was not plain "ok", and one in `every` of the rest)
    if (k % every !== 0 && (r as { parse: { status: string } }).parse.status === "ok") continue;
    const checked = schema.safeParse(r);
    assert.ok(checked.success, `${what}: ${checked.success ? "" : checked.error.message}`);
    assert.equal(JSON.stringify(checked.data), JSON.stringify(r), `${what}: zod output differs`);
  }
}

test("imported records: Task 1, Task 2 and dataset rows from small files satisfy their schemas", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-imported-"));
  const answers = JSON.stringify({ Equality: "1", Wealth: "not like me", Authority: "agree" }).replaceAll('"', '""');
  writeFileSync(join(dir, "t1.csv"), `country,topic,response,prompt_index\nEgypt,Religion,"${answers}",0\nEgypt,Religion,no json here,1\n`);
  for (const protocol of ["paper", "robust"] as const) {
    const t1 = importTask1(dir, "t1.csv", "gpt-4o", protocol);
    assert.equal(t1.records.length, 2);
    assert.equal(t1.records[1].parse.status, "failed");
    holds(Task1Record, t1.records, `t1 ${protocol}`);
  }
  writeFileSync(
    join(dir, "t2.csv"),
    "dataset_row,country,topic,value,polarity,model_choice,prompt_index\n0,Egypt,Religion,Wealth,positive,True,5\n1,Egypt,Religion,Wealth,negative,False,5\n2,Egypt,Religion,Humble,positive,True,5\n",
  );
  const t2 = importTask2(dir, "claude-sonnet-4", { path: "t2.csv", invertedChoice: false });
  assert.deepEqual(
    t2.records.map((r) => r.parse.status),
    ["ok", "failed"],
  );
  holds(Task2Record, t2.records, "t2");
  const gen = JSON.stringify(JSON.stringify({ "Human Action": "I pray.", "Feature Attributions": ["pray"], "Natural Language Explanation": "Faith." })).slice(1, -1).replaceAll('\\"', '""');
  writeFileSync(join(dir, "ds.csv"), `country,topic,value,polarity,generation_prompt\nEgypt,Religion,Wealth,positive,"${gen}"\nEgypt,Religion,Wealth,negative,I cannot help with that.\n`);
  const ds = importDataset(dir, "ds.csv");
  assert.equal(ds.records[0].action, "I pray.");
  assert.equal(ds.records[1].parse.status, "failed");
  holds(DatasetItem, ds.records, "dataset");
});

test("imported records: records from the published files satisfy their schemas", { skip: skipWithoutData() }, () => {
  const dir = viaDir()!;
  let n = 0;
  for (const m of MODEL_IDS) {
    const t1 = TASK1_FILES[m];
    if (t1) {
      const recs = importTask1(dir, t1, m, "paper").records;
      holds(Task1Record, recs, t1, 5);
      n += recs.length;
    }
    const t2 = TASK2_FILES[m];
    if (t2) {
      const recs = importTask2(dir, m, t2).records;
      holds(Task2Record, recs, t2.path, 5);
      n += recs.length;
    }
  }
  const ds = importDataset(dir, DATASET_FILE).records;
  holds(DatasetItem, ds, DATASET_FILE, 5);
  n += ds.length;
  assert.ok(n > 35_000, `${n} records`);
});
