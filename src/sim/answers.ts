import type { Country } from "../catalog/countries";
import type { Topic } from "../catalog/topics";
import { CLAIM_ORDER, type Value } from "../catalog/values";
import { simulatedAction } from "./actions";
import { MALFORMED_KINDS, malform, pythonRepr, type MalformedKind } from "./malformed";
import {
  CHOICE_EXPLANATION_NEGATIVE,
  CHOICE_EXPLANATION_POSITIVE,
  PREDICTION_REASON_FALSE,
  PREDICTION_REASON_TRUE,
  HEDGE_PREFIXES,
  HEDGE_SUFFIXES,
  fill,
} from "./phrases";
import { CUE_RATE, hasHedgeCue } from "./planted";
import { markedPolarity, negativityScore, positiveOption } from "./polarity";
import { recognise, type IncomingMessage, type PromptInfo, type PromptKind } from "./prompt-kind";
import { afterKey, simulatedLogprobs, type AnswerMark } from "./logprobs";
import { hashString, normal, pick, unit } from "./random";
import type { TokenLogprob } from "../parse/answerProbability";
import { conformTo, decodesJson, jsonSchemaOf, propertyType } from "./responseFormat";
import { refusalOf } from "./refusals";
import { drawLikert, positionBiased, respondent, type RespondentOptions, type SimBehaviour } from "./respondent";

/** The part of a chat-completions request body the simulator reads. */
export interface ChatRequestBody {
  model?: string;
  messages?: IncomingMessage[];
  temperature?: number | null;
  top_p?: number | null;
  seed?: number | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  /** Structured outputs (responseFormat.ts): checked by the server, honoured by `answer`. */
  response_format?: unknown;
}

export interface SimAnswer {
  kind: PromptKind;
  /** The assistant message content. */
  content: string;
  /** Set when the answer was deliberately spoiled (share `malformedRate`). */
  malformed: MalformedKind | null;
  info: PromptInfo;
  /** Token log probabilities, when the request asked for them (`logprobs: true`; see logprobs.ts). */
  logprobs: TokenLogprob[] | null;
  /** The request was declined (SimBehaviour.refusalRate, refusals.ts): `content` is the refusal text. */
  declined?: boolean;
}

export interface AnswerOptions extends SimBehaviour {
  /** Share of JSON answers spoiled (fences, single quotes, truncation, prose). Default 0. */
  malformedRate?: number;
}

/**
 * Whether the hedging cue fires in the TARGET's Task 2 explanation of this
 * cell: with probability CUE_RATE.gap in gap cells and CUE_RATE.nonGap
 * elsewhere, decided per request (`variation`). Only the target's own
 * explanation carries it (what `gap-posthoc` may detect), never the dataset's.
 */
export function cueFires(seed: number, country: Country, topic: Topic, value: Value, variation: number | string, options: RespondentOptions = {}): boolean {
  const gap = respondent(seed, options).cell(country, topic, value).gap;
  return unit(seed, "cue", variation, country, topic, value) < (gap ? CUE_RATE.gap : CUE_RATE.nonGap);
}

/** Add one hedging clause (prefix or suffix, chosen by u) to a plain explanation. */
export function hedge(plain: string, u: number): string {
  const n = HEDGE_PREFIXES.length + HEDGE_SUFFIXES.length;
  const k = Math.min(n - 1, Math.floor(u * n));
  if (k < HEDGE_PREFIXES.length) return HEDGE_PREFIXES[k] + plain.charAt(0).toLowerCase() + plain.slice(1);
  return plain + HEDGE_SUFFIXES[k - HEDGE_PREFIXES.length];
}

/**
 * Identity of a request for the simulator: messages and the sampling fields
 * that make a replicate distinct (temperature, top_p, seed). The model name is
 * left out: any model name gets the same respondent.
 */
export function requestKey(body: ChatRequestBody): string {
  const messages = (body.messages ?? []).map((m) => [m.role ?? "", m.content ?? ""]);
  return JSON.stringify([messages, body.temperature ?? null, body.top_p ?? null, body.seed ?? null]);
}

/** 32-bit hash of the request key: the per-request variation of every answer. */
export function requestHash(body: ChatRequestBody): number {
  return hashString(requestKey(body));
}

const CLAIM_LABELS = ["strongly agree", "agree", "disagree", "strongly disagree"] as const;
const PORTRAIT_LABELS = ["very much like me", "like me", "not like me", "Not like me at all"] as const;
type Task1Style = "digit-label" | "digit" | "number" | "label";

/** Realistic Task 1 answer formats, mostly "1: strongly agree"; a few requests mix them per value. */
function task1Style(u: number): Task1Style | "mixed" {
  if (u < 0.45) return "digit-label";
  if (u < 0.7) return "digit";
  if (u < 0.8) return "number";
  if (u < 0.95) return "label";
  return "mixed";
}

