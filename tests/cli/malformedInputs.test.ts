import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DATASET_FILE, FEWSHOT_SETTINGS, fewShotFile, MISALIGNED_FILES, MODEL_IDS, TASK1_FILES, TASK2_AGREEMENT_FILES, TASK2_FILES } from "../../src/via/models";
import { syntheticMatrices, syntheticMisaligned, syntheticResults, writeSyntheticRun } from "../helpers/figureData";
import { runVag } from "../helpers/cli";

/**
 * Issue 7 item 4: every user-facing file input, broken in every way a file
 * breaks, through the real CLI in a child process. Each case must end with
 * exactly one stderr line `vag: FILE:LINE: reason`, exit code 2, no stack
 * trace, nothing on stdout, and no new file in the output directory.
 *
 * Inputs: the published CSVs (`vag reproduce --data-dir`, `vag gap
 * --data-dir`), run JSONL (`vag validate`, `vag figures --from RUN`, `vag
 * report --from RUN`), manifest.json, results.json / matrices.json /
 * misaligned.json (`vag figures|report --from`), a models file
 * (`--models-file`). Every file is tiny and synthetic, written here.
 *
 * By design, not errors: a torn LAST line of a run's JSONL (what a killed run
 * leaves; readers skip it, resume rewrites it; `vag validate` warns) and
 * several records with one id in a run's JSONL (a retried call; the latest
 * wins). Both are asserted at the end.
 */

const vag = runVag;

const put = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
};
const utf16 = (s: string) => Buffer.from("\ufeff" + s, "utf16le");
const latin1 = (s: string) => Buffer.from(s, "latin1"); // "é" becomes the lone byte 0xe9: invalid UTF-8

// --- the published-data layout (synthetic) ---------------------------------

const T1_HEAD = "country,topic,response,prompt_index\n";
const T1_ROWS = 'Egypt,Religion,"{""Social Power"": ""4""}",0\nEgypt,Religion,"{""Social Power"": ""3""}",1\n';
const T2_HEAD = "dataset_row,country,topic,value,polarity,model_choice,prompt_index\n";
const T2_ROWS = "0,Egypt,Religion,Social Power,positive,True,5\n1,Egypt,Religion,Social Power,negative,False,5\n";
const DS_HEAD = "Unnamed: 0.1,Unnamed: 0,country,topic,value,polarity,generation_prompt\n";
const gen = (a: string) => `"{""Human Action"": ""${a}"", ""Feature Attributions"": [""${a}""], ""Natural Language Explanation"": ""why""}"`;
const DS_ROWS = `0,0,Egypt,Religion,Social Power,positive,${gen("I lead the prayer group")}\n1,1,Egypt,Religion,Social Power,negative,${gen("I let others lead")}\n`;

/** A data directory with every file `vag reproduce` and `vag gap --data-dir` read. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "vag-bad-data-"));
  for (const f of Object.values(TASK1_FILES)) put(join(dir, f!), T1_HEAD + T1_ROWS);
  for (const s of Object.values(TASK2_FILES)) put(join(dir, s!.path), T2_HEAD + T2_ROWS);
  for (const s of Object.values(MISALIGNED_FILES))
    put(join(dir, s!.path), ',country,topic,value,T1_response,T2_response,action\n0,Egypt,Religion,Wealth,negative,positive,"{\'Human Action\': \'I save\', \'Feature Attributions\': [], \'Natural Language Explanation\': \'x\'}"\n');
  const evals = Array.from({ length: 8 }, (_, v) => `"{'action': 'Option ${(v % 2) + 1}'}"`).join(",");
  for (const f of Object.values(TASK2_AGREEMENT_FILES))
    put(join(dir, f!), `country,topic,value,option1,option2,${Array.from({ length: 8 }, (_, v) => `evaluation_${v}`).join(",")}\nEgypt,Religion,Wealth,I spend,I save,${evals}\n`);
  for (const m of MODEL_IDS) for (const s of FEWSHOT_SETTINGS) {
    const f = fewShotFile(m, s);
    if (f) put(join(dir, f), ",label,result\n0,True,Label: True\n1,False,Label: True\n");
  }
  put(join(dir, DATASET_FILE), DS_HEAD + DS_ROWS);
  return dir;
}

const T1 = TASK1_FILES["gpt-4o"]!;
const T2 = TASK2_FILES["claude-sonnet-4"]!.path;

/** Broken versions of a published CSV: [defect, content, line, reason]. */
const CSV_DEFECTS: Array<[string, string, string | Buffer, number, RegExp]> = [
  ["wrong columns", T1, "country,topic,answer,prompt_index\n" + T1_ROWS, 1, /^wrong columns: missing "response"/],
  ["bad quoting", T1, T1_HEAD + 'Egypt,Religion,"{}"x,0\n' + 'Egypt,Religion,"{}",1\n', 2, /^malformed quoting/],
  ["torn last line", T1, T1_HEAD + T1_ROWS + 'Egypt,Religion,"{""Social Po', 4, /^torn last line: unterminated quoted field/],
  ["unknown country", T1, T1_HEAD + T1_ROWS + 'Atlantis,Religion,"{}",2\n', 4, /^unknown country "Atlantis"$/],
  ["unknown value", T2, T2_HEAD + T2_ROWS + "2,Egypt,Religion,Wealthy,positive,True,5\n", 4, /^unknown value "Wealthy"$/],
  ["duplicate row", T1, T1_HEAD + T1_ROWS + 'Egypt,Religion,"{}",0\n', 4, /^duplicate row Egypt\+Religion prompt 0 \(first at line 2\)$/],
  ["empty file", T1, "", 1, /^empty file$/],
  ["UTF-16", T1, utf16(T1_HEAD + T1_ROWS), 1, /^UTF-16 byte-order mark: file must be UTF-8$/],
  ["invalid UTF-8", T1, latin1(T1_HEAD + 'Egypt,Religion,"caf\u00e9",0\n'), 2, /^invalid UTF-8 byte 0xe9/],
];

