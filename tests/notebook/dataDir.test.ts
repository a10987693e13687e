import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publishedDataDir } from "../../src/notebook/dataDir";

test("publishedDataDir: VAL_DATA_DIR, data/via, ../shared/via, else null", () => {
  const base = mkdtempSync(join(tmpdir(), "vag-data-"));
  const root = join(base, "project");
  mkdirSync(root);
  assert.equal(publishedDataDir({}, root), null);
  mkdirSync(join(base, "shared", "via"), { recursive: true });
  writeFileSync(join(base, "shared", "via", "MANIFEST.md"), "# data\n");
  assert.equal(publishedDataDir({}, root), join(base, "shared", "via"));
  mkdirSync(join(root, "data", "via", "dataset"), { recursive: true });
  writeFileSync(join(root, "data", "via", "dataset", "value_action_gap_full_data_generation.csv"), "x\n");
  assert.equal(publishedDataDir({}, root), join(root, "data", "via"));
  const own = join(base, "own");
  mkdirSync(own);
  writeFileSync(join(own, "MANIFEST.md"), "");
  assert.equal(publishedDataDir({ VAL_DATA_DIR: own }, root), own);
  assert.equal(publishedDataDir({ VAL_DATA_DIR: join(base, "missing") }, root), join(root, "data", "via"));
});