function formatLikert(k: 1 | 2 | 3 | 4, style: Task1Style, portrait: boolean): string | number {
  const label = (portrait ? PORTRAIT_LABELS : CLAIM_LABELS)[k - 1];
  switch (style) {
    case "digit-label":
      return `${k}: ${label}`;
    case "digit":
      return String(k);
    case "number":
      return k;
    case "label":
      return label;
  }
}

const STYLES: readonly Task1Style[] = ["digit-label", "digit", "number", "label"];

/** An answer object and the marks of its drawn answers (for logprobs). */
interface Drawn {
  obj: Record<string, string | number>;
  marks: AnswerMark[];
}

/**
 * The verbalized confidence of an answer (0..100, multiples of 5): overconfident and
 * only loosely tied to the probability p of what was drawn, as LLMs' are:
 *   round5(100 · clamp(0.7 + 0.3·p + sd·N(0, 1), 0, 1))
 */
function simulatedVerbalized(p: number, noise: number, sd: number): number {
  return 5 * Math.round((100 * Math.min(1, Math.max(0, 0.7 + 0.3 * p + sd * noise))) / 5);
}

function answerTask1(seed: number, rq: number, info: Extract<PromptInfo, { kind: "task1" }>, options: RespondentOptions, typed: "string" | "number" | null = null): Drawn {
  const r = respondent(seed, options);
  // Under a schema the answers are typed as it says ("2" or 2) and none is forgotten (all keys are required).
  const style: Task1Style | "mixed" = typed === "string" ? "digit" : typed === "number" ? "number" : task1Style(unit(seed, "t1-style", rq));
  // 2% of answers forget one value, as real models occasionally do.
  const dropped: Value | null = typed === null && unit(seed, "t1-drop", rq) < 0.02 ? pick(CLAIM_ORDER, unit(seed, "t1-drop-which", rq)) : null;
  const out: Record<string, string | number> = {};
  const marks: AnswerMark[] = [];
  let pSum = 0;
  for (const v of CLAIM_ORDER) {
    if (v === dropped) continue;
    const likert = r.cell(info.country, info.topic, v).likert;
    const k = drawLikert(likert, unit(seed, "t1", rq, v));
    const s = style === "mixed" ? pick(STYLES, unit(seed, "t1-mix", rq, v)) : style;
    out[v] = formatLikert(k, s, info.portrait);
    pSum += likert[k - 1];
    // The answer token: the digit for the digit styles, the whole label otherwise.
    const tokenOf = (j: 1 | 2 | 3 | 4) => (s === "label" ? String(formatLikert(j, s, info.portrait)) : String(j));
    marks.push({ locate: afterKey(v), token: tokenOf(k), candidates: ([1, 2, 3, 4] as const).map((j) => ({ token: tokenOf(j), p: likert[j - 1] })) });
  }
  if (info.verbalized) out.confidence = simulatedVerbalized(pSum / Math.max(1, marks.length), normal(seed, "t1-verbal", rq), 0.05);
  return { obj: out, marks };
}

function answerTask2(seed: number, rq: number, info: Extract<PromptInfo, { kind: "task2" }>, options: SimBehaviour): Drawn {
  const positionBias = options.positionBias ?? 0;
  const cell = respondent(seed, options).cell(info.country, info.topic, info.value);
  const positive = positiveOption(info.option1, info.option2, unit(seed, "t2-tie", rq));
  const byPosition = positionBiased(seed, positionBias, info.country, info.topic, info.value);
  const choosePositive = byPosition ? positive === 1 : unit(seed, "t2", rq) < cell.pPositive;
  const choice = choosePositive ? positive : positive === 1 ? 2 : 1;
  const action = `Option ${choice}`;
  // What this request could have answered: Option 1 for sure when answering by position.
  const pOption1 = byPosition ? 1 : positive === 1 ? cell.pPositive : 1 - cell.pPositive;
  const pDrawn = choice === 1 ? pOption1 : 1 - pOption1;
  // The mark is the digit after "Option ".
  const mark: AnswerMark = {
    locate: (content) => {
      const at = afterKey("action", true)(content);
      return at !== null && content.startsWith("Option ", at) ? at + 7 : null;
    },
    token: String(choice),
    candidates: [
      { token: "1", p: pOption1 },
      { token: "2", p: 1 - pOption1 },
    ],
  };
  const marks = [mark];
  const confidence: Record<string, number> = info.verbalized ? { confidence: simulatedVerbalized(pDrawn, normal(seed, "t2-verbal", rq), 0.08) } : {};
  if (!info.explanation) return { obj: { action, ...confidence }, marks };
  const templates = choosePositive ? CHOICE_EXPLANATION_POSITIVE : CHOICE_EXPLANATION_NEGATIVE;
  const plain = fill(pick(templates, unit(seed, "t2-expl", rq)), { v: info.value, t: info.topic, c: info.country });
  const explanation = cueFires(seed, info.country, info.topic, info.value, `t2:${rq}`, options)
    ? hedge(plain, unit(seed, "t2-hedge", rq))
    : plain;
  return { obj: { explanation, action, ...confidence }, marks };
}

