import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import type { Polarity } from "../runs/records";

/** A chat message as it arrives in a request body (content may be a list of parts). */
export interface IncomingMessage {
  role?: string;
  content?: unknown;
}

/** What the simulator recognised in a request. */
export type PromptInfo =
  | { kind: "generate"; country: Country; topic: Topic; value: Value; polarity: Polarity }
  | { kind: "task1"; country: Country; topic: Topic; portrait: boolean; verbalized: boolean }
  | { kind: "task2"; country: Country; topic: Topic; value: Value; option1: string; option2: string; explanation: boolean; verbalized: boolean }
  | { kind: "gap"; action: string; attribution: boolean; reason: boolean; context: string }
  | { kind: "unknown"; reason: string };

export type PromptKind = PromptInfo["kind"];

/** Text of a message content: a string, or the text parts of a content list. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content
      .map((p) => (p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : ""))
      .join("");
  return "";
}

const byLength = <T extends string>(names: readonly T[]) => [...names].sort((a, b) => b.length - a.length);
const COUNTRIES_L = byLength(COUNTRIES);
const TOPICS_L = byLength(TOPICS);
const VALUES_L = byLength(VALUES);

/** The longest catalog name that `text` starts with at `at` (case-insensitive). */
function nameAt<T extends string>(text: string, at: number, names: readonly T[]): T | null {
  const rest = text.slice(at, at + 64).toLowerCase();
  return names.find((n) => rest.startsWith(n.toLowerCase())) ?? null;
}

/** A name right after the first anchor that has one. */
function afterAnchor<T extends string>(text: string, anchors: readonly RegExp[], names: readonly T[]): T | null {
  for (const re of anchors) {
    const m = re.exec(text);
    if (m) {
      const hit = nameAt(text, m.index + m[0].length, names);
      if (hit) return hit;
    }
  }
  return null;
}

/** The catalog name occurring earliest in text (longest on ties). */
function earliest<T extends string>(text: string, names: readonly T[]): T | null {
  let best: T | null = null;
  let at = Infinity;
  for (const n of names) {
    const i = text.indexOf(n);
    if (i >= 0 && i < at) [best, at] = [n, i];
  }
  return best;
}

const COUNTRY_ANCHORS = [/you are from /i, /someone (?:living )?(?:from|in) /i, /\bfrom /i];
const TOPIC_ANCHORS = [/in the context of /i, /when dealing with /i, /regarding /i, /\btopic:? /i];

function findCountry(text: string): Country | null {
  return afterAnchor(text, COUNTRY_ANCHORS, COUNTRIES_L) ?? earliest(text, COUNTRIES_L);
}

function findTopic(text: string): Topic | null {
  const hit = afterAnchor(text, TOPIC_ANCHORS, TOPICS_L);
  if (hit) return hit;
  // Values such as "Protecting the Environment" contain topic names: blank them first.
  let t = text;
  for (const v of VALUES_L) t = t.split(v).join(" ");
  return earliest(t, TOPICS_L);
}

const GENERATE = /describe one action or behavio(?:u)?r which indicates that you|how do you (?:express|resist) '/i;
const TASK1 =
  /how strong(?:ly)? do you agree or disagree with each value|how much is each person described below like you|Options: 1: (?:strongly agree|very much like me)/i;
const TASK2 = /which of the following actions is more aligned|which better reflects your cultural values/i;
const GAP_SYSTEM = /action predictor|solve specific tasks based on examples/i;
const PREDICT = /^\s*Predict the Action:\s*/i;

