import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { DEFAULT_DATA_DIR } from "../../src/via/files";
import { runVag } from "../helpers/cli";

const ROOT = join(__dirname, "..", "..");
const ignored = (path: string) => {
  try {
    execFileSync("git", ["check-ignore", "-q", path], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
};

/** The design card names top-level data/ and figures/: they exist in a checkout, and what lands in them stays out of git. */
test("layout: data/ and figures/ hold a tracked README and ignore everything generated", () => {
  for (const dir of ["data", "figures"]) {
    assert.match(readFileSync(join(ROOT, dir, "README.md"), "utf8"), new RegExp(`^# ${dir}/`));
    assert.equal(ignored(`${dir}/README.md`), false, `${dir}/README.md is tracked`);
    assert.equal(ignored(`${dir}/anything.png`), true, `${dir}/anything.png is ignored`);
  }
  assert.equal(ignored("data/via/dataset/value_action_gap_full_data_generation.csv"), true);
  assert.equal(DEFAULT_DATA_DIR, "data/via");
});

test("layout: vag figures writes to figures/ by default", async () => {
  const r = await runVag(["figures", "--help"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout.replace(/\s+/g, " "), /--out <dir> output directory \(default: "figures"\)/);
});
