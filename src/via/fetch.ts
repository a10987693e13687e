import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { UserError } from "../errors";
import { writeFileAtomic } from "../io/atomic";
import { readCsvFile } from "./csv";
import { AUTHORS_REPO, VIA_FILES, type ViaFile, type ViaSource } from "./files";
import { concatIndexToRow, GPT4O_MINI_FILE_ORDER, identityRow, rebuildTask2Csv, type DatasetKey } from "./rebuildTask2";
import { readTask2Log } from "./task2Log";
import { unzipFile, ZipError } from "./zip";
import { DATASET_FILE } from "./models";

/**
 * `vag data fetch`: download the authors' published files from their GitHub
 * repository at pinned commits, check every sha256 against MANIFEST.md, and
 * rebuild the derived t2_reconstructed/*.csv from the logs and the dataset.
 *
 * Guarantees: a file is written (atomically: temp file + rename) only after
 * its bytes matched the expected sha256, so a failed or tampered download
 * leaves no file behind; files already present with the right sha256 are
 * not downloaded again. Any failure stops with one line naming the file.
 */

export const DEFAULT_BASE_URL = "https://raw.githubusercontent.com";

/** How a derived file is rebuilt: from which log, mapping log indices to dataset rows how. */
export interface RebuildSpec {
  log: string;
  dataset: string;
  rowOf: (index: number) => number | undefined;
}

export const REBUILDS: Record<string, RebuildSpec> = {
  "t2_reconstructed/claude-sonnet-4_t2_reconstructed.csv": {
    log: "t2_logs/claude-sonnet-4-20250514_t2_eval_log_20250628_154645.jsonl",
    dataset: DATASET_FILE,
    rowOf: identityRow,
  },
  "t2_reconstructed/gpt-4o-mini_t2_reconstructed.csv": {
    log: "t2_logs/gpt-4o-mini_t2_eval_log_20241218_220449.jsonl",
    dataset: DATASET_FILE,
    rowOf: concatIndexToRow(GPT4O_MINI_FILE_ORDER),
  },
};

export interface FetchOptions {
  dataDir: string;
  /** Raw-file host; `${baseUrl}/${repo}/${commit}/${path}`. Tests point it at a local server. */
  baseUrl?: string;
  repo?: string;
  files?: readonly ViaFile[];
  rebuilds?: Record<string, RebuildSpec>;
  log?: (line: string) => void;
  timeoutMs?: number;
}

export interface FetchReport {
  present: string[];
  downloaded: string[];
  rebuilt: string[];
}

export const sha256 = (b: Uint8Array | string): string => createHash("sha256").update(b).digest("hex");

/** The raw URL of a file at a commit; each path segment is percent-encoded (spaces, colons). */
export function rawUrl(baseUrl: string, repo: string, src: ViaSource): string {
  return `${baseUrl.replace(/\/+$/, "")}/${repo}/${src.commit}/${src.path.split("/").map(encodeURIComponent).join("/")}`;
}

export async function fetchData(opts: FetchOptions): Promise<FetchReport> {
  const files = opts.files ?? VIA_FILES;
  const rebuilds = opts.rebuilds ?? REBUILDS;
  const baseUrl = opts.baseUrl ?? DEFAULT_BASE_URL;
  const repo = opts.repo ?? AUTHORS_REPO;
  const log = opts.log ?? (() => {});
  const report: FetchReport = { present: [], downloaded: [], rebuilt: [] };

  const ordered = [...files.filter((f) => f.source !== null), ...files.filter((f) => f.source === null)];
  for (const f of ordered) {
    const target = join(opts.dataDir, f.path);
    if (existsSync(target) && sha256(readFileSync(target)) === f.sha256) {
      report.present.push(f.path);
      continue;
    }
    let bytes: Buffer;
    if (f.source) {
      const url = rawUrl(baseUrl, repo, f.source);
      log(`download ${f.path} <- ${url}`);
      const body = await download(url, f.path, opts.timeoutMs ?? 120_000);
      bytes = f.source.zipped ? unzipOne(body, f, url) : body;
    } else {
      const spec = rebuilds[f.path];
      if (!spec) throw new UserError(`${f.path}: derived file without a rebuild rule`);
      log(`rebuild ${f.path} <- ${spec.log} + ${spec.dataset}`);
      bytes = Buffer.from(rebuild(opts.dataDir, f.path, spec), "utf8");
    }
    const got = sha256(bytes);
    if (got !== f.sha256) {
      throw new UserError(`${f.path}: sha256 mismatch: expected ${f.sha256}, got ${got} (${bytes.length} bytes, expected ${f.bytes}); nothing written`);
    }
    writeFileAtomic(target, bytes);
    (f.source ? report.downloaded : report.rebuilt).push(f.path);
  }
  return report;
}

async function download(url: string, path: string, timeoutMs: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new UserError(`${path}: download failed: ${cause?.code ?? cause?.message ?? (e as Error).message} (${url})`);
  }
  if (!res.ok) throw new UserError(`${path}: download failed: HTTP ${res.status} (${url})`);
  return Buffer.from(await res.arrayBuffer());
}

function unzipOne(zip: Buffer, f: ViaFile, url: string): Buffer {
  try {
    return unzipFile(zip, basename(f.path));
  } catch (e) {
    if (e instanceof ZipError) throw new UserError(`${f.path}: ${e.message} (${url})`);
    throw e;
  }
}

/**
 * Cross-check the derived files present in `dataDir` against a fresh rebuild
 * from their logs and the dataset (files whose inputs are absent are left out).
 */
export function checkDerived(dataDir: string, rebuilds: Record<string, RebuildSpec> = REBUILDS): Array<{ path: string; matches: boolean }> {
  return Object.entries(rebuilds)
    .filter(([path, spec]) => [path, spec.log, spec.dataset].every((f) => existsSync(join(dataDir, f))))
    .map(([path, spec]) => ({ path, matches: rebuild(dataDir, path, spec) === readFileSync(join(dataDir, path), "utf8") }));
}

function rebuild(dataDir: string, path: string, spec: RebuildSpec): string {
  for (const input of [spec.log, spec.dataset]) {
    if (!existsSync(join(dataDir, input))) throw new UserError(`${path}: cannot rebuild, ${input} is missing`);
  }
  const log = readTask2Log(join(dataDir, spec.log), join(dataDir, spec.log));
  const datasetFile = join(dataDir, spec.dataset);
  const dataset = readCsvFile(datasetFile, { columns: ["country", "topic", "value", "polarity"] }, datasetFile).rows as unknown as DatasetKey[];
  try {
    return rebuildTask2Csv(log, dataset, spec.rowOf);
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(`${path}: cannot rebuild: ${e.message}`);
    throw e;
  }
}
