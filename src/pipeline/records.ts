import type { Protocol } from "../protocol";
import type { CompletionResult } from "../llm/types";
import { parseAction } from "../parse/action";
import { parseTask1 } from "../parse/task1";
import { parseTask2 } from "../parse/task2";
import { REASONING_WITHOUT_ANSWER } from "../parse/reasoning";
import { task1AnswerProbabilities, task2AnswerProbability } from "../parse/answerProbability";
import { readVerbalizedConfidence } from "../parse/verbalized";
import type { ParseResult } from "../parse/result";
import type { GenerateRecord, ParseInfo, Task1Record, Task2Record, Polarity } from "../runs/records";
import type { GenerateMeta, Task1Meta, Task2Meta, WorkItem } from "./items";

/**
 * Turn one completion into one record. A failed call is a record with its
 * error and nothing parsed (it is retried on resume); a malformed answer is a
 * record with a failed parse and its reason, never a thrown error.
 */

interface Common {
  model: string;
  protocol: Protocol;
  /** The prompts asked for a verbalized confidence: read it into `confidence`. */
  verbalized?: boolean;
  /** The requests asked for logprobs: read the answer tokens' probabilities. */
  logprobs?: boolean;
}

function base<M>(item: WorkItem<M>, result: CompletionResult, c: Common, parse: ParseInfo) {
  return {
    id: item.id,
    model: c.model,
    source: result.simulated ? ("sim" as const) : ("llm" as const),
    protocol: c.protocol,
    variant: item.variant,
    replicate: item.replicate,
    prompt: item.messages,
    response: result.output,
    // Only the content is ever parsed; the provider's reasoning field rides along untouched.
    ...(typeof result.reasoning === "string" ? { reasoning: result.reasoning } : {}),
    usage: result.usage,
    parse,
    error: result.error,
    latencyMs: Math.round(result.latencyMs),
    cached: result.cached,
    createdAt: new Date().toISOString(),
  };
}

function parseInfo(r: ParseResult<unknown> | null, result: CompletionResult): ParseInfo {
  if (r === null) return { status: "failed", reason: result.error ? "no response (call failed)" : "empty response" };
  if (r.ok) return { status: r.repaired ? "repaired" : "ok" };
  // Reasoning in the provider's field and no content: a reasoning model cut off by
  // max_tokens before it answered. A failed parse with its own reason, never retried.
  if (typeof result.reasoning === "string" && result.output !== null && result.output.trim() === "") return { status: "failed", reason: REASONING_WITHOUT_ANSWER };
  return { status: "failed", reason: r.reason };
}

export function generateRecord(item: WorkItem<GenerateMeta>, result: CompletionResult, c: Common): GenerateRecord {
  const p = result.output === null ? null : parseAction(result.output);
  return {
    ...base(item, result, c, parseInfo(p, result)),
    task: "generate",
    ...item.meta,
    action: p?.ok ? p.value.action : null,
    attributions: p?.ok ? p.value.attributions : [],
    explanation: p?.ok ? p.value.explanation : null,
  };
}

export function task1Record(item: WorkItem<Task1Meta>, result: CompletionResult, c: Common): Task1Record {
  const p = result.output === null ? null : parseTask1(result.output, c.protocol);
  return {
    ...base(item, result, c, parseInfo(p, result)),
    task: "task1",
    ...item.meta,
    answers: p?.ok ? p.value : null,
    ...signalFields(result, c, (text) => ({ answerProbs: p?.ok ? task1AnswerProbabilities(text, result.logprobs) : null })),
  };
}

/**
 * The confidence fields a record carries when the run asked for them (and
 * only then, so other records keep their shape): the verbalized confidence
 * and the answer tokens' probabilities (null when not readable).
 */
function signalFields<T extends object>(result: CompletionResult, c: Common, probs: (text: string) => T): { confidence?: number | null } & Partial<T> {
  const text = result.output;
  return {
    ...(c.verbalized ? { confidence: text === null ? null : readVerbalizedConfidence(text) } : {}),
    ...(c.logprobs && text !== null ? probs(text) : {}),
  } as { confidence?: number | null } & Partial<T>;
}

/** Option number -> polarity under the item's option order. */
export function polarityOfChoice(choice: 1 | 2, order: Task2Meta["optionOrder"]): Polarity {
  const negativeFirst = order === "negative-first";
  return (choice === 1) === negativeFirst ? "negative" : "positive";
}

export function task2Record(item: WorkItem<Task2Meta>, result: CompletionResult, c: Common, actionsSource?: string): Task2Record {
  const p = result.output === null ? null : parseTask2(result.output, c.protocol);
  const choice = p?.ok ? p.value.choice : null;
  return {
    ...base(item, result, c, parseInfo(p, result)),
    task: "task2",
    ...item.meta,
    choice,
    chosenPolarity: choice === null ? null : polarityOfChoice(choice, item.meta.optionOrder),
    explanation: p?.ok ? p.value.explanation : null,
    ...signalFields(result, c, (text) => ({ answerProb: choice !== null ? task2AnswerProbability(text, result.logprobs) : null })),
    ...(actionsSource ? { actionsSource } : {}),
  };
}
