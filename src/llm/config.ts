import { existsSync } from "node:fs";
import { z } from "zod";
import { FileLineError, UserError } from "../errors";
import { manifestModel, type ManifestModel } from "../runs/manifest";
import { zodReason } from "../runs/zodReason";
import { DEFAULT_CACHE_DIR } from "./cache";
import { readJsonText } from "../io/jsonFile";
import type { Price } from "./cost";

/**
 * Configuration, following the SDK's conventions: OPENAI_API_KEY and
 * OPENAI_BASE_URL from the environment, a `--base-url` override, and an
 * optional models file (JSON) describing each model:
 *
 *   { "models": [ { "id": "llama-3.3-70b-versatile", "baseUrl": "https://api.groq.com/openai/v1",
 *                   "apiKeyEnv": "GROQ_API_KEY", "temperature": 0, "maxTokens": 1024, "seed": 1,
 *                   "pricePerMillion": { "input": 0.59, "output": 0.79 },
 *                   "concurrency": 8, "requestsPerMinute": 30, "batchDiscount": 0.5 } ] }
 *
 * The file names the environment variable that holds a key, never the key.
 * Base URL precedence: --base-url, the model's baseUrl, OPENAI_BASE_URL, OpenAI.
 */

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const PricePerMillion = z
  .object({ input: z.number().nonnegative(), output: z.number().nonnegative() })
  .strict();

export const ModelSpec = z
  .object({
    id: z.string().min(1),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    apiKeyEnv: z.string().regex(ENV_NAME, "must be the NAME of an environment variable (e.g. GROQ_API_KEY), not a key").optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    seed: z.number().int().optional(),
    pricePerMillion: PricePerMillion.optional(),
    concurrency: z.number().int().positive().optional(),
    requestsPerMinute: z.number().positive().optional(),
    /** Share of the live price a provider batch saves (OpenAI's Batch API: 0.5, half price). */
    batchDiscount: z.number().min(0).max(1).optional(),
  })
  .strict();
export type ModelSpec = z.infer<typeof ModelSpec>;

export const ModelsFile = z.object({ models: z.array(ModelSpec).min(1) }).strict();
export type ModelsFile = z.infer<typeof ModelsFile>;

/** Field names that would hold a key: refused with a pointer to apiKeyEnv (the value is never echoed). */
const KEY_FIELD = /^(api[-_]?key|key|token|secret|authorization|headers?)$/i;

/** Read and validate a models file; a bad file gives `FILE:LINE: reason` (exit 2). */
export function loadModelsFile(file: string): ModelSpec[] {
  if (!existsSync(file)) throw new UserError(`${file}: no such models file`, 2);
  const { text, json } = readJsonText(file);
  const models = (json as { models?: unknown })?.models;
  if (Array.isArray(models)) {
    for (const [i, m] of models.entries()) {
      const bad = m && typeof m === "object" ? Object.keys(m).find((k) => KEY_FIELD.test(k)) : undefined;
      if (bad) {
        throw new FileLineError(file, lineOf(text, `"${bad}"`), `models.${i}.${bad}: keys do not belong in the models file; set "apiKeyEnv" to the NAME of an environment variable and export the key there`);
      }
    }
  }
  const r = ModelsFile.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0];
    // An unknown key is named by the issue, not its path: point at the key itself.
    const field = first?.code === "unrecognized_keys" ? first.keys[0] : first?.path[first.path.length - 1];
    return fail(file, typeof field === "string" ? lineOf(text, `"${field}"`) : 1, zodReason(r.error));
  }
  // Two entries with one id: which one a run used would be a silent choice.
  const seen = new Set<string>();
  for (const m of r.data.models) {
    if (seen.has(m.id)) throw new FileLineError(file, lineOfNth(text, `"id"`, seen.size), `duplicate model id ${JSON.stringify(m.id)}`);
    seen.add(m.id);
  }
  return r.data.models;
}

/** 1-based line of the (n+1)-th occurrence of `needle` (1 when absent). */
function lineOfNth(text: string, needle: string, n: number): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) return 1;
  }
  return text.slice(0, i).split("\n").length;
}

function fail(file: string, line: number, reason: string): never {
  throw new FileLineError(file, line, reason);
}

/** 1-based line of the first occurrence of `needle` (1 when absent). */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split("\n").length;
}

