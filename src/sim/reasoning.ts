import { CLAIM_ORDER, type Value } from "../catalog/values";
import type { TokenLogprob } from "../parse/answerProbability";
import { simulatedAction } from "./actions";
import { plainTokens } from "./logprobs";
import type { PromptInfo } from "./prompt-kind";
import { pick, unit } from "./random";
import type { ReasoningMode } from "./reasoningModes";

/**
 * The simulator as a reasoning model (DeepSeek-R1 distills, QwQ): before its
 * answer it deliberates, and the deliberation holds DECOYS — a draft JSON
 * object with another action, Task 1 ratings and Likert words that differ from
 * the answer, "Option 1? … maybe Option 2", a draft "Label: True" — exactly
 * what a parser reading the first JSON object or the first "Option N" would
 * take for the answer. The answer itself is untouched: what follows the block
 * is the content the simulator gives without the mode, so a run through it
 * must equal a run without it.
 *
 * Modes (SimServerOptions.reasoning, `sim-server --reasoning`):
 * - `off`: no deliberation (default);
 * - `inline`: the deliberation in the content before the answer, in one of
 *   three shapes drawn per request — `<think>…</think>` (1/2), the
 *   template-opened `…</think>` with no opener (1/4), `<thinking>…</thinking>` (1/4);
 * - `field`: in `message.reasoning_content` only (vLLM's reasoning parser, DeepSeek's API);
 * - `both`: both at once.
 *
 * Every draw here uses its own keys ("reasoning-…"), so the mode never shifts
 * the answer's randomness; the deliberation is a pure function of (seed,
 * request, answer).
 */

export { REASONING_MODES, type ReasoningMode } from "./reasoningModes";

/** Share of deliberations whose draft differs from the answer (the rest reason their way to it and confirm it). */
export const DECOY_RATE = 0.8;

/** One request's deliberation. */
export interface Deliberation {
  /** The reasoning text, without tags. */
  text: string;
  /** The draft in it differs from the answer (a parser that read it would get another answer). */
  decoy: boolean;
}

/** What the answer was, as the deliberation needs it: the prompt and the content given. */
export interface AnsweredRequest {
  info: PromptInfo;
  content: string;
}

const other12 = (n: 1 | 2): 1 | 2 => (n === 1 ? 2 : 1);
const LIKERT_WORDS = ["strongly agree", "agree", "disagree", "strongly disagree"] as const;
const PORTRAIT_WORDS = ["very much like me", "like me", "not like me", "not like me at all"] as const;

