import type { Protocol } from "../protocol";
import { findJson, parseLenientJson, type Cut } from "./lenientJson";
import { answerText, REASONING_WITHOUT_ANSWER } from "./reasoning";
import { isRefusal } from "./refusal";
import { failed, parsed, type ParseResult } from "./result";

export interface Task2Choice {
  /** The option number chosen, as numbered in the prompt. */
  choice: 1 | 2;
  explanation: string | null;
}

/** The two option texts as shown in the prompt, to recognise an answer that quotes one instead of naming it. */
export interface Task2Options {
  option1: string;
  option2: string;
}

/**
 * Parse a Task-2 answer (method.md §5): which option was chosen.
 *
 * `robust`:
 * - the JSON `action` field decides (also "selected_action", "choice",
 *   "answer", "option"; keys case/punctuation-insensitive, nested objects
 *   searched): 1/2 as numbers, "Option 2", "option 1", "2", "Option 2: I …",
 *   "I choose Option 1"; never the first "Option" mentioned in an
 *   explanation;
 * - an action field naming both options ("Option 1 or Option 2") or
 *   several JSON objects with different choices fail ("ambiguous choice",
 *   "conflicting choices"); an action that quotes an option's text is
 *   matched against `options` when given;
 * - without such JSON, a clear final-answer line is accepted ("Final
 *   answer: Option 2", "I choose Option 1", a text that starts with
 *   "Option 2" or is just "2") if all such lines agree (repaired);
 * - otherwise a failure: "refusal" when the text, or the action or
 *   explanation field, reads as one (isRefusal: "I cannot select an option
 *   as I am an AI …"), else "ambiguous choice", "no choice", … .
 *
 * `paper`: the authors' rule — greedy `{…}` span, lenient JSON (standing in
 * for Python json_repair), then `action == "Option 1"` → 1 and ANY other
 * action → 2; no span, no object or no `action` key → failure.
 *
 * Both protocols read only the answer: reasoning blocks are removed first
 * (reasoning.ts; the decision and its reasons are those of parseTask1), so
 * a draft "Option 1" or `{"action": …}` inside `<think>` is never the
 * choice, and the paper rule's greedy `{…}` span starts after the
 * reasoning. Reasoning with no answer after it fails "reasoning without
 * answer"; removing reasoning does not set `repaired`.
 */
export function parseTask2(input: string, protocol: Protocol, options?: Task2Options): ParseResult<Task2Choice> {
  if (typeof input !== "string") return failed("not a string");
  const text = answerText(input);
  if (text === null) return failed(REASONING_WITHOUT_ANSWER);
  return protocol === "paper" ? parseTask2Paper(text) : parseTask2Robust(text, options);
}

function parseTask2Paper(text: string): ParseResult<Task2Choice> {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) return failed(isRefusal(text) ? "refusal" : "no JSON object");
  const r = parseLenientJson(text.slice(start, end + 1));
  if (!r.ok) return failed("invalid JSON");
  const o = r.value;
  if (typeof o !== "object" || o === null || Array.isArray(o)) return failed("not a JSON object");
  if (!Object.hasOwn(o, "action")) return failed("missing action");
  const rec = o as Record<string, unknown>;
  const explanation = typeof rec.explanation === "string" ? rec.explanation : null;
  return parsed({ choice: rec.action === "Option 1" ? 1 : 2, explanation }, r.repaired);
}

const ACTION_KEYS = ["action", "selectedaction", "chosenaction", "choice", "selectedoption", "option", "answer", "finalanswer"];
const EXPLANATION_KEYS = ["explanation", "reason", "reasoning", "justification", "rationale"];
const norm = (k: string) => k.toLowerCase().replace(/[^a-z]/g, "");

type Read = { choice: 1 | 2 } | { error: string };

function parseTask2Robust(text: string, options?: Task2Options): ParseResult<Task2Choice> {
  const reads: Array<{ read: Read; explanation: string | null; repaired: boolean; said: string | null }> = [];
  let cut: Cut | undefined;
  const visit = (node: unknown, depth: number, repaired: boolean) => {
    if (depth > 2 || typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1, true);
      return;
    }
    const entries = Object.entries(node);
    const byNorm = new Map(entries.map(([k, v]) => [norm(k), [k, v] as const]));
    const key = ACTION_KEYS.find((k) => byNorm.has(k));
    if (key !== undefined) {
      const [rawKey, value] = byNorm.get(key) as readonly [string, unknown];
      const ex = EXPLANATION_KEYS.map((k) => byNorm.get(k)?.[1]).find((v) => typeof v === "string");
      const wasCut = cut !== undefined && cut.container === node && cut.key === rawKey;
      reads.push({
        read: wasCut ? readCutChoice(value) : readChoice(value, options),
        explanation: typeof ex === "string" ? ex : null,
        repaired: repaired || rawKey !== "action",
        said: typeof value === "string" ? value : null,
      });
      return;
    }
    for (const [, v] of entries) visit(v, depth + 1, true);
  };
  for (const f of findJson(text)) {
    cut = f.cut;
    visit(f.value, 0, f.repaired);
  }

  if (reads.length > 0) {
    const ok = reads.filter((r): r is typeof r & { read: { choice: 1 | 2 } } => "choice" in r.read);
    const choices = new Set(ok.map((r) => r.read.choice));
    if (choices.size > 1) return failed("conflicting choices");
    if (choices.size === 1) {
      const first = ok[0];
      const repaired = first.repaired || ok.length < reads.length || reads.length > 1;
      return parsed({ choice: first.read.choice, explanation: first.explanation }, repaired);
    }
    // No field names an option: a field that declines ("I cannot select an option as an AI", an explanation
    // "As an AI, I don't have personal values" beside "Both") makes the answer a refusal — unless the
    // action was cut off, when the model was answering and the disclaimer only prefaced it.
    const cutOff = reads.some((r) => "error" in r.read && r.read.error === "truncated action");
    const declines = reads.some((r) => (r.said !== null && isRefusal(r.said)) || (r.explanation !== null && isRefusal(r.explanation)));
    if (!cutOff && (declines || isRefusal(text))) return failed("refusal");
    return failed((reads[0].read as { error: string }).error);
  }

  const line = readAnswerLines(text);
  if ("choice" in line) return parsed({ choice: line.choice, explanation: null }, true);
  if (isRefusal(text)) return failed("refusal");
  return failed(line.error);
}

