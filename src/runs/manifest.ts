import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { UserError } from "../errors";
import { PROTOCOLS } from "../protocol";
import { containsSecret, redactUrl, secretsFromEnv } from "../secrets";
import { writeFileAtomic } from "../io/atomic";
import { readValidJson } from "./readValidJson";

/**
 * `runs/<run-id>/manifest.json`: everything needed to say how a run was made
 * and to reproduce it (HELM's habit of serialising the run spec beside its
 * results). Every object is `.strict()` and the model config is built from a
 * whitelist (`manifestModel`), so a key, a header or an unknown field cannot
 * enter it; `writeManifest` also refuses text containing a secret from the
 * environment.
 */

export const MANIFEST_FILE = "manifest.json";

export const ManifestModel = z
  .object({
    /** Model name sent to the endpoint. */
    id: z.string().min(1),
    /** Endpoint without credentials or query string. */
    baseUrl: z.string(),
    /** NAME of the environment variable holding the key (never the key). */
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).nullable(),
    temperature: z.number().nullable(),
    maxTokens: z.number().int().nullable(),
    seed: z.number().int().nullable(),
    pricePerMillion: z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict().nullable(),
    concurrency: z.number().int().positive().nullable(),
    requestsPerMinute: z.number().positive().nullable(),
    timeoutMs: z.number().int().positive().nullable(),
    maxRetries: z.number().int().nonnegative().nullable(),
    /** Share of the live price a provider batch saves (batch price = live x (1 - batchDiscount)). */
    batchDiscount: z.number().min(0).max(1).nullable().optional(),
  })
  .strict();
export type ManifestModel = z.infer<typeof ManifestModel>;

const Counts = z
  .object({
    /** Items the run planned for this task (null when unknown, e.g. a validate of a foreign file). */
    planned: z.number().int().nonnegative().nullable().default(null),
    records: z.number().int().nonnegative(),
    ok: z.number().int().nonnegative(),
    repaired: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    error: z.number().int().nonnegative(),
  })
  .strict();

/** One imported batch output file. */
export const BatchImport = z
  .object({
    /** Base name of the output file; records imported from it carry it as `batch`. */
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The provider's batch id when `vag batch fetch` downloaded it, else null (e.g. vLLM run-batch). */
    providerBatchId: z.string().nullable(),
    task: z.enum(["generate", "task1", "task2"]),
    importedAt: z.string(),
    /** Records written from this file, and how many of them are error records (exported again next time). */
    records: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
  })
  .strict();
export type BatchImport = z.infer<typeof BatchImport>;

/** Plain option values of the run's scope (countries, variants, order, actions source...). */
const ScopeValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);

export const Manifest = z
  .object({
    schemaVersion: z.literal(1),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** True when the answers came from the built-in simulator: never a result about a real model. */
    simulated: z.boolean(),
    protocol: z.enum(PROTOCOLS),
    seed: z.number().int().nullable(),
    model: ManifestModel,
    code: z
      .object({ packageVersion: z.string(), gitCommit: z.string().nullable(), gitDirty: z.boolean().nullable() })
      .strict(),
    scope: z.record(z.string(), ScopeValue),
    /** Per task: planned items and the latest record per id by status (ok/repaired/failed parse, error = call failed). */
    counts: z.record(z.string(), Counts),
    calls: z
      .object({
        total: z.number().int().nonnegative(),
        cacheHits: z.number().int().nonnegative(),
        requests: z.number().int().nonnegative(),
        failures: z.number().int().nonnegative(),
      })
      .strict(),
    tokens: z.object({ prompt: z.number().int().nonnegative(), completion: z.number().int().nonnegative() }).strict(),
    /** Money spent by this run (cache hits cost nothing); null when the model has no price. */
    costUsd: z.number().nonnegative().nullable(),
    /**
     * The run's fresh tokens priced live and as a provider batch (batch = live x (1 - batchDiscount));
     * null without a price. What was actually spent is `costUsd`.
     */
    priceUsd: z.object({ live: z.number().nonnegative().nullable(), batch: z.number().nonnegative().nullable() }).strict().optional(),
    /** Batch output files imported into this run: which records came from which batch (records carry `batch` = file). */
    batches: z.array(BatchImport).optional(),
    /** Retries by kind ("429", "500", "502", "503", "5xx", "timeout", "reset", "connect", "bad-body", "empty-choices"). */
    retries: z.record(z.string(), z.number().int().nonnegative()),
    timings: z
      .object({
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        wallMs: z.number().nonnegative().nullable(),
        meanLatencyMs: z.number().nonnegative().nullable(),
      })
      .strict(),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;
export type ManifestInput = z.input<typeof Manifest>;

/** Whatever model configuration the caller holds; only the whitelisted fields are read. */
export interface ModelConfigLike {
  id: string;
  baseUrl: string;
  apiKeyEnv?: string | null;
  temperature?: number | null;
  maxTokens?: number | null;
  seed?: number | null;
  pricePerMillion?: { input: number; output: number } | null;
  concurrency?: number | null;
  requestsPerMinute?: number | null;
  timeoutMs?: number | null;
  maxRetries?: number | null;
  batchDiscount?: number | null;
}

/** The model section of a manifest, field by field from a whitelist: keys and headers have no way in. */
export function manifestModel(c: ModelConfigLike): ManifestModel {
  return {
    id: c.id,
    baseUrl: redactUrl(c.baseUrl),
    apiKeyEnv: c.apiKeyEnv ?? null,
    temperature: c.temperature ?? null,
    maxTokens: c.maxTokens ?? null,
    seed: c.seed ?? null,
    pricePerMillion: c.pricePerMillion ? { input: c.pricePerMillion.input, output: c.pricePerMillion.output } : null,
    concurrency: c.concurrency ?? null,
    requestsPerMinute: c.requestsPerMinute ?? null,
    timeoutMs: c.timeoutMs ?? null,
    maxRetries: c.maxRetries ?? null,
    ...(c.batchDiscount != null ? { batchDiscount: c.batchDiscount } : {}),
  };
}

/** Package version and, when the code is a git checkout, its commit and whether it has local changes. */
export function codeVersion(root: string = resolve(__dirname, "../..")): Manifest["code"] {
  let packageVersion = "unknown";
  try {
    packageVersion = String(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version ?? "unknown");
  } catch {
    // not fatal: a manifest without a version still records everything else
  }
  const git = (args: string[]): string | null => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", timeout: 5000, stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return null;
    }
  };
  const gitCommit = git(["rev-parse", "HEAD"]);
  const status = gitCommit === null ? null : git(["status", "--porcelain", "--untracked-files=no"]);
  return { packageVersion, gitCommit, gitDirty: status === null ? null : status !== "" };
}

/**
 * Validate and write `dir/manifest.json` atomically. Throws (an internal
 * error, not a user one) if the text would contain the value of any
 * secret-looking environment variable.
 */
export function writeManifest(dir: string, manifest: ManifestInput, secrets: readonly string[] = secretsFromEnv()): Manifest {
  const m = Manifest.parse(manifest);
  const text = JSON.stringify(m, null, 2) + "\n";
  if (containsSecret(text, secrets)) throw new Error("refusing to write a manifest that contains a secret");
  writeFileAtomic(join(dir, MANIFEST_FILE), text);
  return m;
}

/** Read and validate `dir/manifest.json`; a bad file gives `FILE:LINE: reason`. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new UserError(`${file}: no such file`, 2);
  return readValidJson(file, Manifest);
}