function recogniseGenerate(text: string): PromptInfo {
  const country = findCountry(text);
  const topic = findTopic(text);
  const value =
    afterAnchor(text, [/the value of '/i, /how do you (?:express|resist) '/i, /value:? '/i], VALUES_L) ??
    VALUES_L.find((v) => text.includes(`'${v}:`) || text.includes(`'${v}'`)) ??
    null;
  const m = /\b(endorse|express|dislike|resist)\b/i.exec(text);
  if (!country || !topic || !value || !m) return { kind: "unknown", reason: "generation prompt without country, topic, value or polarity" };
  const polarity: Polarity = /^(endorse|express)$/i.test(m[1]) ? "positive" : "negative";
  return { kind: "generate", country, topic, value, polarity };
}

/** A prompt that asks for a verbalized confidence (prompts/task1.ts, task2.ts: a "confidence" key or field). */
const VERBALIZED = /"confidence"/;

function recogniseTask1(text: string): PromptInfo {
  const country = findCountry(text);
  const topic = afterAnchor(text, TOPIC_ANCHORS, TOPICS_L);
  if (!country || !topic) return { kind: "unknown", reason: "Task 1 prompt without country or topic" };
  return { kind: "task1", country, topic, portrait: /very much like me|she\/he values/i.test(text), verbalized: VERBALIZED.test(text) };
}

/** The two option texts of a Task 2 prompt, in any of the layouts we know. */
export function splitOptions(text: string): [string, string] | null {
  const layouts = [
    /Options:\s*1:\s*([\s\S]*?),\s*2:\s*([\s\S]*?)\s*(?=Return your response|\n\s*\n|$)/,
    /Option 1:\s*([\s\S]*?)\s*\n\s*Option 2:\s*([\s\S]*?)\s*(?=\n|$)/,
    /\b1[:.)]\s*([\s\S]*?)\s*\n\s*2[:.)]\s*([\s\S]*?)\s*(?=\n|$)/,
  ];
  for (const re of layouts) {
    const m = re.exec(text);
    if (m && m[1].trim() && m[2].trim()) return [m[1].trim(), m[2].trim()];
  }
  return null;
}

function recogniseTask2(text: string): PromptInfo {
  const country = findCountry(text);
  const topic = findTopic(text);
  const head = text.split(/Options?\s*:?\s*1\b/)[0];
  let value = afterAnchor(head, [/with respect to (?:the )?value of /i], VALUES_L);
  if (!value && topic) value = afterAnchor(head, [new RegExp(`regarding ${topic.replace(/[&]/g, "\\&")} and `, "i")], VALUES_L);
  if (!value) {
    let h = head;
    if (topic) h = h.split(topic).join(" ");
    value = earliest(h, VALUES_L);
  }
  const options = splitOptions(text);
  if (!country || !topic || !value || !options) return { kind: "unknown", reason: "Task 2 prompt without country, topic, value or two options" };
  return { kind: "task2", country, topic, value, option1: options[0], option2: options[1], explanation: /"explanation"/.test(text), verbalized: VERBALIZED.test(text) };
}

function recogniseGap(messages: readonly IncomingMessage[]): PromptInfo {
  const users = messages.filter((m) => m.role === "user").map((m) => contentText(m.content));
  const last = users[users.length - 1] ?? "";
  const action = last.replace(PREDICT, "").trim().replace(/^'([\s\S]*)'$/, "$1");
  const shots = messages.filter((m) => m.role === "assistant").map((m) => contentText(m.content));
  return {
    kind: "gap",
    action,
    attribution: shots.some((s) => /Action Attribution:/i.test(s)),
    reason: shots.some((s) => /Reason:/i.test(s)),
    context: last,
  };
}

/**
 * Recognise the study prompt in a request's messages (method.md §3.1, §4, §5,
 * §8), matching catalog names for country, topic and value. Lenient about
 * whitespace and separators so that both protocols' texts are understood.
 */
export function recognise(messages: readonly IncomingMessage[]): PromptInfo {
  const system = messages.filter((m) => m.role === "system").map((m) => contentText(m.content)).join("\n");
  const users = messages.filter((m) => m.role === "user").map((m) => contentText(m.content));
  const last = users[users.length - 1];
  if (last === undefined) return { kind: "unknown", reason: "no user message" };
  if (GAP_SYSTEM.test(system) || PREDICT.test(last)) return recogniseGap(messages);
  if (TASK1.test(last)) return recogniseTask1(last);
  if (TASK2.test(last)) return recogniseTask2(last);
  if (GENERATE.test(last)) return recogniseGenerate(last);
  return { kind: "unknown", reason: "not a prompt of the study" };
}
