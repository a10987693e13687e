import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../helpers/cli";
import { buildLibrary } from "../helpers/build";

/**
 * The compiled library's declarations, as a tslab cell sees them: checked by
 * tslab's own bundled TypeScript (5.0) with tslab's compiler options but
 * skipLibCheck false (tslab sets it true, which would hide every error in
 * dist/). Errors inside dist/ fail; errors inside node_modules are not ours.
 * Constructs newer than TS 5.0 (NoInfer, Uint8Array<ArrayBuffer>,
 * IteratorObject) are errors here; in tslab they silently become `any`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [join(ROOT, "node_modules", "tslab")] })) as typeof import("typescript");

function declarations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? declarations(p) : e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** Errors of `files` under tslab's compiler (TS 5.0), skipLibCheck off, restricted to files under `within`. */
function tslabErrors(files: string[], within: string): string[] {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: false,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && !relative(within, d.file.fileName).startsWith(".."))
    .map((d) => {
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${relative(ROOT, d.file!.fileName)}:${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

test("tslab's TypeScript accepts every declaration file of dist/ (skipLibCheck off)", () => {
  buildLibrary();
  const dist = join(ROOT, "dist");
  const files = [...declarations(dist), join(ROOT, "notebooks", "vag.d.cts")];
  assert.ok(files.length > 50, `only ${files.length} declaration files in dist/`);
  assert.match(ts.version, /^5\.0\./, "tslab's bundled TypeScript");
  const errors = tslabErrors(files, dist);
  assert.deepEqual(errors, [], `\n${errors.join("\n")}`);
});

test("the checker is not blind: a TS 5.4 construct in a declaration is an error under tslab's TypeScript", () => {
  const src = join(ROOT, "dist", "index.d.ts");
  const host = ts.createCompilerHost({});
  const program = ts.createProgram({
    rootNames: [src],
    options: { noEmit: true, skipLibCheck: false, lib: ["lib.es2022.d.ts"], types: [] },
    host: {
      ...host,
      getSourceFile: (name, lang) =>
        name === src ? ts.createSourceFile(name, "export declare function f<T>(x: T, y: NoInfer<T>): T;\n", lang) : host.getSourceFile(name, lang),
      fileExists: (name) => name === src || host.fileExists(name),
      readFile: (name) => (name === src ? "" : host.readFile(name)),
    },
  });
  const msgs = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.ok(msgs.some((m) => /Cannot find name 'NoInfer'/.test(m)), msgs.join("\n"));
  assert.ok(readFileSync(src, "utf8").length > 0);
});
