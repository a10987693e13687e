import type { TokenLogprob } from "../parse/answerProbability";

/**
 * Token log probabilities of a simulated answer (`logprobs: true`), consistent
 * with the simulator's own answer distribution: the answer token of each
 * marked answer carries ln P(the answer it drew) and, as alternatives, the
 * other answers it could have drawn with their probabilities; every other
 * token has logprob 0 (probability 1). Tokens are words, single digits,
 * whitespace runs and single punctuation marks, and concatenate to the
 * content exactly, as an OpenAI-compatible endpoint's do.
 */

/** One drawn answer: where it sits (found by `locate` in the final content), what was drawn and what else could have been. */
export interface AnswerMark {
  /** Start offset of the answer token in `content`, or null when it cannot be found (e.g. a malformed answer lost it). */
  locate: (content: string) => number | null;
  /** The answer token as written (a digit, "Option N"'s digit, or a whole label). */
  token: string;
  /** Every possible answer token with its probability (the drawn one included). */
  candidates: ReadonlyArray<{ token: string; p: number }>;
}

const PIECE = /\s+|[A-Za-z]+|\d|[^\sA-Za-z\d]/g;

/** Tokens of unmarked text, each certain (logprob 0). */
export function plainTokens(text: string, top: number): TokenLogprob[] {
  return (text.match(PIECE) ?? []).map((token) => ({ token, logprob: 0, top_logprobs: top > 0 ? [{ token, logprob: 0 }] : [] }));
}

/** The tokens of `content` with the marked answers' probabilities; `top` = top_logprobs asked for (0..20). */
export function simulatedLogprobs(content: string, marks: readonly AnswerMark[], top: number): TokenLogprob[] {
  const spans = marks
    .map((m) => ({ m, at: m.locate(content) }))
    .filter((s): s is { m: AnswerMark; at: number } => s.at !== null && content.startsWith(s.m.token, s.at))
    .sort((a, b) => a.at - b.at);
  const out: TokenLogprob[] = [];
  let pos = 0;
  for (const { m, at } of spans) {
    if (at < pos) continue;
    out.push(...plainTokens(content.slice(pos, at), top));
    const drawn = m.candidates.find((c) => c.token === m.token)?.p ?? 1;
    const alternatives = m.candidates
      .filter((c) => c.p > 0)
      .sort((a, b) => b.p - a.p)
      .slice(0, top)
      .map((c) => ({ token: c.token, logprob: Math.log(c.p) }));
    out.push({ token: m.token, logprob: Math.log(drawn), top_logprobs: alternatives });
    pos = at + m.token.length;
  }
  out.push(...plainTokens(content.slice(pos), top));
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Locator of the answer after `"KEY": ` (double or single quotes, an optional opening quote of the answer). */
export function afterKey(key: string, last = false): (content: string) => number | null {
  const re = new RegExp(`["']${escape(key)}["']\\s*:\\s*["']?`, "g");
  return (content) => {
    const all = [...content.matchAll(re)];
    const m = last ? all[all.length - 1] : all[0];
    return m ? m.index! + m[0].length : null;
  };
}
