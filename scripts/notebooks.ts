/**
 * `npm run notebooks [-- NAME...] [--jobs N] [--timeout S] [--out DIR]`:
 * execute the notebooks headlessly with `jupyter nbconvert --to notebook
 * --execute` into an output directory (the committed notebooks are never
 * rewritten), print each failing cell's source head and error, and a summary
 * with the time per notebook. NAME selects notebooks by substring ("04",
 * "alignment"). Exit code 1 when any notebook failed.
 *
 * nbconvert reports a failing tslab cell with an empty message (tslab sends
 * the error as a stderr stream, not as an `error` message), so a failed
 * notebook is executed again with --allow-errors and the error is read from
 * that copy (design.md §7).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");
export const NOTEBOOK_DIR = join(ROOT, "notebooks");
export const JUPYTER = existsSync("/usr/bin/jupyter") ? "/usr/bin/jupyter" : "jupyter";

export interface NotebookCell {
  id?: string;
  cell_type: string;
  execution_count?: number | null;
  source: string | string[];
  outputs?: NotebookOutput[];
}
export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
export interface NotebookJson {
  cells: NotebookCell[];
  metadata: { kernelspec?: { name?: string; language?: string }; [k: string]: unknown };
}

export const text = (x: string | string[] | undefined): string => (Array.isArray(x) ? x.join("") : (x ?? ""));

/** The committed notebooks (notebooks/*.ipynb, sorted), optionally only those whose name contains one of `filters`. */
export function listNotebooks(filters: readonly string[] = [], dir: string = NOTEBOOK_DIR): string[] {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(dir, f));
  return filters.length === 0 ? all : all.filter((f) => filters.some((s) => basename(f).includes(s)));
}

/**
 * Error outputs of an executed notebook: `error` outputs and stderr streams
 * (tslab reports a failing cell, including type errors, as stderr), with the
 * index and source head of their cell.
 */
export function errorOutputs(nb: NotebookJson): Array<{ cell: number; source: string; error: string }> {
  const out: Array<{ cell: number; source: string; error: string }> = [];
  nb.cells.forEach((c, i) => {
    for (const o of c.outputs ?? []) {
      const err =
        o.output_type === "error"
          ? [`${o.ename}: ${o.evalue}`, ...(o.traceback ?? [])].join("\n")
          : o.output_type === "stream" && o.name === "stderr"
            ? text(o.text)
            : null;
      if (err !== null) out.push({ cell: i, source: text(c.source), error: err });
    }
  });
  return out;
}

/** The first lines of a cell's source, for messages. */
export function head(source: string, lines = 6): string {
  const all = source.split("\n");
  return all.slice(0, lines).join("\n") + (all.length > lines ? "\n..." : "");
}

export interface NotebookResult {
  notebook: string;
  ok: boolean;
  ms: number;
  /** The executed copy (with outputs), when one was written. */
  output: string | null;
  /** Failing cells with their error (empty when ok). */
  errors: Array<{ cell: number; source: string; error: string }>;
  /** nbconvert's own message when it failed without a notebook to read (e.g. kernel missing). */
  message: string;
}

export interface RunNotebooksOptions {
  notebooks: readonly string[];
  outDir: string;
  /** Per-cell timeout in seconds (nbconvert's ExecutePreprocessor.timeout). */
  timeoutSec?: number;
  /** Notebooks executed at once. */
  jobs?: number;
  /** Environment of the kernels (JUPYTER_PATH is added). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

function nbconvert(nb: string, outDir: string, timeoutSec: number, env: NodeJS.ProcessEnv, allowErrors: boolean): Promise<{ code: number; stderr: string }> {
  const args = [
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    `--ExecutePreprocessor.timeout=${timeoutSec}`,
    "--ExecutePreprocessor.kernel_name=tslab",
    "--output-dir",
    outDir,
    ...(allowErrors ? ["--allow-errors"] : []),
    nb,
  ];
  return new Promise((resolvePromise) => {
    const child = spawn(JUPYTER, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", (e) => resolvePromise({ code: 127, stderr: String(e.message) }));
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stderr }));
  });
}

/** Environment for the kernels: the project-local tslab kernel and Debian's Jupyter first on PATH. */
export function kernelEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, JUPYTER_PATH: join(ROOT, ".jupyter"), PATH: `/usr/bin:${env.PATH ?? ""}`, PYDEVD_DISABLE_FILE_VALIDATION: "1" };
}

