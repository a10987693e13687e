import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answer, requestHash, type ChatRequestBody } from "./answers";
import { AttemptTracker, FAULT_KINDS, type FaultKind, type FaultOptions } from "./faults";
import type { PromptKind } from "./prompt-kind";
import { contentText } from "./prompt-kind";
import { groundTruth, respondent, type GroundTruth } from "./respondent";
import { SimBatches } from "./batches";
import { errorBody } from "./errorBody";
import { readBody } from "./readBody";
import { decodesJson, reasoningUnder, responseFormatProblem, schemaNameOf } from "./responseFormat";
import { withReasoning, type ReasoningMode } from "./reasoning";

export interface SimServerOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed: number;
  /** Delay before every response, in ms (default 0). */
  latencyMs?: number;
  /** Share of JSON answers deliberately malformed (default 0). */
  malformedRate?: number;
  faults?: FaultOptions;
  /** Share of cells whose Task 2 prompts are answered "Option 1" whatever the options (default 0; see SimBehaviour). */
  positionBias?: number;
  /** Time from batches.create until a batch is completed (default 0: done at the first retrieve). */
  batchCompletionMs?: number;
  /** Plant the non-leaky contested-cell signal in generated explanations (planted.ts CONTESTED_*). Default false. */
  explanationSignal?: boolean;
  /** Probability that a request on a refusal-prone cell is declined (refusals.ts; truth in groundTruth().refusals). Default 0. */
  refusalRate?: number;
  /** Answer every json_schema response_format with a 400, as a model without structured outputs does (responseFormat.ts). */
  rejectResponseFormat?: boolean;
  /** Answer as a reasoning model: a deliberation with decoys inline (`<think>`), in `reasoning_content`, or both (reasoning.ts). Default "off". */
  reasoning?: ReasoningMode;
}

export interface SimStats {
  /** POST /v1/chat/completions requests received (attempts, including faulted ones). */
  requests: number;
  /** Requests answered with a completion. */
  answered: number;
  faults: Record<FaultKind, number>;
  malformed: number;
  /** Answers whose deliberation (reasoning mode) held a draft that differs from the answer. */
  decoys: number;
  /** Requests declined (SimServerOptions.refusalRate): the refusals an analysis should count. */
  refusals: number;
  byKind: Record<PromptKind, number>;
  /** Structured outputs: answered requests per json_schema name, and requests refused for their response_format (400). */
  responseFormat: { schemas: Record<string, number>; refused: number };
}

export interface SimServer {
  /** Base URL for an OpenAI client, ending in /v1. */
  url: string;
  port: number;
  seed: number;
  close(): Promise<void>;
  groundTruth(): GroundTruth;
  stats(): SimStats;
  /** Change the completion time of batches created from now on. */
  setBatchCompletionMs(ms: number): void;
}

export const SIM_MODEL = "sim-respondent";
const MAX_BODY = 16 * 1024 * 1024;

const approxTokens = (s: string) => Math.ceil(s.length / 4);

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", "x-vag-simulated": "1", ...headers });
  res.end(body);
}

/**
 * The message's text fields. A model declining under structured outputs sends its refusal in `refusal` with a null
 * `content` (OpenAI's shape: the schema cannot hold it); otherwise the text is the content.
 */