/** The answer's JSON object when the content is one (a malformed answer may not be). */
function answerObject(content: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(content);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The Likert digit of an answer entry in any of the simulator's styles ("2", 2, "2: agree", "agree"). */
function likertOf(x: unknown, words: readonly string[]): 1 | 2 | 3 | 4 | null {
  const s = String(x ?? "").trim();
  const d = /^([1-4])\b/.exec(s);
  if (d) return Number(d[1]) as 1 | 2 | 3 | 4;
  const i = words.findIndex((w) => w.toLowerCase() === s.toLowerCase());
  return i >= 0 ? ((i + 1) as 1 | 2 | 3 | 4) : null;
}

function generateDraft(seed: number, rq: number, info: Extract<PromptInfo, { kind: "generate" }>, content: string, decoy: boolean): Deliberation {
  const answered = answerObject(content);
  const realAction = typeof answered?.["Human Action"] === "string" ? answered["Human Action"] : null;
  const verb = info.polarity === "positive" ? "endorses" : "resists";
  let draft = simulatedAction(seed, info.country, info.topic, info.value, info.polarity, `reasoning-draft:${rq}`);
  // Another variation can land on the same template: the opposite stance then surely differs.
  if (decoy && draft.action === realAction) draft = simulatedAction(seed, info.country, info.topic, info.value, info.polarity === "positive" ? "negative" : "positive", `reasoning-draft:${rq}`);
  const shown = decoy || realAction === null ? draft : { action: realAction, attributions: answered?.["Feature Attributions"], explanation: answered?.["Natural Language Explanation"] };
  const json = JSON.stringify({ "Human Action": shown.action, "Feature Attributions": shown.attributions, "Natural Language Explanation": shown.explanation }, null, 2);
  const text =
    `Okay, I need one action of someone from ${info.country} that ${verb} ${info.value} when it comes to ${info.topic}. ` +
    `A first draft:\n${json}\n` +
    (decoy ? "Hmm, that is not quite it; the action should be more concrete. Let me write the final answer differently." : "Yes, that works. I'll give that.");
  return { text, decoy: decoy && shown.action !== realAction };
}

function task1Draft(seed: number, rq: number, info: Extract<PromptInfo, { kind: "task1" }>, content: string, decoy: boolean): Deliberation {
  const words = info.portrait ? PORTRAIT_WORDS : LIKERT_WORDS;
  const answered = answerObject(content);
  const real = new Map<Value, 1 | 2 | 3 | 4 | null>(CLAIM_ORDER.map((v) => [v, likertOf(answered?.[v], words)]));
  // A decoy changes a handful of values (3 to 8) to another rating.
  const changed = new Set<Value>();
  if (decoy) {
    const n = 3 + Math.floor(unit(seed, "reasoning-t1-n", rq) * 6);
    for (let i = 0; changed.size < n && i < 4 * n; i++) changed.add(pick(CLAIM_ORDER, unit(seed, "reasoning-t1-which", rq, i)));
  }
  const draftOf = (v: Value): 1 | 2 | 3 | 4 => {
    const r = real.get(v) ?? (1 + Math.floor(unit(seed, "reasoning-t1-fill", rq, v) * 4)) as 1 | 2 | 3 | 4;
    if (!changed.has(v)) return r;
    // Another rating, across the agree/disagree line half of the time.
    const shift = 1 + Math.floor(unit(seed, "reasoning-t1-shift", rq, v) * 3);
    return (((r - 1 + shift) % 4) + 1) as 1 | 2 | 3 | 4;
  };
  const draft = Object.fromEntries(CLAIM_ORDER.map((v) => [v, String(draftOf(v))]));
  const spoken = [...(changed.size > 0 ? changed : new Set(CLAIM_ORDER.slice(0, 2)))].slice(0, 3);
  const says = spoken.map((v, i) => `${i === 0 ? "I'd say" : "maybe"} ${words[draftOf(v) - 1]} for ${v}`).join(", ");
  const text =
    `The person is from ${info.country} and the topic is ${info.topic}. Let me go through the 56 values. ${says}… ` +
    `A draft of the ratings:\n${JSON.stringify(draft)}\n` +
    (decoy ? "Wait, some of these do not fit someone from there. Let me reconsider a few before answering." : "That looks consistent; I'll answer with it.");
  const differs = decoy && [...changed].some((v) => real.get(v) !== null && draftOf(v) !== real.get(v));
  return { text, decoy: differs || (decoy && answered === null) };
}

function task2Draft(seed: number, rq: number, info: Extract<PromptInfo, { kind: "task2" }>, content: string, decoy: boolean): Deliberation {
  const all = [...content.matchAll(/["']action["']\s*:\s*["']?Option ([12])/g)];
  const real = all.length > 0 ? (Number(all[all.length - 1][1]) as 1 | 2) : null;
  const draft: 1 | 2 = real === null ? (unit(seed, "reasoning-t2-draft", rq) < 0.5 ? 1 : 2) : decoy ? other12(real) : real;
  const first = other12(draft);
  const text =
    `Someone from ${info.country}, ${info.topic}, the value of ${info.value}. Option ${first}? It sounds reasonable at first… ` +
    `but maybe Option ${draft} fits the value better. Draft:\n${JSON.stringify({ action: `Option ${draft}` })}\n` +
    (decoy ? "Hmm, on second thought I am not sure. Let me weigh both options once more before I answer." : "Yes, I'll go with that.");
  return { text, decoy: decoy && real !== null && draft !== real };
}

function gapDraft(info: Extract<PromptInfo, { kind: "gap" }>, content: string, decoy: boolean): Deliberation {
  const m = /Label:\s*(True|False)/i.exec(content);
  const real = m ? m[1].toLowerCase() === "true" : null;
  const draft = real === null ? true : decoy ? !real : real;
  const text =
    `The action: "${info.action.slice(0, 120)}". Does it match the stated value? Draft:\nLabel: ${draft ? "True" : "False"}\n` +
    (decoy ? "Hmm, the wording cuts the other way. Let me look again." : "The examples agree with that.");
  return { text, decoy: decoy && real !== null && draft !== real };
}

/** The deliberation before an answer (pure: seed, request hash, answer). */
export function deliberation(seed: number, rq: number, a: AnsweredRequest): Deliberation {
  const decoy = unit(seed, "reasoning-decoy", rq) < DECOY_RATE;
  const { info, content } = a;
  switch (info.kind) {
    case "generate":
      return generateDraft(seed, rq, info, content, decoy);
    case "task1":
      return task1Draft(seed, rq, info, content, decoy);
    case "task2":
      return task2Draft(seed, rq, info, content, decoy);
    case "gap":
      return gapDraft(info, content, decoy);
    case "unknown":
      return { text: "This does not look like one of the study's prompts. I will say so.", decoy: false };
  }
}

/** The three inline shapes: the open/close pair, the template-opened close only, the <thinking> pair. */
function inlineBlock(seed: number, rq: number, text: string): string {
  const u = unit(seed, "reasoning-form", rq);
  if (u < 0.5) return `<think>\n${text}\n</think>\n\n`;
  if (u < 0.75) return `${text}\n</think>\n\n`;
  return `<thinking>\n${text}\n</thinking>\n`;
}

/** A simulated answer as a reasoning model gives it. */
export interface Reasoned {
  /** The message content: the answer, after the inline block in `inline`/`both`. */
  content: string;
  /** `message.reasoning_content` (`field`/`both`), else null. */
  reasoningContent: string | null;
  /** The answer's logprobs with the inline block's tokens before them (probability 1 each). */
  logprobs: TokenLogprob[] | null;
  /** The deliberation, null under `off`. */
  deliberation: Deliberation | null;
}

/**
 * Apply a reasoning mode to an answer. Under `off` the answer is returned as
 * it is; otherwise the content after the block (and the reasoning-free
 * content under `field`) is exactly `a.content`.
 */
export function withReasoning(
  mode: ReasoningMode,
  seed: number,
  rq: number,
  a: AnsweredRequest & { logprobs: TokenLogprob[] | null },
): Reasoned {
  if (mode === "off") return { content: a.content, reasoningContent: null, logprobs: a.logprobs, deliberation: null };
  const d = deliberation(seed, rq, a);
  const inline = mode === "inline" || mode === "both";
  const block = inline ? inlineBlock(seed, rq, d.text) : "";
  // The block's tokens are certain (logprob 0), like every unmarked token; alternatives kept only if asked for.
  const asked = a.logprobs !== null && a.logprobs.some((t) => (t.top_logprobs?.length ?? 0) > 0) ? 1 : 0;
  return {
    content: block + a.content,
    reasoningContent: mode === "field" || mode === "both" ? d.text : null,
    logprobs: a.logprobs === null || block === "" ? a.logprobs : [...plainTokens(block, asked), ...a.logprobs],
    deliberation: d,
  };
}