/** Broken gap inputs: the dataset CSV (gap only) and a Task 2 file. */
const GAP_DEFECTS: Array<[string, string, string | Buffer, number, RegExp]> = [
  ["dataset duplicate row", DATASET_FILE, DS_HEAD + DS_ROWS + `2,2,Egypt,Religion,Social Power,positive,${gen("again")}\n`, 4, /^duplicate row Egypt\+Religion\+Social Power\+positive \(first at line 2\)$/],
  ["dataset unknown value", DATASET_FILE, DS_HEAD + DS_ROWS + `2,2,Egypt,Religion,Wealthy,positive,${gen("x")}\n`, 4, /^unknown value "Wealthy"$/],
  ["dataset torn last line", DATASET_FILE, DS_HEAD + DS_ROWS + '2,2,Egypt,Religion,Wealth,positive,"{""Human Act', 4, /^torn last line/],
  ["dataset invalid UTF-8", DATASET_FILE, latin1(DS_HEAD + `0,0,Egypt,Religion,Social Power,positive,"caf\u00e9"\n`), 2, /^invalid UTF-8 byte 0xe9/],
  ["Task 2 wrong columns", T2, "dataset_row,country,topic,value,polarity,choice,prompt_index\n" + T2_ROWS, 1, /^wrong columns: missing "model_choice"/],
  ["Task 2 empty file", T2, "\n", 1, /^empty file$/],
];

// --- run directories and result files ---------------------------------------

function runDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "vag-bad-run-"));
  writeSyntheticRun(dir);
  return dir;
}

/** The valid lines of a synthetic run's file, and a line changed by `edit`. */
function jsonl(dir: string, name: string): string[] {
  return readFileSync(join(dir, name), "utf8").split("\n").filter((l) => l !== "");
}
const edited = (line: string, edit: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(line), ...edit });

