import type { IncomingMessage } from "node:http";
import type { ChatRequestBody } from "./answers";
import { errorBody } from "./errorBody";
import { readBody } from "./readBody";

/**
 * The simulator's Files and Batch API (`/v1/files`, `/v1/batches`): enough of
 * OpenAI's for the openai SDK's files.create / files.retrieve /
 * files.content and batches.create / retrieve / list / cancel. A batch is
 * `in_progress` until its completion time has passed, then every line is
 * answered by the same code as a live call (faults included: a faulted line
 * becomes a non-200 line of the error file) and written in reverse order, as
 * real batch output comes in any order. Everything lives in memory.
 */

export interface SimBatchOptions {
  completionMs: number;
  answer: (body: ChatRequestBody) => { status: number; body: string };
}

interface StoredFile {
  id: string;
  filename: string;
  purpose: string;
  bytes: Buffer;
  created_at: number;
}

interface StoredBatch {
  obj: Record<string, unknown> & { id: string; status: string; input_file_id: string };
  completeAt: number;
}

type Reply = { status: number; body: string; headers?: Record<string, string> };

const MAX_UPLOAD = 512 * 1024 * 1024;
const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value) });
const notFound = (what: string) => ({ status: 404, body: errorBody(`no such ${what}`, "invalid_request_error") });
const bad = (message: string) => ({ status: 400, body: errorBody(message, "invalid_request_error") });

export class SimBatches {
  private readonly files = new Map<string, StoredFile>();
  private readonly batches = new Map<string, StoredBatch>();
  private completionMs: number;
  private n = 0;

  constructor(private readonly o: SimBatchOptions) {
    this.completionMs = o.completionMs;
  }

  setCompletionMs(ms: number): void {
    this.completionMs = ms;
  }

  private nextId(prefix: string): string {
    return `${prefix}-sim${(++this.n).toString().padStart(6, "0")}`;
  }

  private fileObject(f: StoredFile) {
    return { id: f.id, object: "file", bytes: f.bytes.length, created_at: f.created_at, filename: f.filename, purpose: f.purpose, status: "processed" };
  }

