#!/usr/bin/env node
// `npm run jupyter [-- ARGS]`: open the notebooks for editing in the first
// Jupyter front-end found (JupyterLab, Notebook, NbClassic), with the
// project-local tslab kernel (JUPYTER_PATH=.jupyter, written by setup.mjs).
// Extra ARGS go to the front-end (e.g. --no-browser --port 8899).
// Headless execution does not need a front-end: that is `npm run notebooks`.
// When none is installed, print how to get one and exit 1 (nothing is installed here).
import { existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, JUPYTER_PATH: join(root, ".jupyter"), PATH: `/usr/bin:${process.env.PATH ?? ""}` };

// (executable, arguments before the user's): each opens a file browser rooted at notebooks/.
const FRONT_ENDS = [
  ["jupyter-lab", [`--ServerApp.root_dir=${join(root, "notebooks")}`]],
  ["jupyter-notebook", [`--notebook-dir=${join(root, "notebooks")}`]],
  ["jupyter-nbclassic", [`--notebook-dir=${join(root, "notebooks")}`]],
];

function find(bin) {
  for (const dir of env.PATH.split(":")) if (dir && existsSync(join(dir, bin))) return join(dir, bin);
  return null;
}

if (!existsSync(join(root, ".jupyter", "kernels", "tslab", "kernel.json"))) {
  console.error("jupyter: the tslab kernel is not registered yet; run `npm run setup` first");
  process.exit(1);
}

for (const [bin, args] of FRONT_ENDS) {
  const path = find(bin);
  if (!path) continue;
  console.error(`jupyter: starting ${bin} on ${join(root, "notebooks")} with the tslab kernel (JUPYTER_PATH=${env.JUPYTER_PATH})`);
  const child = spawn(path, [...args, ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => child.kill(s));
  // The child owns the terminal from here on.
  await new Promise(() => {});
}

console.error(`jupyter: no Jupyter front-end is installed (looked for ${FRONT_ENDS.map(([b]) => b).join(", ")}).
Headless execution works without one: npm run notebooks
To edit the notebooks, install one of:
  Debian/Ubuntu:  sudo apt-get install -y --no-install-recommends jupyter-notebook   (classic Notebook 6, ~47 packages)
  pip:            pip install jupyterlab        (then npm run jupyter again)
  VS Code:        the Jupyter extension; start VS Code with JUPYTER_PATH=${env.JUPYTER_PATH} and pick the "TypeScript (tslab)" kernel
See environment.md ("Editing the notebooks").`);
process.exit(1);