type RunCommand = "validate" | "figures" | "report" | "analyze";
/** Broken run files: [defect, file, (valid lines) => content, line, reason, command that reads it]. */
const RUN_DEFECTS: Array<[string, string, (lines: string[]) => string | Buffer, number, RegExp, RunCommand]> = [
  ["invalid JSON mid-file", "task2.jsonl", (l) => "{not json\n" + l.join("\n") + "\n", 1, /^invalid JSON/, "validate"],
  ["unknown country", "task2.jsonl", (l) => l.join("\n") + "\n" + edited(l[0], { id: "x1", country: "Atlantis" }) + "\n", 2, /^country: /, "figures"],
  ["unknown value", "task2.jsonl", (l) => edited(l[0], { id: "x2", value: "Wealthy" }) + "\n" + l.join("\n") + "\n", 1, /^value: /, "report"],
  ["wrong type", "task2.jsonl", (l) => l.join("\n") + "\n" + edited(l[0], { id: "x3", choice: "1" }) + "\n", 2, /^choice: /, "validate"],
  ["missing field", "task1.jsonl", (l) => JSON.stringify({ ...JSON.parse(l[0]), answers: undefined }) + "\n", 1, /^answers: /, "report"],
  ["empty file", "task1.jsonl", () => "", 1, /^empty file/, "validate"],
  ["UTF-16", "task1.jsonl", (l) => utf16(l.join("\n") + "\n"), 1, /UTF-8/, "figures"],
  ["invalid UTF-8", "task2.jsonl", (l) => Buffer.concat([Buffer.from(l.join("\n") + "\n"), latin1(edited(l[0], { id: "x4", explanation: "caf\u00e9" }) + "\n")]), 2, /UTF-8/, "report"],
  // `vag analyze --run`: a torn line that is not the last one (a torn LAST line is a warning, tested at the end).
  ["torn line mid-file", "task2.jsonl", (l) => l[0].slice(0, 50) + "\n" + l.join("\n") + "\n", 1, /^invalid JSON/, "analyze"],
  ["unknown value", "task2.jsonl", (l) => l.join("\n") + "\n" + edited(l[0], { id: "x5", value: "Wealthy" }) + "\n", 2, /^value: /, "analyze"],
  ["missing field", "task1.jsonl", (l) => JSON.stringify({ ...JSON.parse(l[0]), answers: undefined }) + "\n", 1, /^answers: /, "analyze"],
  ["invalid UTF-8", "task1.jsonl", (l) => Buffer.concat([Buffer.from(l.join("\n") + "\n"), latin1(l[0].replace("India", "Indi\u00e9"))]), 2, /UTF-8/, "analyze"],
];

const MANIFEST_DEFECTS: Array<[string, (text: string) => string | Buffer, (text: string) => number, RegExp]> = [
  ["torn JSON", (t) => t.slice(0, Math.floor(t.length / 2)), (t) => t.slice(0, Math.floor(t.length / 2)).trimEnd().split("\n").length, /^invalid JSON/],
  ["wrong type", (t) => t.replace(/"protocol": "\w+"/, '"protocol": "fast"'), (t) => lineOf(t, '"protocol"'), /^protocol: /],
  ["UTF-16", (t) => utf16(t), () => 1, /^UTF-16/],
  ["empty file", () => "", () => 1, /^empty file$/],
];

function resultsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "vag-bad-results-"));
  writeFileSync(join(dir, "results.json"), JSON.stringify(syntheticResults(), null, 2) + "\n");
  writeFileSync(join(dir, "matrices.json"), JSON.stringify(syntheticMatrices(), null, 2) + "\n");
  writeFileSync(join(dir, "misaligned.json"), JSON.stringify(syntheticMisaligned(4), null, 2) + "\n");
  return dir;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

