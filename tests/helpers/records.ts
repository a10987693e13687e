import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import type { Task1Answers, Task1Record, Task2Record } from "../../src/runs/records";
import { recordId } from "../../src/runs/id";
import { codeVersion, manifestModel, type ManifestInput } from "../../src/runs/manifest";
import type { Protocol } from "../../src/protocol";

/** Valid records for store tests, built by our own code (never copied from published data). */
export function task2Record(i: number, over: Partial<Task2Record> = {}): Task2Record {
  const country = COUNTRIES[i % COUNTRIES.length];
  const topic = TOPICS[i % TOPICS.length];
  const value = VALUES[i % VALUES.length];
  return {
    id: recordId({ task: "task2", country, topic, value, i }),
    task: "task2",
    model: "fake-model",
    source: "sim",
    protocol: "robust",
    variant: 5,
    replicate: 0,
    prompt: [{ role: "user", content: `item ${i}` }],
    response: '{"action": "Option 1"}',
    usage: { promptTokens: 10, completionTokens: 5 },
    parse: { status: "ok" },
    error: null,
    latencyMs: 12,
    cached: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    country,
    topic,
    value,
    optionOrder: i % 2 ? "positive-first" : "negative-first",
    choice: 1,
    chosenPolarity: i % 2 ? "positive" : "negative",
    explanation: null,
    ...over,
  };
}

export function task1Record(i: number, over: Partial<Task1Record> = {}): Task1Record {
  const answers = Object.fromEntries(VALUES.map((v, k) => [v, ((k + i) % 4) + 1])) as Task1Answers;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { value, optionOrder, choice, chosenPolarity, explanation, actionsSource, ...common } = task2Record(i);
  return {
    ...common,
    id: recordId({ task: "task1", i }),
    task: "task1",
    answers,
    ...over,
  };
}

/** The manifest of a run that made no calls (for tests that write records by hand). */
export function emptyManifest(model = "sim-model", protocol: Protocol = "robust"): ManifestInput {
  return {
    schemaVersion: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    simulated: true,
    protocol,
    seed: 1,
    model: manifestModel({ id: model, baseUrl: "http://127.0.0.1:9/v1" }),
    code: codeVersion(),
    scope: {},
    counts: {},
    calls: { total: 0, cacheHits: 0, requests: 0, failures: 0 },
    tokens: { prompt: 0, completion: 0 },
    costUsd: null,
    retries: {},
    timings: { startedAt: "2026-01-01T00:00:00.000Z", finishedAt: null, wallMs: null, meanLatencyMs: null },
  };
}
