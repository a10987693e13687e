import { z } from "zod";
import { COUNTRIES } from "../catalog/countries";
import { TOPICS } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import { PROTOCOLS } from "../protocol";

/**
 * Record schemas (design.md §3). Every model answer, whatever its source
 * (live endpoint, simulator, imported published file), becomes one of these.
 */

export const Message = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});
export type Message = z.infer<typeof Message>;

export const Usage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof Usage>;

export const ParseInfo = z.object({
  status: z.enum(["ok", "repaired", "failed"]),
  reason: z.string().optional(),
});
export type ParseInfo = z.infer<typeof ParseInfo>;

export const Country = z.enum(COUNTRIES);
export const Topic = z.enum(TOPICS);
export const ValueName = z.enum(VALUES as [Value, ...Value[]]);
export const Polarity = z.enum(["positive", "negative"]);
export type Polarity = z.infer<typeof Polarity>;

const common = {
  /** Stable hash of item, task, variant, option order, model and replicate. */
  id: z.string().min(1),
  model: z.string().min(1),
  source: z.enum(["llm", "sim", "import"]),
  protocol: z.enum(PROTOCOLS),
  variant: z.number().int().min(0).max(7),
  replicate: z.number().int().nonnegative().default(0),
  prompt: z.array(Message),
  response: z.string().nullable(),
  /**
   * The provider's separate reasoning text (`reasoning_content`, `reasoning`), verbatim and
   * never parsed; absent when the provider sent none (so earlier records keep their shape).
   * Reasoning written inline (`<think>…</think>`) stays in `response`; the parsers skip it.
   */
  reasoning: z.string().nullable().optional(),
  usage: Usage.nullable(),
  parse: ParseInfo,
  /** Set when the call finally failed; such records are retried on resume. */
  error: z.string().nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  cached: z.boolean(),
  createdAt: z.string(),
  /** The batch output file the answer was imported from (`vag batch import`); absent for live calls. */
  batch: z.string().optional(),
};

export const GenerateRecord = z.object({
  ...common,
  task: z.literal("generate"),
  country: Country,
  topic: Topic,
  value: ValueName,
  polarity: Polarity,
  action: z.string().nullable(),
  attributions: z.array(z.string()),
  explanation: z.string().nullable(),
});
export type GenerateRecord = z.infer<typeof GenerateRecord>;

/** Task 1 answers: all 56 values, 1..4 or null where unanswered (never shifted). */
export const Task1Answers = z.record(ValueName, z.number().int().min(1).max(4).nullable());
export type Task1Answers = Record<Value, 1 | 2 | 3 | 4 | null>;

/** A probability or share in [0, 1]. */
const Share = z.number().min(0).max(1);

export const Task1Record = z.object({
  ...common,
  task: z.literal("task1"),
  country: Country,
  topic: Topic,
  answers: Task1Answers.nullable(),
  /** Verbalized confidence of the whole answer as a share (runs with --verbalized; null = unreadable). */
  confidence: Share.nullable().optional(),
  /** Per value, the probability of the answer token's side (runs with --logprobs; null = not located). */
  answerProbs: z.partialRecord(ValueName, Share.nullable()).nullable().optional(),
});
export type Task1Record = Omit<z.infer<typeof Task1Record>, "answers"> & { answers: Task1Answers | null };

export const OptionOrder = z.enum(["negative-first", "positive-first"]);
export type OptionOrder = z.infer<typeof OptionOrder>;

export const Task2Record = z.object({
  ...common,
  task: z.literal("task2"),
  country: Country,
  topic: Topic,
  value: ValueName,
  optionOrder: OptionOrder,
  /** Option number chosen, or null when there is no usable choice. */
  choice: z.union([z.literal(1), z.literal(2)]).nullable(),
  chosenPolarity: Polarity.nullable(),
  explanation: z.string().nullable(),
  /** Verbalized confidence in the choice as a share (runs with --verbalized; null = unreadable). */
  confidence: Share.nullable().optional(),
  /** Probability of the chosen option's token (runs with --logprobs; null = not located). */
  answerProb: Share.nullable().optional(),
  /** Where the two action texts came from (a run directory or the dataset CSV), for provenance. */
  actionsSource: z.string().optional(),
});
export type Task2Record = z.infer<typeof Task2Record>;

export const AnyRecord = z.discriminatedUnion("task", [GenerateRecord, Task1Record, Task2Record]);
export type AnyRecord = GenerateRecord | Task1Record | Task2Record;
export type TaskName = AnyRecord["task"];
