#!/usr/bin/env node
// `npm run jupyter [-- ARGS]`: open the notebooks for editing in a Jupyter
// front-end (JupyterLab when installed, else the classic Notebook that setup
// installs from Debian, else NbClassic), with the project-local tslab kernel
// (JUPYTER_PATH=.jupyter, written by setup.mjs), on 127.0.0.1 only, behind a
// token (JUPYTER_TOKEN when set, else a fresh random one, printed in the URL).
// Beside it runs the library's build watch (scripts/build.mjs --watch), so
// dist/ follows src/; a kernel keeps the code it loaded: restart it after an edit.
// Extra ARGS go to the front-end (e.g. --no-browser --port 8899); --no-watch
// skips the build watch; --notebook-dir DIR opens another directory.
// Headless execution does not need a front-end: that is `npm run notebooks`.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const token = process.env.JUPYTER_TOKEN || randomBytes(24).toString("hex");
const env = {
  ...process.env,
  JUPYTER_PATH: join(root, ".jupyter"),
  JUPYTER_TOKEN: token,
  PATH: `/usr/bin:${process.env.PATH ?? ""}`,
  PYDEVD_DISABLE_FILE_VALIDATION: "1",
};

let args = process.argv.slice(2);
const noWatch = args.includes("--no-watch");
args = args.filter((a) => a !== "--no-watch");
let notebookDir = join(root, "notebooks");
const i = args.findIndex((a) => a === "--notebook-dir" || a.startsWith("--notebook-dir="));
if (i >= 0) {
  notebookDir = resolve(args[i].includes("=") ? args[i].split("=")[1] : args[i + 1]);
  args.splice(i, args[i].includes("=") ? 1 : 2);
}

// (executable, its arguments): 127.0.0.1 only, the token from JUPYTER_TOKEN, tslab as the default kernel.
const FRONT_ENDS = [
  ["jupyter-lab", ["--ip=127.0.0.1", `--ServerApp.root_dir=${notebookDir}`, "--MappingKernelManager.default_kernel_name=tslab"]],
  ["jupyter-notebook", ["--ip=127.0.0.1", `--notebook-dir=${notebookDir}`, "--MappingKernelManager.default_kernel_name=tslab"]],
  ["jupyter-nbclassic", ["--ip=127.0.0.1", `--notebook-dir=${notebookDir}`, "--MappingKernelManager.default_kernel_name=tslab"]],
];

function find(bin) {
  for (const dir of env.PATH.split(":")) if (dir && existsSync(join(dir, bin))) return join(dir, bin);
  return null;
}

if (!existsSync(join(root, ".jupyter", "kernels", "tslab", "kernel.json"))) {
  console.error("jupyter: the tslab kernel is not registered yet; run `npm run setup` first");
  process.exit(1);
}

const found = FRONT_ENDS.map(([bin, fixed]) => [find(bin), bin, fixed]).find(([path]) => path);
if (!found) {
  console.error(`jupyter: no Jupyter front-end is installed (looked for ${FRONT_ENDS.map(([b]) => b).join(", ")}).
Headless execution works without one: npm run notebooks
To edit the notebooks, install one of:
  Debian/Ubuntu:  sudo apt-get install -y --no-install-recommends jupyter-notebook   (what setup installs as root)
  pip:            pip install jupyterlab        (then npm run jupyter again)
  VS Code:        the Jupyter extension; start VS Code with JUPYTER_PATH=${env.JUPYTER_PATH} and pick the "TypeScript (tslab)" kernel
See environment.md ("Running and editing the notebooks").`);
  process.exit(1);
}

const [path, bin, fixed] = found;
// Containers and CI often run as root, which Jupyter refuses without this flag.
if (typeof process.getuid === "function" && process.getuid() === 0) fixed.push("--allow-root");
const children = [];
if (!noWatch) children.push(spawn(process.execPath, [join(root, "scripts", "build.mjs"), "--watch"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] }));
console.error(`jupyter: starting ${bin} on ${notebookDir} with the tslab kernel (JUPYTER_PATH=${env.JUPYTER_PATH}), 127.0.0.1 only`);
console.error(`jupyter: token ${token.slice(0, 6)}... (full URL printed below; set JUPYTER_TOKEN to choose one)`);
const server = spawn(path, [...fixed, ...args], { cwd: root, env, stdio: "inherit" });
children.push(server);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  // SIGTERM: Notebook and JupyterLab shut down their kernels and exit (SIGINT would ask "Shutdown? y/n").
  for (const c of children) if (c.exitCode === null) c.kill(signal === "SIGINT" ? "SIGTERM" : signal);
}
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => stop(s));
server.on("exit", (code, signal) => {
  stop("SIGTERM");
  process.exitCode = code ?? (signal ? 1 : 0);
});