/** Broken result files: [defect, file, (valid text) => [content, line], reason]. */
const RESULT_DEFECTS: Array<[string, string, (t: string) => [string | Buffer, number], RegExp]> = [
  ["results torn", "results.json", (t) => { const s = t.slice(0, Math.floor(t.length * 0.6)); return [s, s.trimEnd().split("\n").length]; }, /^invalid JSON/],
  ["results wrong type", "results.json", (t) => { const s = t.replace(/"total": \d+/, '"total": "many"'); return [s, lineOf(s, '"total": "many"')]; }, /inconsistency\.total: /],
  ["results invalid UTF-8", "results.json", (t) => { const s = t.replace('"models": {', '"models": {\n"caf\u00e9": {},'); return [latin1(s), lineOf(s, "caf")]; }, /^invalid UTF-8 byte 0xe9/],
  ["results empty", "results.json", () => ["", 1], /^empty file$/],
  ["matrices UTF-16", "matrices.json", (t) => [utf16(t), 1], /^UTF-16/],
  ["matrices wrong type", "matrices.json", (t) => { const s = t.replace(/"heatmaps": \{/, '"heatmaps": {\n  "bad": 7,'); return [s, lineOf(s, '"bad": 7')]; }, /^heatmaps\.bad: /],
  ["misaligned missing field", "misaligned.json", (t) => { const j = JSON.parse(t); delete j[2].model; const s = JSON.stringify(j, null, 2); return [s, s.split("\n").findIndex((l, i, all) => l === "  {" && all.slice(0, i).filter((x) => x === "  {").length === 2) + 1]; }, /^2\.model: /],
];

// --- models file -------------------------------------------------------------

const MODELS_OK = '{\n  "models": [\n    {\n      "id": "a",\n      "baseUrl": "http://127.0.0.1:9/v1"\n    }\n  ]\n}\n';
const MODELS_DEFECTS: Array<[string, string | Buffer, number, RegExp]> = [
  ["invalid JSON", MODELS_OK.replace('"a",', '"a",,'), 4, /^invalid JSON/],
  ["unknown field", MODELS_OK.replace('"id": "a",', '"id": "a",\n      "temprature": 0.2,'), 5, /unrecognized key.*temprature/i],
  ["duplicate id", '{\n  "models": [\n    { "id": "a" },\n    { "id": "b" },\n    { "id": "a" }\n  ]\n}\n', 5, /^duplicate model id "a"$/],
  ["torn", MODELS_OK.slice(0, 50), 5, /^invalid JSON/],
  ["empty file", "", 1, /^empty file$/],
  ["UTF-16", utf16(MODELS_OK), 1, /^UTF-16/],
  ["invalid UTF-8", latin1(MODELS_OK.replace('"a"', '"caf\u00e9"')), 4, /^invalid UTF-8 byte 0xe9/],
];

const ACTIONS_DEFECTS: Array<[string, string | Buffer | ((lines: string[]) => string), number, RegExp]> = [
  ["dataset CSV wrong columns", DS_HEAD.replace("polarity", "inclination") + DS_ROWS, 1, /^wrong columns: missing "polarity"/],
  ["dataset CSV bad polarity", DS_HEAD + DS_ROWS + `2,2,Egypt,Religion,Wealth,neutral,${gen("x")}\n`, 4, /^column "polarity": expected positive or negative, found "neutral"$/],
  ["generate.jsonl invalid JSON", (l) => l[0] + "\n" + l[0].slice(0, 40) + "\n" + l.slice(1).join("\n") + "\n", 2, /^invalid JSON/],
];

// --- the table ----------------------------------------------------------------

interface Case {
  name: string;
  args: string[];
  /** The file the message must name. */
  file: string;
  line: number;
  reason: RegExp;
  /** Directory that must get no new files. */
  out: string;
  env?: NodeJS.ProcessEnv;
}

/** An output directory that already holds one file: after a failed command it must hold exactly that. */
function outDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "vag-bad-out-")), "out");
  mkdirSync(dir);
  writeFileSync(join(dir, "keep.txt"), "already here\n");
  return dir;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [defect, path, content, line, reason] of CSV_DEFECTS) {
    const dir = dataDir();
    const o = outDir();
    out.push({ name: `reproduce --data-dir: ${path}: ${defect}`, args: ["reproduce", "--data-dir", dir, "--out", o, "--iterations", "5"], file: put(join(dir, path), content), line, reason, out: o });
  }
  for (const [defect, path, content, line, reason] of GAP_DEFECTS) {
    const dir = dataDir();
    const o = outDir();
    out.push({ name: `gap --data-dir: ${defect}`, args: ["gap", "--data-dir", dir, "--out", o, "--quiet", "--bootstrap", "1"], file: put(join(dir, path), content), line, reason, out: o });
  }
  for (const [defect, name, make, line, reason, cmd] of RUN_DEFECTS) {
    const dir = runDir();
    const file = join(dir, name);
    put(file, make(jsonl(dir, name)));
    const o = outDir();
    const args =
      cmd === "validate" ? ["validate", file] : cmd === "analyze" ? ["analyze", "--run", dir, "--out", o] : [cmd, "--from", dir, "--out", o, ...(cmd === "figures" ? ["--format", "none"] : [])];
    out.push({ name: `${cmd}: ${name}: ${defect}`, args, file, line, reason, out: cmd === "validate" ? dir : o });
  }
  MANIFEST_DEFECTS.forEach(([defect, make, lineOfText, reason], k) => {
    const dir = runDir();
    const file = join(dir, "manifest.json");
    const text = readFileSync(file, "utf8");
    put(file, make(text));
    const o = outDir();
    const cmd = (["figures", "report", "analyze"] as const)[k % 3];
    const args = cmd === "analyze" ? ["analyze", "--run", dir, "--out", o] : [cmd, "--from", dir, "--out", o, ...(cmd === "figures" ? ["--format", "none"] : [])];
    out.push({ name: `${cmd} RUN: manifest.json: ${defect}`, args, file, line: lineOfText(text), reason, out: o });
  });
  RESULT_DEFECTS.forEach(([defect, name, make, reason], k) => {
    const dir = resultsDir();
    const file = join(dir, name);
    const [content, line] = make(readFileSync(file, "utf8"));
    put(file, content);
    const o = outDir();
    // misaligned.json is read by the report only
    const cmd = name === "misaligned.json" || k % 2 === 1 ? "report" : "figures";
    out.push({ name: `${cmd} --from: ${defect}`, args: [cmd, "--from", dir, "--out", o, ...(cmd === "figures" ? ["--format", "none"] : [])], file, line, reason, out: o });
  });
  // `vag task2 --actions`: a dataset CSV, or a run directory's generate.jsonl
  for (const [defect, content, line, reason] of ACTIONS_DEFECTS) {
    const dir = mkdtempSync(join(tmpdir(), "vag-bad-actions-"));
    const source = typeof content === "function" ? runDir() : put(join(dir, "dataset.csv"), content);
    const file = typeof content === "function" ? put(join(source, "generate.jsonl"), content(jsonl(source, "generate.jsonl"))) : source;
    out.push({
      name: `task2 --actions: ${defect}`,
      args: ["task2", "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--actions", source, "--run", join(dir, "run"), "--countries", "Egypt", "--topics", "Religion", "--values", "Social Power", "--cache-dir", join(dir, "cache"), "--yes"],
      file,
      line,
      reason,
      out: dir,
    });
  }
  for (const [defect, content, line, reason] of MODELS_DEFECTS) {
    const dir = mkdtempSync(join(tmpdir(), "vag-bad-models-"));
    const file = put(join(dir, "models.json"), content);
    const run = join(dir, "run");
    out.push({
      name: `task1 --models-file: ${defect}`,
      args: ["task1", "--model", "a", "--models-file", file, "--run", run, "--countries", "Egypt", "--topics", "Politics", "--cache-dir", join(dir, "cache"), "--yes"],
      file,
      line,
      reason,
      out: dir,
    });
  }
  return out;
}