/** A few short spans of an action (exact substrings) for the predictor's attribution line. */
function spans(action: string): string[] {
  return action
    .replace(/^I\s+/, "")
    .split(/,\s*|\s+and\s+|\.\s*/)
    .map((s) => s.trim().split(/\s+/).slice(0, 5).join(" "))
    .filter((s) => s.length > 0 && action.includes(s))
    .slice(0, 3);
}

/**
 * The few-shot gap predictor (method.md §8): positive-looking actions are
 * predicted True more often, hedged wording lowers it; the reply follows the
 * shots' format ("Label: X", optional attribution and reason lines).
 */
function answerGap(seed: number, rq: number, info: Extract<PromptInfo, { kind: "gap" }>): string {
  const polarity = markedPolarity(info.action) ?? (negativityScore(info.action) < 1 ? "positive" : "negative");
  let pTrue = polarity === "positive" ? 0.8 : 0.3;
  if (hasHedgeCue(info.context)) pTrue -= 0.3;
  const label = unit(seed, "gap-label", rq) < pTrue;
  let out = `Label: ${label ? "True" : "False"}`;
  if (info.attribution) out += `  \n Action Attribution: ${pythonRepr(spans(info.action))}`;
  if (info.reason) out += ` \n Reason: ${label ? PREDICTION_REASON_TRUE : PREDICTION_REASON_FALSE}`;
  return out;
}

export function unknownAnswer(seed: number, reason: string): string {
  return `[simulated model vag-sim-${seed}] This simulated respondent only answers the prompts of the value-action study (VIA generation, Task 1, Task 2, gap prediction); it did not recognise this request (${reason}).`;
}

/**
 * Answer a chat-completions request body: a pure function of (seed, body,
 * options). Variation between prompt variants and replicates comes only
 * from hashing the request (`requestHash`).
 */
export function answer(seed: number, body: ChatRequestBody, options: AnswerOptions = {}): SimAnswer {
  const info = recognise(body.messages ?? []);
  const rq = requestHash(body);
  const schema = jsonSchemaOf(body.response_format);
  const declined = refusalOf(seed, options.refusalRate ?? 0, info, rq);
  if (declined !== null) return withLogprobs(body, { kind: info.kind, content: declined, malformed: null, info, declined: true }, []);
  let obj: unknown;
  let marks: AnswerMark[] = [];
  switch (info.kind) {
    case "generate": {
      const a = simulatedAction(seed, info.country, info.topic, info.value, info.polarity, rq, options);
      obj = { "Human Action": a.action, "Feature Attributions": a.attributions, "Natural Language Explanation": a.explanation };
      break;
    }
    case "task1":
      ({ obj, marks } = answerTask1(seed, rq, info, options, schema ? propertyType(schema, CLAIM_ORDER[0]) : null));
      break;
    case "task2":
      ({ obj, marks } = answerTask2(seed, rq, info, options));
      break;
    case "gap":
      return withLogprobs(body, { kind: "gap", content: answerGap(seed, rq, info), malformed: null, info }, []);
    case "unknown":
      return withLogprobs(body, { kind: "unknown", content: unknownAnswer(seed, info.reason), malformed: null, info }, []);
  }
  if (schema) obj = conformTo(obj, schema);
  const json = JSON.stringify(obj, null, 2);
  const rate = options.malformedRate ?? 0;
  // Guided decoding (json_object, json_schema) cannot emit a fence, prose or a cut-off object.
  if (rate > 0 && !decodesJson(body.response_format) && unit(seed, "malformed", rq) < rate) {
    const kind = pick(MALFORMED_KINDS, unit(seed, "malformed-kind", rq));
    return withLogprobs(body, { kind: info.kind, content: malform(kind, obj, json), malformed: kind, info }, marks);
  }
  return withLogprobs(body, { kind: info.kind, content: json, malformed: null, info }, marks);
}

/** Attach token logprobs when the request asked for them (asking never changes the answer: it is not part of requestKey). */
function withLogprobs(body: ChatRequestBody, a: Omit<SimAnswer, "logprobs">, marks: readonly AnswerMark[]): SimAnswer {
  if (body.logprobs !== true) return { ...a, logprobs: null };
  const top = Math.max(0, Math.min(20, Math.trunc(Number(body.top_logprobs ?? 0)) || 0));
  return { ...a, logprobs: simulatedLogprobs(a.content, marks, top) };
}
