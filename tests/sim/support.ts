import OpenAI from "openai";
import { startSimServer, type SimServer, type SimServerOptions } from "../../src/sim";

/** Start a simulator, run fn, always close it. */
export async function withSim<T>(options: SimServerOptions, fn: (s: SimServer) => Promise<T>): Promise<T> {
  const s = await startSimServer(options);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

/** The real openai SDK pointed at the simulator. */
export function client(url: string, extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}): OpenAI {
  return new OpenAI({ baseURL: url, apiKey: "sim", ...extra });
}

type Msg = { role: "system" | "user" | "assistant"; content: string };

/** One chat completion; returns the assistant text. */
export async function ask(c: OpenAI, messages: Msg[], extra: Record<string, unknown> = {}): Promise<string> {
  const r = await c.chat.completions.create({ model: "sim-respondent", messages, ...extra });
  return r.choices[0].message.content ?? "";
}

/** JSON.parse after removing code fences (the simple local check the tests use). */
export function parseJsonAnswer(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  return JSON.parse(fenced ? fenced[1] : text);
}

/** Run tasks with at most `limit` in flight, results in input order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