const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []);

/** Run the cases a few at a time (each is a child process with its own tsx start). */
async function pool<T, R>(items: T[], n: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]);
      }
    }),
  );
  return out;
}

test("malformed input files: one line `vag: FILE:LINE: reason`, exit 2, no stack trace, no output", { timeout: 600_000 }, async () => {
  const all = cases();
  assert.ok(all.length >= 40, `${all.length} cases`);
  const before = all.map((c) => listing(c.out));
  const results = await pool(all, 4, (c) => vag(c.args, c.env));
  const problems: string[] = [];
  all.forEach((c, i) => {
    const r = results[i];
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    const want = `vag: ${c.file}:${c.line}: `;
    const why: string[] = [];
    if (r.code !== 2) why.push(`exit ${r.code}`);
    if (lines.length !== 1) why.push(`${lines.length} stderr lines`);
    if (/\n\s+at /.test(r.stderr)) why.push("stack trace");
    if (!lines[0]?.startsWith(want)) why.push(`expected ${want}...`);
    else if (!c.reason.test(lines[0].slice(want.length))) why.push(`reason does not match ${c.reason}`);
    if (r.stdout !== "") why.push(`stdout: ${r.stdout.slice(0, 100)}`);
    const after = listing(c.out);
    if (JSON.stringify(after) !== JSON.stringify(before[i])) why.push(`output changed: ${before[i].join(",")} -> ${after.join(",")}`);
    if (why.length > 0) problems.push(`${c.name}: ${why.join("; ")}\n    stderr: ${r.stderr.trim().slice(0, 300)}`);
  });
  assert.equal(problems.length, 0, `${problems.length} of ${all.length} cases failed:\n${problems.join("\n")}`);
});

test("by design: a torn last JSONL line is a one-line warning, and several records per id are superseded, not errors", { timeout: 120_000 }, async () => {
  const dir = runDir();
  const file = join(dir, "task2.jsonl");
  const lines = jsonl(dir, "task2.jsonl");
  put(file, lines.join("\n") + "\n" + lines[0] + "\n" + lines[0].slice(0, 30));
  const r = await vag(["validate", file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, `vag: warning: ${file}:${lines.length + 2}: torn last line ignored (an interrupted write)\n`);
  assert.match(r.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${lines.length + 1} records, ${lines.length} ids \\(1 superseded by later records\\)\n`));
});
