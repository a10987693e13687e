#!/usr/bin/env node
// Build the library (src/ -> dist/, tsconfig.build.json) only when its inputs
// changed. Plain JavaScript (setup.mjs imports it before anything else runs).
//  - content stamp: sha256 over the TypeScript version, both tsconfigs and every
//    src/**/*.ts (path + bytes). Equal to dist/.vag-build-stamp: nothing to do
//    (~0.1 s per process; tsc itself needs ~3 s just to find out that nothing changed);
//  - same file list, other contents: incremental `tsc -p tsconfig.build.json`;
//  - a file added, removed or renamed: dist/ is deleted first, so no stale
//    dist/x.js can shadow a new dist/x/index.js (or keep a deleted module loadable).
// Concurrent builds (two test files, or setup and a test) serialise on a lock
// directory; whoever waits re-checks the stamp and usually has nothing to do.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, watch as fsWatch, writeFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".vag-build-stamp");
const LOCK = join(ROOT, ".build-lock");
const CONFIGS = ["tsconfig.json", "tsconfig.build.json"];

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

/** The stamp of the current inputs: { files: sorted relative paths, hash }. */
export function inputStamp(root = ROOT) {
  const files = sources(join(root, "src")).map((f) => relative(root, f)).sort();
  const h = createHash("sha256");
  let tsVersion = "none";
  try {
    tsVersion = JSON.parse(readFileSync(join(root, "node_modules", "typescript", "package.json"), "utf8")).version;
  } catch {
    // reported by the build itself when it cannot find tsc
  }
  h.update(`typescript ${tsVersion}\n`);
  for (const f of [...CONFIGS, ...files]) {
    h.update(`${f}\n`);
    h.update(readFileSync(join(root, f)));
    h.update("\n");
  }
  return { files, hash: h.digest("hex") };
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return null;
  }
}

// TypeScript >= 5.7 writes inferred typed arrays as `Float64Array<ArrayBuffer>`
// (and Buffer as `Buffer<ArrayBufferLike>`) in declarations. TypeScript 5.0,
// which tslab bundles, has no type parameter there and turns the whole type
// into `any` in notebook cells; the bare name means the same thing to both.
const TYPED_ARRAY_ARG = /\b((?:Big)?(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array|Buffer)<ArrayBuffer(?:Like)?>/g;
function portableDeclarations(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) portableDeclarations(p);
    else if (e.name.endsWith(".d.ts")) {
      const text = readFileSync(p, "utf8");
      const fixed = text.replace(TYPED_ARRAY_ARG, "$1");
      if (fixed !== text) writeFileSync(p, fixed);
    }
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock(fn) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      // A lock older than a full build is left over from a killed process.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
      if (Date.now() > deadline) throw new Error(`build: waited 5 min for ${LOCK}; remove it if no build is running`);
      sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Bring dist/ up to date. Returns what was done: "up to date", "incremental"
 * or "clean". Throws with tsc's output when the build fails (dist/ is then
 * left without a stamp, so the next call builds again).
 */
export function build({ log = (s) => process.stderr.write(`build: ${s}\n`) } = {}) {
  const upToDate = (stamp) => {
    const old = readStamp();
    return old !== null && old.hash === stamp.hash && existsSync(join(DIST, "index.js"));
  };
  if (upToDate(inputStamp())) return "up to date";
  return withLock(() => {
    const stamp = inputStamp();
    if (upToDate(stamp)) return "up to date";
    const old = readStamp();
    const clean = old === null || old.files.join("\n") !== stamp.files.join("\n");
    if (clean) rmSync(DIST, { recursive: true, force: true });
    else rmSync(STAMP, { force: true });
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    if (!existsSync(tsc)) throw new Error("build: TypeScript is not installed (npm ci installs it; it is a devDependency)");
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build: tsc -p tsconfig.build.json failed:\n${(r.stdout + r.stderr).trim()}`);
    portableDeclarations(DIST);
    // The `bin` entry (npx vag, ./dist/cli/main.js) runs through its shebang.
    chmodSync(join(DIST, "cli", "main.js"), 0o755);
    writeFileSync(STAMP, JSON.stringify(stamp) + "\n");
    const how = clean ? "clean" : "incremental";
    log(`${how} build of src/ -> dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return how;
  });
}

/**
 * Rebuild whenever src/ or a tsconfig changes (debounced), through `build`, so
 * a watch keeps the same guarantees (clean rebuild on added/removed files,
 * portable declarations). A failed build is printed and waits for the next edit.
 * Returns a function that stops watching.
 */
export function watch({ log = (s) => process.stderr.write(`build: ${s}\n`), debounceMs = 300 } = {}) {
  let timer = null;
  const run = () => {
    timer = null;
    try {
      if (build({ log }) !== "up to date") log("dist/ rebuilt: restart the kernel to load it");
    } catch (e) {
      log(e.message);
    }
  };
  const kick = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };
  const watchers = [watchDir(join(ROOT, "src"), kick), ...CONFIGS.map((f) => watchDir(join(ROOT, f), kick))];
  run();
  log("watching src/ (Ctrl-C stops)");
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

function watchDir(path, onChange) {
  // Recursive fs.watch works on Linux since Node 19.1, macOS and Windows.
  return (existsSync(path) && statSync(path).isDirectory() ? fsWatch(path, { recursive: true }) : fsWatch(path)).on("change", onChange);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--watch")) watch();
  else {
    try {
      const how = build();
      if (how === "up to date") process.stderr.write("build: dist/ is up to date\n");
    } catch (e) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
  }
}
