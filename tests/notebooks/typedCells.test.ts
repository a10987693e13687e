import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { jupyterMissing, kernelEnv, ROOT, runNotebooks, text, type NotebookJson } from "../../scripts/notebooks";
import { buildLibrary } from "../helpers/build";

/**
 * Cells are type-checked by tslab's compiler against the compiled library's
 * declarations (notebooks/vag.d.cts -> dist/): a misuse fails at compile time
 * with the compiler's message, before anything runs; a correct cell runs.
 */
const skip = jupyterMissing() ?? false;

const cell = (id: string, source: string) => ({ id, cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });

test("a cell with a type error fails with the compiler's message; a correct cell runs", { skip }, async () => {
  buildLibrary();
  const dir = mkdtempSync(join(tmpdir(), "vag-typed-"));
  try {
    const nbPath = join(dir, "typed.ipynb");
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript (tslab)", language: "typescript" } },
      // The failing cell comes last: after a failed cell nbclient records no outputs of later cells.
      cells: [
        cell("import", 'import * as vag from "./notebooks/vag.cjs";'),
        cell("typed", 'const n: number = vag.catalog.COUNTRIES.length;\nconsole.log(`countries=${n} ${vag.catalog.toCountry("nigeria")}`);'),
        cell("wrong", 'console.log("ran");\nvag.catalog.toCountry(42);\nvag.analysis.alignmentRat;'),
      ],
    };
    writeFileSync(nbPath, JSON.stringify(nb));
    const [r] = await runNotebooks({ notebooks: [nbPath], outDir: join(dir, "out"), jobs: 1, timeoutSec: 120 });
    assert.equal(r.ok, false, "the notebook must fail on its type error");
    assert.deepEqual(r.errors.map((e) => e.cell), [2], JSON.stringify(r.errors));
    const error = r.errors[0].error;
    assert.match(error, /^2:23 - Argument of type 'number' is not assignable to parameter of type 'string'/m);
    assert.match(error, /^3:14 - Property 'alignmentRat' does not exist .*Did you mean 'alignmentRate'\?/m);
    const executed = JSON.parse(readFileSync(r.output!, "utf8")) as NotebookJson;
    const outputs = (i: number) => (executed.cells[i].outputs ?? []).map((o) => text(o.text)).join("");
    assert.match(outputs(1), /^countries=12 Nigeria$/m);
    // Compile errors stop the cell before any of it runs.
    assert.doesNotMatch(outputs(2), /ran/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A live kernel's completion and hover (what a front-end asks for), through jupyter_client. */
const KERNEL_CLIENT = `
import json
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="tslab")
try:
    kc.execute_interactive('import * as vag from "./notebooks/vag.cjs";', timeout=120)
    code = "vag.catalog.toCoun"
    comp = kc.complete(code, len(code), reply=True, timeout=60)["content"]
    code2 = "vag.catalog.toCountry"
    insp = kc.inspect(code2, len(code2) - 2, reply=True, timeout=60)["content"]
    print("KC " + json.dumps({"matches": comp.get("matches"), "inspect": insp.get("data", {}).get("text/plain", "")}), flush=True)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`;

test("a live kernel completes library names and shows their type and doc comment on hover", { skip }, () => {
  buildLibrary();
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const r = spawnSync(python, ["-c", KERNEL_CLIENT], { cwd: ROOT, env: kernelEnv(), encoding: "utf8", timeout: 180_000 });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("KC "));
  assert.ok(line, `no reply from the kernel:\n${r.stdout}\n${r.stderr}`);
  const got = JSON.parse(line.slice(3)) as { matches: string[]; inspect: string };
  assert.deepEqual(got.matches, ["toCountry"]);
  assert.match(got.inspect, /^const toCountry: \(name: string\) => "United States" \| "India"/);
  assert.match(got.inspect, /Resolve a country name/);
});
