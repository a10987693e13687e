import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/cli";
import { buildLibrary } from "../helpers/build";

/** scripts/build.mjs on a scratch project: stamp, incremental rebuild, clean rebuild when the file set changes. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "vag-build-"));
  mkdirSync(join(dir, "scripts"));
  mkdirSync(join(dir, "src"));
  copyFileSync(join(ROOT, "scripts", "build.mjs"), join(dir, "scripts", "build.mjs"));
  for (const f of ["tsconfig.json", "tsconfig.build.json"]) copyFileSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  mkdirSync(join(dir, "src", "cli"));
  writeFileSync(join(dir, "src", "cli", "main.ts"), "#!/usr/bin/env node\nconsole.log('main');\n");
  return dir;
}

const build = (dir: string) => {
  const r = spawnSync(process.execPath, [join(dir, "scripts", "build.mjs")], { cwd: dir, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stderr.trim();
};

test("build: nothing to do when nothing changed; incremental after an edit; clean when a file is added or removed", () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, "src", "index.ts"), 'export * from "./x";\n');
    writeFileSync(join(dir, "src", "x.ts"), "export const x: number = 1;\n");
    assert.match(build(dir), /^build: clean build/);
    assert.ok(existsSync(join(dir, "dist", "x.js")) && existsSync(join(dir, "dist", "x.d.ts")) && existsSync(join(dir, "dist", "x.js.map")));
    assert.equal(build(dir), "build: dist/ is up to date");
    writeFileSync(join(dir, "src", "x.ts"), "export const x: number = 2;\n");
    assert.match(build(dir), /^build: incremental build/);
    assert.equal(require(join(dir, "dist", "index.js")).x, 2);
    // x.ts becomes x/index.ts: a stale dist/x.js would shadow dist/x/index.js.
    rmSync(join(dir, "src", "x.ts"));
    mkdirSync(join(dir, "src", "x"));
    writeFileSync(join(dir, "src", "x", "index.ts"), "export const x: number = 3;\n");
    assert.match(build(dir), /^build: clean build/);
    assert.ok(!existsSync(join(dir, "dist", "x.js")), "stale dist/x.js left behind");
    const r = spawnSync(process.execPath, ["-p", "require('./dist').x"], { cwd: dir, encoding: "utf8" });
    assert.equal(r.stdout.trim(), "3");
    // Inferred typed arrays lose TS 5.7's type argument (tslab's TS 5.0 would make them `any`).
    writeFileSync(join(dir, "src", "x", "index.ts"), "export const x: number = 3;\nexport const f = (n: number) => new Float64Array(n);\n");
    build(dir);
    assert.match(require("node:fs").readFileSync(join(dir, "dist", "x", "index.d.ts"), "utf8"), /=> Float64Array;/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("build: a type error fails the build with tsc's message and leaves no stamp", () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, "src", "index.ts"), "export const x: number = 'no';\n");
    const r = spawnSync(process.execPath, [join(dir, "scripts", "build.mjs")], { cwd: dir, encoding: "utf8" });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /TS2322: Type 'string' is not assignable to type 'number'/);
    assert.ok(!existsSync(join(dir, "dist", ".vag-build-stamp")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the compiled CLI: `vag --help` from dist/ (node and the bin's shebang); stack traces name src/*.ts through source maps", () => {
  buildLibrary();
  for (const cmd of [[process.execPath, "--enable-source-maps", "dist/cli/main.js", "--help"], [join(ROOT, "dist", "cli", "main.js"), "--help"]]) {
    const r = spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: vag /);
    assert.match(r.stdout, /reproduce/);
  }
  const r = spawnSync(process.execPath, ["--enable-source-maps", "-e", "require('./dist/index.js').catalog.toCountry('Atlantis')"], { cwd: ROOT, encoding: "utf8" });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /Atlantis/);
  assert.match(r.stderr, /src\/catalog\/names\.ts:\d+/);
});