/** Loopback endpoints (a local vLLM, Ollama, llama.cpp server or the simulator) need no key. */
export function isLocalUrl(url: string): boolean {
  try {
    const h = new URL(url).hostname.replace(/^\[|\]$/g, "");
    return h === "localhost" || h.endsWith(".localhost") || h === "::1" || h === "0.0.0.0" || /^127\./.test(h);
  } catch {
    return false;
  }
}

/** Stand-in key for local servers: the SDK insists on one; local servers ignore it. */
export const LOCAL_DUMMY_KEY = "local-no-key";

export interface LlmConfigInput {
  /** Model id (the name sent to the endpoint; looked up in the models file when one is given). */
  model: string;
  modelsFile?: string;
  /** --base-url */
  baseUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  concurrency?: number;
  requestsPerMinute?: number;
  cacheDir?: string;
  noCache?: boolean;
  refresh?: boolean;
  /** Nothing will be sent (a batch export or import): a missing key is no error. */
  keyOptional?: boolean;
}

/**
 * A resolved configuration, ready for `createLlmClient(config)`. `apiKey` is
 * a NON-enumerable property: JSON.stringify, console.log and object spread
 * never show or copy it (pass the config object itself to the client).
 */
export interface LlmConfig {
  model: string;
  spec: ModelSpec;
  baseUrl: string;
  apiKeyEnv: string;
  local: boolean;
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  requestsPerMinute?: number;
  price: Price | null;
  /** Batch price = live price x (1 - batchDiscount). */
  batchDiscount: number;
  cacheDir: string;
  noCache: boolean;
  refresh: boolean;
  readonly apiKey: string;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 6;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_BATCH_DISCOUNT = 0.5;

/**
 * Resolve the configuration; a missing key for a remote endpoint, an unknown
 * model or a bad URL is one actionable UserError line.
 */
export function resolveLlmConfig(input: LlmConfigInput, env: NodeJS.ProcessEnv = process.env): LlmConfig {
  let spec: ModelSpec = { id: input.model };
  if (input.modelsFile) {
    const models = loadModelsFile(input.modelsFile);
    const found = models.find((m) => m.id === input.model);
    if (!found) {
      throw new UserError(`model "${input.model}" is not in ${input.modelsFile}; known: ${models.map((m) => m.id).join(", ")}`, 2);
    }
    spec = found;
  }
  const baseUrl = (input.baseUrl ?? spec.baseUrl ?? env.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new UserError(`the base URL is not a valid http(s) URL (expected e.g. http://127.0.0.1:8000/v1)`, 2);
  }
  const apiKeyEnv = spec.apiKeyEnv ?? "OPENAI_API_KEY";
  const local = isLocalUrl(baseUrl);
  const key = env[apiKeyEnv];
  if (!key && !local && !input.keyOptional) {
    throw new UserError(`${apiKeyEnv} is not set; export it (export ${apiKeyEnv}=...) or use --base-url for a local server (e.g. --base-url http://127.0.0.1:8000/v1)`, 2);
  }
  const config = {
    model: spec.id,
    spec,
    baseUrl,
    apiKeyEnv,
    local,
    timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: input.maxRetries ?? DEFAULT_MAX_RETRIES,
    concurrency: input.concurrency ?? spec.concurrency ?? DEFAULT_CONCURRENCY,
    requestsPerMinute: input.requestsPerMinute ?? spec.requestsPerMinute,
    price: spec.pricePerMillion ?? null,
    batchDiscount: spec.batchDiscount ?? DEFAULT_BATCH_DISCOUNT,
    cacheDir: input.cacheDir ?? DEFAULT_CACHE_DIR,
    noCache: input.noCache ?? false,
    refresh: input.refresh ?? false,
  } as LlmConfig;
  Object.defineProperty(config, "apiKey", { value: key || LOCAL_DUMMY_KEY, enumerable: false, writable: false });
  return config;
}

/** The manifest's model section for this configuration (whitelisted fields; no key). */
export function manifestModelOf(config: LlmConfig): ManifestModel {
  return manifestModel({
    id: config.model,
    baseUrl: config.baseUrl,
    apiKeyEnv: config.apiKeyEnv,
    temperature: config.spec.temperature,
    maxTokens: config.spec.maxTokens,
    seed: config.spec.seed,
    pricePerMillion: config.price,
    concurrency: config.concurrency,
    requestsPerMinute: config.requestsPerMinute,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    batchDiscount: config.batchDiscount,
  });
}