async function runOne(nb: string, o: RunNotebooksOptions): Promise<NotebookResult> {
  const env = kernelEnv(o.env);
  const timeout = o.timeoutSec ?? 300;
  const t0 = Date.now();
  const output = join(o.outDir, basename(nb));
  const first = await nbconvert(nb, o.outDir, timeout, env, false);
  if (first.code === 0) return { notebook: nb, ok: true, ms: Date.now() - t0, output, errors: [], message: "" };
  const ms = Date.now() - t0;
  // Re-run keeping errors, to read the failing cell's own error text.
  const again = await nbconvert(nb, o.outDir, timeout, env, true);
  let errors: NotebookResult["errors"] = [];
  if (again.code === 0 && existsSync(output)) errors = errorOutputs(JSON.parse(readFileSync(output, "utf8")) as NotebookJson);
  const lastLines = first.stderr.trim().split("\n").filter((l) => !/MissingIDFieldWarning|validate\(nb\)/.test(l)).slice(-8).join("\n");
  return { notebook: nb, ok: false, ms, output: existsSync(output) ? output : null, errors, message: lastLines };
}

/** Execute notebooks, `jobs` at a time; results in input order. */
export async function runNotebooks(o: RunNotebooksOptions): Promise<NotebookResult[]> {
  mkdirSync(o.outDir, { recursive: true });
  const log = o.log ?? (() => {});
  const results: NotebookResult[] = new Array(o.notebooks.length);
  let next = 0;
  const worker = async () => {
    while (next < o.notebooks.length) {
      const i = next++;
      const r = await runOne(o.notebooks[i], o);
      results[i] = r;
      log(`${r.ok ? "ok  " : "FAIL"} ${basename(r.notebook)} ${(r.ms / 1000).toFixed(1)} s`);
      if (!r.ok) log(failureText(r));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs ?? 2, o.notebooks.length)) }, worker));
  return results;
}

/** What a person needs to fix a failed notebook: the cell's source head and its error. */
export function failureText(r: NotebookResult): string {
  if (r.errors.length === 0) return `  ${basename(r.notebook)}: nbconvert failed:\n${indent(r.message || "(no message)")}`;
  return r.errors
    .map((e) => `  ${basename(r.notebook)}, cell ${e.cell}:\n${indent(head(e.source))}\n  error:\n${indent(head(e.error, 20))}`)
    .join("\n");
}

const indent = (s: string) => s.split("\n").map((l) => `    ${l}`).join("\n");

export function summary(results: readonly NotebookResult[], totalMs: number, outDir: string): string {
  const w = Math.max(...results.map((r) => basename(r.notebook).length));
  const lines = results.map((r) => `  ${basename(r.notebook).padEnd(w)}  ${r.ok ? "ok    " : "FAILED"}  ${(r.ms / 1000).toFixed(1).padStart(6)} s`);
  const failed = results.filter((r) => !r.ok).length;
  return [
    `notebooks: ${results.length - failed} ok, ${failed} failed, ${(totalMs / 1000).toFixed(1)} s wall`,
    ...lines,
    `executed copies: ${outDir}`,
  ].join("\n");
}

function parseArgs(argv: string[]): { filters: string[]; jobs: number; timeoutSec: number; outDir: string } {
  const filters: string[] = [];
  let jobs = 2;
  let timeoutSec = 300;
  let outDir = join(tmpdir(), `vag-notebooks-${process.pid}`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--jobs") jobs = Number(value());
    else if (a === "--timeout") timeoutSec = Number(value());
    else if (a === "--out") outDir = resolve(value());
    else if (a === "--help" || a === "-h") {
      console.log("usage: npm run notebooks [-- NAME...] [--jobs N (2)] [--timeout SECONDS_PER_CELL (300)] [--out DIR (a temp dir)]");
      process.exit(0);
    } else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else filters.push(a);
  }
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new Error(`--jobs must be a positive integer`);
  if (!(timeoutSec > 0)) throw new Error(`--timeout must be a positive number of seconds`);
  return { filters, jobs, timeoutSec, outDir };
}

/** Null when Jupyter's nbconvert can run here, else the one-line reason (tests skip with it). */
export function jupyterMissing(): string | null {
  if (JUPYTER === "/usr/bin/jupyter" && existsSync("/usr/bin/jupyter-nbconvert")) return null;
  const onPath = (process.env.PATH ?? "").split(":").some((d) => d && existsSync(join(d, "jupyter-nbconvert")));
  return onPath
    ? null
    : "jupyter nbconvert not found: sudo apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient (see environment.md)";
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`notebooks: ${(e as Error).message}`);
    process.exit(2);
  }
  const missing = jupyterMissing();
  if (missing) {
    console.error(`notebooks: ${missing}`);
    process.exit(2);
  }
  const notebooks = listNotebooks(args.filters);
  if (notebooks.length === 0) {
    console.error(`notebooks: no notebook matches ${args.filters.join(", ")} in ${NOTEBOOK_DIR}`);
    process.exit(2);
  }
  console.log(`executing ${notebooks.length} notebook(s), ${args.jobs} at a time, into ${args.outDir}`);
  const t0 = Date.now();
  const results = await runNotebooks({ notebooks, outDir: args.outDir, jobs: args.jobs, timeoutSec: args.timeoutSec, log: (l) => console.log(l) });
  console.log(summary(results, Date.now() - t0, args.outDir));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

if (require.main === module) void main();
