import { VALUES, type Value } from "../catalog/values";
import { readLikert } from "./likert";
import { maskReasoning } from "./reasoning";

/**
 * Token probabilities of an answer (issue 12, `--logprobs`): from the
 * `logprobs.content` list an OpenAI-compatible endpoint returns, the
 * probability that the model's answer token means what it answered.
 *
 * The tokens spell the whole text, reasoning included, so the answer token
 * is searched in the text with its reasoning blocks blanked out
 * (maskReasoning: same length, same positions): a reasoning model's draft
 * `"Wealth": "2"` or "Option 1" inside `<think>` is never the token read.
 */

/** One generated token with its log probability and the most likely alternatives (OpenAI's shape). */
export interface TokenLogprob {
  token: string;
  logprob: number;
  top_logprobs?: Array<{ token: string; logprob: number }>;
}

/** Start offset of every token in the text; null when the tokens do not spell the text (then no position can be trusted). */
function offsets(text: string, tokens: readonly TokenLogprob[]): number[] | null {
  const out: number[] = [];
  let at = 0;
  for (const t of tokens) {
    if (typeof t?.token !== "string" || !Number.isFinite(t.logprob)) return null;
    out.push(at);
    at += t.token.length;
  }
  return tokens.map((t) => t.token).join("") === text ? out : null;
}

/**
 * The token that holds character `pos`, or -1: the last token starting at or
 * before it (binary search: `starts` ascend), if it reaches past it. Tokens
 * spell the text, so only that one can hold it (an empty token holds nothing).
 * A scan of all tokens per value cost 56 passes over a long reasoning text.
 */
function tokenAt(tokens: readonly TokenLogprob[], starts: number[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= pos) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return k >= 0 && pos < starts[k] + tokens[k].token.length ? k : -1;
}

/**
 * Probability mass on the answer's meaning at a character position:
 *
 *   p = Σ_{a ∈ {chosen} ∪ top_logprobs, meaning(a) = meaning(chosen)} exp(logprob_a)
 *
 * where `meaning` reads the token from the position on (alternatives from the
 * same relative position); without top_logprobs this is the chosen token's
 * own probability. Duplicated alternatives count once. Null when the chosen
 * token has no readable meaning.
 */
function massAt(text: string, tokens: readonly TokenLogprob[], starts: number[], pos: number, meaning: (s: string) => number | null): number | null {
  const t = tokenAt(tokens, starts, pos);
  if (t < 0) return null;
  const rel = pos - starts[t];
  const tok = tokens[t];
  const want = meaning(tok.token.slice(rel) + text.slice(starts[t] + tok.token.length, pos + 24));
  if (want === null) return null;
  const alts = new Map<string, number>([[tok.token, tok.logprob]]);
  for (const a of tok.top_logprobs ?? []) if (typeof a?.token === "string" && Number.isFinite(a.logprob) && !alts.has(a.token)) alts.set(a.token, a.logprob);
  let p = 0;
  for (const [s, lp] of alts) if (s === tok.token || meaning(s.slice(rel)) === want) p += Math.exp(lp);
  return Math.min(1, p);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Binary side of a Likert answer fragment ("2", "2: agree", "strongly agree", "Not like me"): 0 agree, 1 disagree. */
function likertSide(fragment: string): number | null {
  const s = fragment.replace(/^[\s"']+/, "");
  const digit = /^([1-4])(?![0-9])/.exec(s);
  if (digit) return Number(digit[1]) >= 3 ? 1 : 0;
  const words = /^[A-Za-z ]+/.exec(s)?.[0].trim() ?? "";
  // A label cut by the tokenizer ("strongly") is ambiguous between sides: only whole labels count.
  const k = words ? readLikert(words) : null;
  return k === null ? null : k >= 3 ? 1 : 0;
}

/**
 * Per value, the probability mass of the answer's side (agree 1–2 vs
 * disagree 3–4) at the answer token of `"VALUE": ANSWER` in a Task 1 JSON
 * answer. Null for the whole answer when the tokens do not spell the text;
 * null for a value whose key or answer token is not found.
 *
 * @example
 * // text {"Wealth": "3"} tokenised as ..., "3" (logprob ln .6, top: "3" ln .6, "4" ln .3, "2" ln .1)
 * // → Wealth: .6 + .3 = .9 (both disagree)
 */
export function task1AnswerProbabilities(text: string, tokens: readonly TokenLogprob[] | null | undefined): Partial<Record<Value, number | null>> | null {
  if (typeof text !== "string" || !Array.isArray(tokens) || tokens.length === 0) return null;
  const starts = offsets(text, tokens);
  if (starts === null) return null;
  const answer = maskReasoning(text);
  const out: Partial<Record<Value, number | null>> = {};
  for (const [v, key] of KEY_PATTERNS) {
    const m = key.exec(answer);
    out[v] = m ? massAt(answer, tokens, starts, m.index + m[0].length, likertSide) : null;
  }
  return out;
}

/** Per value, the `"VALUE": ` prefix of its answer token; compiled once, not 56 times per record. */
const KEY_PATTERNS: ReadonlyArray<readonly [Value, RegExp]> = VALUES.map((v) => [v, new RegExp(`["']${escape(v)}["']\\s*:\\s*["']?`, "i")] as const);

/**
 * The probability mass of the chosen option at the digit of the Task 2
 * answer's `"action": "Option N"` (the last such field). Null when it cannot be located.
 *
 * @example // "Option 2" with the digit token "2" at logprob ln .7 and alternative "1" at ln .3 → .7
 */
export function task2AnswerProbability(text: string, tokens: readonly TokenLogprob[] | null | undefined): number | null {
  if (typeof text !== "string" || !Array.isArray(tokens) || tokens.length === 0) return null;
  const starts = offsets(text, tokens);
  if (starts === null) return null;
  const answer = maskReasoning(text);
  const all = [...answer.matchAll(/["']action["']\s*:\s*["']?\s*(?:option\s*)?(?=[12])/gi)];
  const m = all[all.length - 1];
  if (!m) return null;
  const digit = (s: string) => {
    const d = /^\s*(?:option\s*)?([12])(?![0-9])/i.exec(s);
    return d ? Number(d[1]) : null;
  };
  return massAt(answer, tokens, starts, m.index! + m[0].length, digit);
}
