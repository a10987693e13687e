import { z } from "zod";
import { CLAIM_ORDER } from "../catalog/values";
import type { PromptOptions } from "./options";
import { task2AsksExplanation } from "./task2";

/**
 * Structured outputs (issue 15): the JSON Schema a robust-protocol request
 * may send as `response_format`, one per prompt shape, built from zod
 * schemas with zod 4's `z.toJSONSchema`. Each schema says exactly what the
 * prompt already asks for, in the prompt's key order (a model writes the
 * keys in schema order, so an explanation asked before the action stays
 * before it), so an honest answer to the prompt is valid. The parsers still
 * read the answer: a schema makes malformed text rare, it does not replace
 * parsing.
 *
 * OpenAI's strict mode wants every property required and
 * `additionalProperties: false`; zod's object export gives both. The
 * `$schema` line is dropped: it is not part of what strict mode documents.
 */

/** What `--response-format` may name: `text` sends nothing (the default). */
export const RESPONSE_FORMATS = ["text", "json_schema"] as const;
export type ResponseFormatName = (typeof RESPONSE_FORMATS)[number];

/** The `response_format` of a chat-completions request, as sent. */
export interface ResponseFormat {
  type: "json_schema";
  json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
}

export type ResponseSchemaTask = "generate" | "task1" | "task2";

/** The generation answer (method.md §3.1): the three keys of the prompt's requirement line. */
const GenerationAnswerSchema = z.strictObject({
  "Human Action": z.string(),
  "Feature Attributions": z.array(z.string()),
  "Natural Language Explanation": z.string(),
});

/**
 * A Task 1 answer: the prompt asks for "a string option" among 1..4, so the
 * answer is the option number as a string ("1".."4"). Labels ("1: strongly
 * agree") would also answer the prompt, but the bare digit is the option
 * itself, is read exactly (never repaired) by the parser, and keeps the
 * decoded text short.
 */
const Task1Option = z.enum(["1", "2", "3", "4"]);

/** The verbalized confidence (robust --verbalized): "a number from 0 to 100". */
const Confidence = z.number().min(0).max(100);

/** All 56 values in the prompt's (claim) order, each required; `confidence` last when asked. */
function task1AnswerSchema(options: PromptOptions = {}) {
  const shape: Record<string, z.ZodType> = Object.fromEntries(CLAIM_ORDER.map((v) => [v, Task1Option]));
  if (options.verbalized) shape.confidence = Confidence;
  return z.strictObject(shape);
}

const Task2Action = z.enum(["Option 1", "Option 2"]);

/**
 * A Task 2 answer: format 0 prompts (variant bit 0 clear) ask for "action"
 * only, format 1 for "explanation" then "action"; --verbalized adds
 * "confidence" after the action, as the prompt lists it.
 */
function task2AnswerSchema(variant: number, options: PromptOptions = {}) {
  return z.strictObject({
    ...(task2AsksExplanation(variant) ? { explanation: z.string() } : {}),
    action: Task2Action,
    ...(options.verbalized ? { confidence: Confidence } : {}),
  });
}

/** The zod schema of one prompt shape's answer. */
export function answerSchemaFor(task: ResponseSchemaTask, variant: number, options: PromptOptions = {}): z.ZodType {
  if (task === "generate") return GenerationAnswerSchema;
  if (task === "task1") return task1AnswerSchema(options);
  return task2AnswerSchema(variant, options);
}

/** Schema names: [a-zA-Z0-9_-]{1,64}, as OpenAI requires; distinct per shape so a log tells them apart. */
function nameFor(task: ResponseSchemaTask, variant: number, options: PromptOptions): string {
  const confidence = options.verbalized ? "_confidence" : "";
  if (task === "generate") return "via_generation";
  if (task === "task1") return `task1_ratings${confidence}`;
  return `task2_choice${task2AsksExplanation(variant) ? "_explained" : ""}${confidence}`;
}

const built = new Map<string, ResponseFormat>();

/**
 * The `response_format` for one prompt (task, variant, prompt options):
 * built once per shape and frozen, so 7,000 requests share one object.
 */
export function responseFormatFor(task: ResponseSchemaTask, variant: number, options: PromptOptions = {}): ResponseFormat {
  const name = nameFor(task, variant, options);
  let rf = built.get(name);
  if (!rf) {
    const { $schema: _dropped, ...schema } = z.toJSONSchema(answerSchemaFor(task, variant, options)) as Record<string, unknown>;
    rf = deepFreeze({ type: "json_schema", json_schema: { name, strict: true, schema } });
    built.set(name, rf);
  }
  return rf;
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object") {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}