/** Read the value of an action field. */
function readChoice(v: unknown, options?: Task2Options): Read {
  if (typeof v === "number") return v === 1 || v === 2 ? { choice: v } : { error: "action out of range" };
  if (typeof v !== "string") return { error: "action is not text" };
  const t = v.replace(/[*_`"“”]/g, "").trim();
  if (/^(?:option\s*[12]|[12])\s*(?:or|\/|and|,|&)\s*(?:option\s*)?[12]\b/i.test(t)) return { error: "ambiguous choice" };
  const lead = /^(?:option\s*)?([12])(?![0-9.,]?[0-9])/i.exec(t);
  if (lead) return { choice: Number(lead[1]) as 1 | 2 };
  const named = new Set([...t.matchAll(/\boption\s*#?\s*([12])\b/gi)].map((m) => Number(m[1]) as 1 | 2));
  if (named.size === 1) return { choice: [...named][0] };
  if (named.size > 1) return { error: "ambiguous choice" };
  if (options !== undefined) {
    const quoted = quotesOption(t, options);
    if (quoted !== null) return { choice: quoted };
  }
  return { error: "action names no option" };
}

/**
 * An action the text ended in: "Option 1" may have gone on "… or Option 2",
 * so only an option number closed by a separator ("Option 2: I atte") counts.
 */
function readCutChoice(v: unknown): Read {
  if (typeof v !== "string") return { error: "truncated action" };
  const m = /^\s*[*"“]*\s*(?:option\s*)?([12])\s*[*"”]*\s*[:.)–—-]/i.exec(v);
  return m ? { choice: Number(m[1]) as 1 | 2 } : { error: "truncated action" };
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** 1 or 2 when the answer quotes exactly one option's text (either contains the other, at least 20 letters). */
function quotesOption(answer: string, o: Task2Options): 1 | 2 | null {
  const a = squash(answer);
  if (a.length < 20) return null;
  const hit = (opt: string) => {
    const s = squash(opt);
    return s.length >= 20 && (s.includes(a) || a.includes(s));
  };
  const h1 = hit(o.option1);
  const h2 = hit(o.option2);
  return h1 === h2 ? null : h1 ? 1 : 2;
}

const ANSWER_LINE =
  /\b(?:final answer|answer|action|choice|selection|i (?:would |will |'d |'ll )?(?:choose|chose|select|pick|go with|opt for)|i am choosing|i'm choosing|i have chosen|i've chosen|selected|chosen)\s*(?:is|would be|:|-|=)?\s*[:*"'“]*\s*option\s*#?\s*([12])\b/gi;

/** "Option 2 is my final answer", "Option 1 would be my choice". */
const ANSWER_AFTER = /\boption\s*#?\s*([12])\b\s*(?:is|would be)\s*(?:my|the)\s*(?:final\s*)?(?:answer|choice|selection)/gi;

/** Choices stated as a final answer in plain text; all must agree. */
function readAnswerLines(text: string): Read {
  const t = text.slice(0, 200_000).replace(/[*_`]/g, "").replace(/[’‘]/g, "'");
  const bare = /^\s*(?:option\s*)?([12])\s*[.!]?\s*$/i.exec(t);
  if (bare) return { choice: Number(bare[1]) as 1 | 2 };
  const seen = new Set<1 | 2>();
  for (const m of t.matchAll(ANSWER_LINE)) seen.add(Number(m[1]) as 1 | 2);
  for (const m of t.matchAll(ANSWER_AFTER)) seen.add(Number(m[1]) as 1 | 2);
  // "Option 2: I attend…" opens an answer; "Option 1 seems rude" only talks about it
  const opening = /^\s*option\s*([12])\s*(?:[:.)\-–—]|$)/im.exec(t.trimStart().split("\n", 1)[0]);
  if (opening) seen.add(Number(opening[1]) as 1 | 2);
  if (seen.size === 1) return { choice: [...seen][0] };
  if (seen.size > 1) return { error: "ambiguous choice" };
  return { error: "no choice" };
}
