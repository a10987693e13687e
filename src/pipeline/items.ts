import type { Country, Topic, Value } from "../catalog";
import type { Protocol } from "../protocol";
import { flipOrderVariant, generationMessages, task1Messages, task2Messages, task2OptionOrder, type PromptOptions } from "../prompts";
import type { ResponseFormat } from "../prompts/responseSchemas";
import type { Message, OptionOrder, Polarity } from "../runs/records";
import { recordId } from "../runs/id";
import type { Scope } from "./scope";
import type { ActionPairs } from "./actions";
import { pairKey } from "./actions";

/** One planned call: its stable id, its messages and what the record will say about it. */
export interface WorkItem<M> {
  id: string;
  variant: number;
  replicate: number;
  messages: Message[];
  meta: M;
  /** Structured outputs (--response-format json_schema): the schema of this prompt's answer; absent = plain text. */
  responseFormat?: ResponseFormat;
}

export interface GenerateMeta {
  country: Country;
  topic: Topic;
  value: Value;
  polarity: Polarity;
}
export interface Task1Meta {
  country: Country;
  topic: Topic;
}
export interface Task2Meta {
  country: Country;
  topic: Topic;
  value: Value;
  optionOrder: OptionOrder;
}

const POLARITIES: Polarity[] = ["positive", "negative"];

/**
 * Ids hash what makes an item distinct (task, model, cell, variant, option
 * order, replicate), so the same command always plans the same ids and a
 * resumed run recognises its finished work.
 */
function idOf(parts: Record<string, unknown>): string {
  return recordId(parts);
}

/** VIA generation: every (country, topic, value, polarity) x variant x replicate. */
export function generateItems(scope: Scope, model: string, protocol: Protocol): WorkItem<GenerateMeta>[] {
  const out: WorkItem<GenerateMeta>[] = [];
  for (const country of scope.countries)
    for (const topic of scope.topics)
      for (const value of scope.values)
        for (const polarity of POLARITIES)
          for (const variant of scope.variants)
            for (let replicate = 0; replicate < scope.replicates; replicate++) {
              const meta = { country, topic, value, polarity };
              out.push({
                id: idOf({ task: "generate", model, ...meta, variant, replicate }),
                variant,
                replicate,
                messages: generationMessages(meta, variant, protocol),
                meta,
              });
            }
  return out;
}

/** Id parts of the prompt options: none by default, so runs without them keep their ids. */
const optionParts = (o: PromptOptions) => (o.verbalized ? { verbalized: true } : {});

/** Task 1: every (country, topic) x variant x replicate (all 56 values in one prompt). */
export function task1Items(scope: Scope, model: string, protocol: Protocol, options: PromptOptions = {}): WorkItem<Task1Meta>[] {
  const out: WorkItem<Task1Meta>[] = [];
  for (const country of scope.countries)
    for (const topic of scope.topics)
      for (const variant of scope.variants)
        for (let replicate = 0; replicate < scope.replicates; replicate++) {
          const meta = { country, topic };
          out.push({
            id: idOf({ task: "task1", model, ...meta, variant, replicate, ...optionParts(options) }),
            variant,
            replicate,
            messages: task1Messages(meta, variant, protocol, options),
            meta,
          });
        }
  return out;
}

/**
 * Task 2: every (country, topic, value) with both actions x variant x
 * replicate; `counterbalanced` adds the flipped-order variant of each
 * requested variant (5 <-> 7), `paper` keeps the variants as given.
 * Cells without a usable pair are returned in `skipped`.
 */
export function task2Items(
  scope: Scope,
  model: string,
  protocol: Protocol,
  pairs: ActionPairs,
  options: PromptOptions = {},
): { items: WorkItem<Task2Meta>[]; skipped: string[] } {
  const variants =
    scope.order === "counterbalanced"
      ? [...new Set(scope.variants.flatMap((v) => [v, flipOrderVariant(v)]))].sort((a, b) => a - b)
      : scope.variants;
  const items: WorkItem<Task2Meta>[] = [];
  const skipped: string[] = [];
  for (const country of scope.countries)
    for (const topic of scope.topics)
      for (const value of scope.values) {
        const pair = pairs.get(pairKey(country, topic, value));
        if (!pair) {
          skipped.push(`${country}+${topic}+${value}`);
          continue;
        }
        for (const variant of variants)
          for (let replicate = 0; replicate < scope.replicates; replicate++) {
            const optionOrder = task2OptionOrder(variant);
            const meta = { country, topic, value, optionOrder };
            items.push({
              id: idOf({ task: "task2", model, country, topic, value, variant, optionOrder, replicate, ...optionParts(options) }),
              variant,
              replicate,
              messages: task2Messages({ country, topic, value, negative: pair.negative, positive: pair.positive }, variant, protocol, options),
              meta,
            });
          }
      }
  return { items, skipped };
}
