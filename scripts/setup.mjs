#!/usr/bin/env node
// One idempotent setup step, run before `npm start`, `npm test` and
// `npm run notebooks` (npm pre-hooks). It is plain JavaScript with no
// dependencies because it runs before node_modules exists.
//  1. `npm ci` when node_modules is missing or older than package-lock.json;
//  2. Debian packages for notebooks (Jupyter nbconvert/client/nbclient, and the
//     classic Notebook 6 front-end, the only one Debian 12 packages) and
//     figures/report (Chromium): installed with apt when running as root,
//     otherwise the exact command is printed;
//  3. the tslab Jupyter kernel, registered inside the project (.jupyter/);
//  4. the compiled library: src/ -> dist/ (scripts/build.mjs; a content stamp
//     makes it ~0.1 s per process when nothing changed).
// A second run does nothing and takes well under a second.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "./build.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const quiet = process.env.VAG_SETUP_QUIET === "1";
const log = (s) => quiet || process.stderr.write(`setup: ${s}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) {
    process.stderr.write(`setup: '${cmd} ${args.join(" ")}' failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
}

// 1. node_modules
const lock = join(root, "package-lock.json");
const stamp = join(root, "node_modules", ".vag-lock-sha256");
const want = createHash("sha256").update(readFileSync(lock)).digest("hex");
const have = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
if (have !== want) {
  log(existsSync(join(root, "node_modules")) ? "package-lock.json changed: npm ci" : "installing dependencies: npm ci");
  run(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"]);
  writeFileSync(stamp, want + "\n");
}

// 2. system packages
const systemNeeds = [
  { what: "Jupyter nbconvert", ok: () => existsSync("/usr/bin/jupyter-nbconvert") || onPath("jupyter-nbconvert"), apt: ["jupyter-nbconvert", "jupyter-client", "python3-nbclient"] },
  { what: "the Jupyter Notebook front-end", ok: () => existsSync("/usr/bin/jupyter-notebook") || onPath("jupyter-notebook") || onPath("jupyter-lab"), apt: ["jupyter-notebook"] },
  { what: "Chromium", ok: () => Boolean(process.env.VAG_CHROMIUM && existsSync(process.env.VAG_CHROMIUM)) || existsSync("/usr/bin/chromium"), apt: ["chromium"] },
];
function onPath(bin) {
  return (process.env.PATH || "").split(":").some((d) => d && existsSync(join(d, bin)));
}
const missing = systemNeeds.filter((n) => !n.ok());
if (missing.length > 0 && process.env.VAG_SKIP_SYSTEM !== "1") {
  const pkgs = missing.flatMap((n) => n.apt);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    log(`installing ${missing.map((n) => n.what).join(" and ")} from apt: ${pkgs.join(" ")}`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    run("apt-get", ["update", "-qq"], { env });
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], { env });
  } else {
    log(`missing ${missing.map((n) => n.what).join(", ")}; notebooks, the front-end (npm run jupyter), figures and the report need them. Run:`);
    log(`  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(" ")}`);
    log(`(elsewhere: pip install nbconvert nbclient jupyter_client notebook, and VAG_CHROMIUM=/path/to/chrome; see environment.md)`);
  }
}

// 3. tslab kernel, project-local (JUPYTER_PATH=.jupyter)
const kernelDir = join(root, ".jupyter", "kernels", "tslab");
const kernelJson = join(kernelDir, "kernel.json");
const launcher = join(root, "scripts", "tslab-kernel.sh");
const spec = JSON.stringify(
  {
    argv: ["/bin/sh", launcher, "{connection_file}"],
    display_name: "TypeScript (tslab)",
    language: "typescript",
  },
  null,
  2,
) + "\n";
if (!existsSync(kernelJson) || readFileSync(kernelJson, "utf8") !== spec) {
  mkdirSync(kernelDir, { recursive: true });
  writeFileSync(kernelJson, spec);
  chmodSync(launcher, 0o755);
  log(`registered the tslab kernel in ${kernelDir}`);
}

// 4. the compiled library (CLI, npm start and the kernel run dist/)
try {
  build({ log });
} catch (e) {
  process.stderr.write(`setup: ${e.message}\n`);
  process.exit(1);
}
