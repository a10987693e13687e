import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small OpenAI-compatible server for the LLM layer's tests: real HTTP over
 * real sockets, so the real `openai` SDK is exercised. It answers
 * `POST .../chat/completions` and `GET .../models`, and injects faults from a
 * queue, one per incoming chat request, in arrival order.
 * (The full simulator lives in src/sim; this fixture only needs to misbehave.)
 */
export type Fault =
  | { kind: "429"; retryAfter?: string; retryAfterMs?: string }
  | { kind: "500" | "502" | "504" }
  | { kind: "503"; retryAfter?: string }
  | { kind: "hang" }
  | { kind: "reset" }
  | { kind: "bad-body" }
  | { kind: "empty-choices" }
  | { kind: "no-choices" }
  | { kind: "status"; status: number; message?: string }
  /** A 401 whose message echoes the Authorization header, as careless gateways do. */
  | { kind: "echo-key" };

export interface SeenRequest {
  /** Date.now() when the request arrived. */
  at: number;
  path: string;
  body: { model?: string; messages?: Array<{ role: string; content: string }>; [k: string]: unknown } | null;
  authorization: string | undefined;
  fault: Fault["kind"] | null;
}

export interface FakeOpenAiOptions {
  /** Delay before a normal answer. */
  latencyMs?: number;
  /** system_fingerprint of normal answers (the simulator uses "vag-sim-<seed>"). */
  fingerprint?: string;
  answer?: (body: SeenRequest["body"]) => string;
  /** Status of `GET /models` (default 200 with one model); 401 emulates a rejected key. */
  modelsStatus?: number;
}

export interface FakeOpenAi {
  baseUrl: string;
  port: number;
  requests: SeenRequest[];
  /** Chat requests currently being handled, and the most ever at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  queueFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const faults: Fault[] = [];
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = req.url ?? "/";
    if (req.method === "GET" && path.endsWith("/models")) {
      if (options.modelsStatus && options.modelsStatus !== 200) return json(res, options.modelsStatus, { error: { message: `Incorrect API key provided: ${req.headers.authorization}` } });
      return json(res, 200, { object: "list", data: [{ id: "fake-model", object: "model", created: 0, owned_by: "tests" }] });
    }
    if (req.method !== "POST" || !path.endsWith("/chat/completions")) return json(res, 404, { error: { message: "not found" } });
    let body: SeenRequest["body"] = null;
    try {
      body = JSON.parse(raw);
    } catch {
      return json(res, 400, { error: { message: "bad json" } });
    }
    const fault = faults.shift() ?? null;
    requests.push({ at: Date.now(), path, body, authorization: req.headers.authorization, fault: fault?.kind ?? null });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    switch (fault?.kind) {
      case "429": {
        const h: Record<string, string> = {};
        if (fault.retryAfter !== undefined) h["retry-after"] = fault.retryAfter;
        if (fault.retryAfterMs !== undefined) h["retry-after-ms"] = fault.retryAfterMs;
        return json(res, 429, { error: { message: "rate limited", type: "rate_limit" } }, h);
      }
      case "500":
      case "502":
      case "504":
        return json(res, Number(fault.kind), { error: { message: `server error ${fault.kind}` } });
      case "503":
        return json(res, 503, { error: { message: "overloaded" } }, fault.retryAfter ? { "retry-after": fault.retryAfter } : {});
      case "status":
        return json(res, fault.status, { error: { message: fault.message ?? `status ${fault.status}` } });
      case "echo-key":
        return json(res, 401, { error: { message: `Incorrect API key provided: ${req.headers.authorization}` } });
      case "hang":
        return; // never answers; close() destroys the socket
      case "reset":
        req.socket.destroy();
        return;
      case "bad-body": {
        const text = '{"id": "x", "choices": [ {"message": ';
        res.writeHead(200, { "content-type": "application/json", "content-length": String(text.length) });
        res.end(text);
        return;
      }
      case "empty-choices":
        return json(res, 200, { id: "x", object: "chat.completion", created: 0, model: body?.model, choices: [] });
      case "no-choices":
        return json(res, 200, { error: { message: "upstream failed" } });
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const last = body?.messages?.[body.messages.length - 1]?.content ?? "";
    const content = options.answer ? options.answer(body) : `echo: ${last}`;
    const promptChars = (body?.messages ?? []).reduce((n, m) => n + m.content.length, 0);
    return json(res, 200, {
      id: `chatcmpl-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body?.model,
      system_fingerprint: options.fingerprint ?? "fp_fake",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: 0 },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    queueFaults: (...f) => faults.push(...f),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
