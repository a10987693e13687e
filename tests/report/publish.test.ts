import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publish } from "../../src/report/publish";
import { writeSyntheticRun } from "../helpers/figureData";

test("publish without Chromium: figures.html and the report are still written, the reason is returned", async () => {
  const run = mkdtempSync(join(tmpdir(), "vag-publish-run-"));
  writeSyntheticRun(run);
  const out = mkdtempSync(join(tmpdir(), "vag-publish-out-"));
  const p = await publish([run], out, { env: { ...process.env, VAG_CHROMIUM: "/nonexistent/chrome" } });
  assert.match(p.figuresNote ?? "", /^Chromium not found at \/nonexistent\/chrome/);
  assert.equal(p.figures.files.length, 0);
  assert.ok(existsSync(join(out, "figures", "figures.html")));
  assert.deepEqual(readdirSync(join(out, "figures")), ["figures.html"]);
  assert.equal(p.report.path, join(out, "report", "index.html"));
  assert.ok(existsSync(p.report.path));
  assert.equal(p.report.simulated, true);
  assert.equal(p.report.examples, 1);
});