const messageText = (text: string, asRefusalField: boolean) => (asRefusalField ? { content: null, refusal: text } : { content: text, refusal: null });

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Start the simulated OpenAI-compatible server (node:http only). Every
 * response carries `x-vag-simulated: 1`; completions carry
 * `system_fingerprint: "vag-sim-<seed>"` and echo the model name given.
 */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const seed = options.seed;
  const latency = Math.max(0, options.latencyMs ?? 0);
  const malformedRate = options.malformedRate ?? 0;
  const behaviour = { positionBias: options.positionBias ?? 0, explanationSignal: Boolean(options.explanationSignal), refusalRate: options.refusalRate ?? 0 };
  const tracker = new AttemptTracker(seed, options.faults);
  const hangMs = options.faults?.hangMs ?? 10 * 60 * 1000;
  const retryAfter = options.faults?.retryAfterSeconds ?? 1;
  const hangs = new Set<NodeJS.Timeout>();
  let groundTruthJson: string | null = null;
  const stats: SimStats = {
    requests: 0,
    answered: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    malformed: 0,
    decoys: 0,
    refusals: 0,
    byKind: { generate: 0, task1: 0, task2: 0, gap: 0, unknown: 0 },
    responseFormat: { schemas: {}, refused: 0 },
  };
  respondent(seed, behaviour); // build the latent respondent before the first request

  async function completions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: string;
    try {
      raw = (await readBody(req, MAX_BODY)).toString("utf8");
    } catch (e) {
      return send(res, 413, errorBody((e as Error).message, "invalid_request_error"));
    }
    let body: ChatRequestBody & { stream?: boolean };
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch {
      return send(res, 400, errorBody("request body is not valid JSON", "invalid_request_error"));
    }
    if (!body || typeof body !== "object" || !Array.isArray(body.messages))
      return send(res, 400, errorBody("'messages' must be an array", "invalid_request_error"));
    if (body.stream) return send(res, 400, errorBody("streaming is not supported by the simulator", "invalid_request_error"));
    stats.requests++;
    const rq = requestHash(body);
    const { fault } = tracker.next(rq);
    if (fault) stats.faults[fault]++;
    if (fault === "hang") {
      const t = setTimeout(() => {
        hangs.delete(t);
        req.socket.destroy();
      }, hangMs);
      hangs.add(t);
      res.on("close", () => {
        clearTimeout(t);
        hangs.delete(t);
      });
      return;
    }
    if (latency > 0) await sleep(latency);
    if (fault === "reset") {
      req.socket.destroy();
      return;
    }
    const r = completion(body, rq, fault);
    send(res, r.status, r.body, r.headers);
  }

  /** The response to one chat request under an injected fault (a live hang or reset aside): shared by live calls and batch lines. */
  function completion(body: ChatRequestBody, rq: number, fault: FaultKind | null): { status: number; body: string; headers?: Record<string, string> } {
    const model = typeof body.model === "string" && body.model ? body.model : SIM_MODEL;
    const refused = responseFormatProblem(body.response_format, Boolean(options.rejectResponseFormat));
    if (refused !== null) {
      stats.responseFormat.refused++;
      return { status: 400, body: errorBody(refused, "invalid_request_error", "invalid_request_error") };
    }
    switch (fault) {
      case "429":
        return {
          status: 429,
          body: errorBody("Rate limit reached (injected fault)", "rate_limit_error", "rate_limit_exceeded"),
          headers: { "retry-after": String(retryAfter) },
        };
      case "500":
      case "hang":
      case "reset":
        return { status: 500, body: errorBody("Internal server error (injected fault)", "server_error") };
      case "503":
        return { status: 503, body: errorBody("Service unavailable (injected fault)", "server_error") };
      case "bad-body":
        return { status: 200, body: `{"id": "chatcmpl-sim", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assist` };
    }
    const plain = answer(seed, body, { malformedRate, ...behaviour });
    const r = withReasoning(reasoningUnder(options.reasoning ?? "off", body.response_format), seed, rq, plain);
    const a = { ...plain, content: r.content, logprobs: r.logprobs };
    const promptTokens = approxTokens((body.messages ?? []).map((m) => contentText(m.content)).join("\n"));
    const completionTokens = approxTokens(a.content + (r.reasoningContent ?? ""));
    const response = {
      id: `chatcmpl-sim${seed}-${rq.toString(16)}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      system_fingerprint: `vag-sim-${seed}`,
      choices:
        fault === "empty-choices"
          ? []
          : [{ index: 0, message: { role: "assistant", ...messageText(a.content, Boolean(plain.declined) && decodesJson(body.response_format)), ...(r.reasoningContent !== null ? { reasoning_content: r.reasoningContent } : {}) }, logprobs: a.logprobs ? { content: a.logprobs, refusal: null } : null, finish_reason: "stop" }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    };
    if (fault !== "empty-choices") {
      stats.answered++;
      stats.byKind[a.kind]++;
      if (a.malformed) stats.malformed++;
      const schema = schemaNameOf(body.response_format);
      if (schema !== null) stats.responseFormat.schemas[schema] = (stats.responseFormat.schemas[schema] ?? 0) + 1;
      if (r.deliberation?.decoy) stats.decoys++;
      if (plain.declined) stats.refusals++;
    }
    return { status: 200, body: JSON.stringify(response) };
  }

  const batches = new SimBatches({
    completionMs: options.batchCompletionMs ?? 0,
    answer: (body) => {
      stats.requests++;
      const rq = requestHash(body);
      const { fault } = tracker.next(rq);
      if (fault) stats.faults[fault]++;
      return completion(body, rq, fault);
    },
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0].replace(/\/+$/, "");
    if (req.method === "POST" && path === "/v1/chat/completions") {
      completions(req, res).catch((e: unknown) => send(res, 500, errorBody(String((e as Error)?.message ?? e), "server_error")));
      return;
    }
    if (req.method === "GET" && path === "/v1/models") {
      return send(
        res,
        200,
        JSON.stringify({ object: "list", data: [{ id: SIM_MODEL, object: "model", created: 0, owned_by: `vag-sim-${seed}` }] }),
      );
    }
    if (path.startsWith("/v1/files") || path.startsWith("/v1/batches")) {
      batches.handle(req, path).then(
        (r) => send(res, r.status, r.body, r.headers),
        (e: unknown) => send(res, 500, errorBody(String((e as Error)?.message ?? e), "server_error")),
      );
      return;
    }
    if (req.method === "GET" && path === "/ground-truth") {
      groundTruthJson ??= JSON.stringify(groundTruth(seed, behaviour));
      return send(res, 200, groundTruthJson);
    }
    send(res, 404, errorBody(`no route ${req.method} ${path}`, "invalid_request_error"));
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? "127.0.0.1";
  return {
    url: `http://${host}:${port}/v1`,
    port,
    seed,
    groundTruth: () => groundTruth(seed, behaviour),
    stats: () => structuredClone(stats),
    setBatchCompletionMs: (ms) => batches.setCompletionMs(ms),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of hangs) clearTimeout(t);
        hangs.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