  async handle(req: IncomingMessage, path: string): Promise<Reply> {
    const parts = path.split("/").filter(Boolean); // ["v1", "files" | "batches", id?, action?]
    const [, kind, id, action] = parts;
    if (kind === "files") {
      if (req.method === "POST" && id === undefined) return this.upload(req);
      const f = id ? this.files.get(id) : undefined;
      if (req.method === "GET" && id && action === undefined) return f ? json(200, this.fileObject(f)) : notFound(`file ${id}`);
      if (req.method === "GET" && id && action === "content")
        return f ? { status: 200, body: f.bytes.toString("utf8"), headers: { "content-type": "application/octet-stream" } } : notFound(`file ${id}`);
    }
    if (kind === "batches") {
      if (req.method === "POST" && id === undefined) return this.create(req);
      if (req.method === "GET" && id === undefined) {
        const data = [...this.batches.values()].reverse().map((b) => this.refresh(b).obj);
        return json(200, { object: "list", data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
      }
      const b = id ? this.batches.get(id) : undefined;
      if (!b) return notFound(`batch ${id}`);
      if (req.method === "GET" && action === undefined) return json(200, this.refresh(b).obj);
      if (req.method === "POST" && action === "cancel") {
        this.refresh(b);
        if (b.obj.status === "in_progress" || b.obj.status === "validating") {
          const now = Math.floor(Date.now() / 1000);
          Object.assign(b.obj, { status: "cancelled", cancelling_at: now, cancelled_at: now });
        }
        return json(200, b.obj);
      }
    }
    return { status: 404, body: errorBody(`no route ${req.method} ${path}`, "invalid_request_error") };
  }

  private async upload(req: IncomingMessage): Promise<Reply> {
    const raw = await readBody(req, MAX_UPLOAD);
    let form: FormData;
    try {
      form = await new Request("http://sim.local/", { method: "POST", headers: { "content-type": String(req.headers["content-type"] ?? "") }, body: raw }).formData();
    } catch {
      return bad("expected a multipart/form-data upload with `file` and `purpose`");
    }
    const file = form.get("file");
    const purpose = form.get("purpose");
    if (!(file instanceof Blob) || typeof purpose !== "string") return bad("expected `file` and `purpose`");
    const f: StoredFile = {
      id: this.nextId("file"),
      filename: (file as File).name ?? "upload.jsonl",
      purpose,
      bytes: Buffer.from(await file.arrayBuffer()),
      created_at: Math.floor(Date.now() / 1000),
    };
    this.files.set(f.id, f);
    return json(200, this.fileObject(f));
  }

  private async create(req: IncomingMessage): Promise<Reply> {
    let body: { input_file_id?: unknown; endpoint?: unknown; completion_window?: unknown; metadata?: unknown };
    try {
      body = JSON.parse((await readBody(req, MAX_UPLOAD)).toString("utf8"));
    } catch {
      return bad("request body is not valid JSON");
    }
    const input = typeof body.input_file_id === "string" ? this.files.get(body.input_file_id) : undefined;
    if (!input) return bad(`no such input file ${String(body.input_file_id)}`);
    if (body.endpoint !== "/v1/chat/completions") return bad("only /v1/chat/completions batches are simulated");
    const now = Date.now();
    const lines = input.bytes.toString("utf8").split("\n").filter((l) => l.trim() !== "");
    const obj = {
      id: this.nextId("batch"),
      object: "batch",
      endpoint: body.endpoint,
      errors: null as unknown,
      input_file_id: input.id,
      completion_window: typeof body.completion_window === "string" ? body.completion_window : "24h",
      status: "in_progress",
      output_file_id: null as string | null,
      error_file_id: null as string | null,
      created_at: Math.floor(now / 1000),
      in_progress_at: Math.floor(now / 1000),
      expires_at: Math.floor(now / 1000) + 86400,
      completed_at: null as number | null,
      request_counts: { total: lines.length, completed: 0, failed: 0 },
      metadata: body.metadata && typeof body.metadata === "object" ? body.metadata : null,
    };
    // Validation as the provider does it: every line must be a request for this endpoint, ids unique.
    const seen = new Set<string>();
    for (const [i, text] of lines.entries()) {
      let l: { custom_id?: unknown; method?: unknown; url?: unknown; body?: { messages?: unknown } };
      try {
        l = JSON.parse(text);
      } catch {
        l = {};
      }
      const ok = typeof l.custom_id === "string" && !seen.has(l.custom_id) && l.method === "POST" && l.url === "/v1/chat/completions" && Array.isArray(l.body?.messages);
      if (!ok) {
        Object.assign(obj, { status: "failed", failed_at: obj.created_at, errors: { object: "list", data: [{ code: "invalid_request", message: "line is not a valid batch request (or repeats a custom_id)", line: i + 1, param: null }] } });
        break;
      }
      seen.add(l.custom_id as string);
    }
    const b: StoredBatch = { obj, completeAt: now + this.completionMs };
    this.batches.set(obj.id, b);
    return json(200, obj);
  }

  /** Complete the batch once its time has come: answer every line, write the output and error files. */
  private refresh(b: StoredBatch): StoredBatch {
    if (b.obj.status !== "in_progress" || Date.now() < b.completeAt) return b;
    const input = this.files.get(b.obj.input_file_id)!;
    const out: string[] = [];
    const errors: string[] = [];
    const lines = input.bytes.toString("utf8").split("\n").filter((l) => l.trim() !== "");
    for (const text of lines) {
      const l = JSON.parse(text) as { custom_id: string; body: ChatRequestBody };
      const r = this.o.answer(l.body);
      let parsed: unknown = r.body;
      try {
        parsed = JSON.parse(r.body);
      } catch {
        // a deliberately broken body stays a string, as a broken server would send it
      }
      const line = JSON.stringify({ id: this.nextId("batch_req"), custom_id: l.custom_id, response: { status_code: r.status, request_id: this.nextId("req"), body: parsed }, error: null });
      (r.status === 200 ? out : errors).push(line + "\n");
    }
    const store = (content: string[]): string | null => {
      if (content.length === 0) return null;
      const f: StoredFile = { id: this.nextId("file"), filename: `${b.obj.id}_output.jsonl`, purpose: "batch_output", bytes: Buffer.from(content.reverse().join(""), "utf8"), created_at: Math.floor(Date.now() / 1000) };
      this.files.set(f.id, f);
      return f.id;
    };
    Object.assign(b.obj, {
      status: "completed",
      output_file_id: store(out),
      error_file_id: store(errors),
      completed_at: Math.floor(Date.now() / 1000),
      request_counts: { total: lines.length, completed: out.length, failed: errors.length },
    });
    return b;
  }
}
