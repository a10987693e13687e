import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { chromiumMissing } from "../../src/figures/render";
import { startSimServer, SIM_MODEL } from "../../src/sim";
import { errorOutputs, failureText, jupyterMissing, listNotebooks, runNotebooks, text, type NotebookJson } from "../../scripts/notebooks";
import { viaDir } from "../helpers/data";
import { buildLibrary } from "../helpers/build";

/**
 * The notebook suite, executed headlessly through the same runner as
 * `npm run notebooks`, with figures, runs and cache redirected to temp dirs.
 */
const skip = jupyterMissing() ?? chromiumMissing() ?? false;
// The kernels load the compiled library (notebooks/vag.cjs -> dist/).
if (!skip) buildLibrary();

/** Images each notebook must write (stems under the figures directory). */
const FIGURES: Record<string, string[]> = {
  "00-quickstart": ["00-quickstart/stated-vs-acted.png", "00-quickstart/stated-vs-acted.svg"],
  "01-generate-actions": ["01-generate-actions/usable-actions.png"],
  "02-stated-values": ["02-stated-values/task1-country.png"],
  "03-value-informed-actions": ["03-value-informed-actions/task2-topic.png"],
  "04-alignment": ["04-alignment/distance-country.png", "04-alignment/ranking-nigeria.png", "04-alignment/inconsistency.png"],
  "05-gap-prediction": ["05-gap-prediction/f1-by-setting.png"],
  "06-paper-figures": ["06-paper-figures/figures.html", "06-paper-figures/sim-respondent/heatmap-task1-country.png", "06-paper-figures/across/f1-country.svg"],
  "07-reproduce-paper": ["07-reproduce-paper/across-f1-country.png", "07-reproduce-paper/gpt-4o-mini-heatmap-distance-country.png"],
};

/** The caller's environment without any endpoint configuration, plus temp output dirs. */
function cleanEnv(dirs: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "VAG_BASE_URL", "VAG_MODEL"]) delete env[k];
  return { ...env, VAG_FIGURES_DIR: dirs.figures, VAG_RUNS_DIR: dirs.runs, VAG_CACHE_DIR: dirs.cache };
}

function tempDirs(): Record<string, string> {
  const base = mkdtempSync(join(tmpdir(), "vag-nbtest-"));
  return { base, figures: join(base, "figures"), runs: join(base, "runs"), cache: join(base, "cache"), out: join(base, "out") };
}

const outputText = (nb: NotebookJson) =>
  nb.cells.flatMap((c) => (c.outputs ?? []).map((o) => text(o.text) + JSON.stringify(o.data ?? {}))).join("\n");

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

test("every notebook executes headlessly on the simulator without errors and writes its figures", { skip }, async () => {
  const dirs = tempDirs();
  try {
    const results = await runNotebooks({ notebooks: listNotebooks(), outDir: dirs.out, env: cleanEnv(dirs), jobs: 2, timeoutSec: 600 });
    assert.equal(results.length, 8);
    for (const r of results) {
      const name = basename(r.notebook, ".ipynb");
      assert.ok(r.ok, `${name} failed:\n${failureText(r)}`);
      const nb = JSON.parse(readFileSync(r.output!, "utf8")) as NotebookJson;
      assert.deepEqual(errorOutputs(nb), [], `${name} has error outputs`);
      const out = outputText(nb);
      if (name === "07-reproduce-paper" && !viaDir()) {
        assert.match(out, /published data not found/);
        continue;
      }
      if (name !== "07-reproduce-paper") assert.match(out, /SIMULATED/, `${name} must say it is simulated`);
      for (const f of FIGURES[name]) assert.ok(existsSync(join(dirs.figures, f)), `${name} did not write ${f}`);
      // Figures are shown inline as a PNG plus the plotly bundle, in one output.
      const shown = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "display_data");
      assert.ok(shown.length >= 1, `${name} shows no figure`);
      for (const o of shown) assert.ok(o.data?.["image/png"] && o.data?.["application/vnd.plotly.v1+json"], `${name}: a figure output lacks PNG or plotly JSON`);
    }
  } finally {
    rmSync(dirs.base, { recursive: true, force: true });
  }
});

test("a canary key in the environment reaches no notebook output and no file", { skip }, async () => {
  const CANARY = "sk-canary-nb-7f3a9c2e5b1d4f60a8e2";
  const dirs = tempDirs();
  // The configured endpoint is the simulator on 127.0.0.1: the key is sent there and nowhere else.
  const sim = await startSimServer({ port: 0, seed: 11 });
  try {
    const env = { ...cleanEnv(dirs), OPENAI_API_KEY: CANARY, VAG_BASE_URL: sim.url, VAG_MODEL: SIM_MODEL };
    const [r] = await runNotebooks({ notebooks: listNotebooks(["00-quickstart"]), outDir: dirs.out, env, jobs: 1, timeoutSec: 600 });
    assert.ok(r.ok, failureText(r));
    const executed = readFileSync(r.output!, "utf8");
    assert.match(executed, /from VAG_BASE_URL/, "the configured endpoint was used");
    assert.ok(sim.stats().answered > 0, "the notebook called the configured endpoint");
    const files = walk(dirs.base);
    assert.ok(files.some((f) => f.endsWith("task2.jsonl")) && files.some((f) => f.endsWith(".png")));
    for (const f of files) assert.ok(!readFileSync(f).includes(CANARY), `${f} contains the key`);
  } finally {
    await sim.close();
    rmSync(dirs.base, { recursive: true, force: true });
  }
});
