/**
 * Reasoning models (DeepSeek-R1 distills, QwQ, and others served through
 * Groq, vLLM or Ollama) write their deliberation before the answer, inside
 * `<think> … </think>` (also `<thinking>` or `<reasoning>`). That block often
 * holds drafts — a JSON object, "Option 2", Likert words — that are not the
 * answer, so every parser reads only what is left once the blocks are gone.
 *
 * The shapes seen in practice, and what we do with each:
 * - closed blocks anywhere (`<think>draft</think>{"action": …}`): removed;
 * - a closing tag without an opener (`draft</think>answer`): the server's
 *   chat template put `<think>` into the prompt, so the output starts inside
 *   the block; everything up to the last such closing tag is reasoning;
 * - an opener that is never closed: the model was cut off while reasoning
 *   (or wrote an answer and then started to think again); what follows the
 *   opener is reasoning, `truncated` is set, and a leading one leaves no
 *   answer at all.
 *
 * A text without any such tag is returned unchanged (the same string), so
 * parsers that depend on exact text (the authors' quirks) see what they saw.
 *
 * Every parser reads {@link answerText} (action, Task 1 and Task 2 in both
 * protocols, the few-shot label, the verbalized confidence); the token
 * readers search {@link maskReasoning}'s text, which keeps positions. Removing
 * reasoning never sets `repaired`: it is a reasoning model's normal output,
 * not a defect of the answer. The text is scanned once (tags in order), so
 * a 1 MB answer full of blocks stays fast.
 */

/** The answer part of a model text and the reasoning taken out of it. */
export interface SplitAnswer {
  /** The text with reasoning blocks removed (trimmed only when something was removed). */
  answer: string;
  /** The removed reasoning, blocks joined by a blank line; null when there was none. */
  reasoning: string | null;
  /** An opening tag was never closed: the text ended (or the answer continued) inside reasoning. */
  truncated: boolean;
}

const TAG = /<(\/?)\s*(think|thinking|reasoning)\s*>/gi;
const HAS_TAG = /<\/?\s*(?:think|thinking|reasoning)\s*>/i;

/** One reasoning block: [start, end) with its tags, [innerStart, innerEnd) without. */
interface Block {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

/** Where the reasoning blocks of a text lie (the rules of the file comment), left to right. */
function reasoningBlocks(text: string): { blocks: Block[]; truncated: boolean } {
  const tags = [...text.matchAll(TAG)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, close: m[1] === "/", name: m[2].toLowerCase() }));
  const blocks: Block[] = [];
  let from = 0;

  // Closing tags before any opener: the output began inside a block opened by the prompt template.
  let firstOpen = tags.findIndex((t) => !t.close);
  if (firstOpen < 0) firstOpen = tags.length;
  if (firstOpen > 0) {
    const last = tags[firstOpen - 1];
    blocks.push({ start: 0, end: last.end, innerStart: 0, innerEnd: last.at });
    from = last.end;
  }

  for (let i = firstOpen; i < tags.length; i++) {
    const open = tags[i];
    if (open.close || open.at < from) continue; // a stray closing tag after an answer: left in the answer text
    // The block ends at the first closing tag of the same name; nested openers of that name are part of it.
    let j = i + 1;
    while (j < tags.length && !(tags[j].close && tags[j].name === open.name)) j++;
    if (j >= tags.length) {
      blocks.push({ start: open.at, end: text.length, innerStart: open.end, innerEnd: text.length });
      return { blocks, truncated: true };
    }
    blocks.push({ start: open.at, end: tags[j].end, innerStart: open.end, innerEnd: tags[j].at });
    from = tags[j].end;
    i = j;
  }
  return { blocks, truncated: false };
}

/**
 * Split model text into its answer and its reasoning.
 *
 * @example splitReasoning('<think>maybe {"action": "Option 1"}</think>\n{"action": "Option 2"}')
 * // {answer: '{"action": "Option 2"}', reasoning: 'maybe {"action": "Option 1"}', truncated: false}
 */
export function splitReasoning(text: string): SplitAnswer {
  if (typeof text !== "string" || !HAS_TAG.test(text)) return { answer: text, reasoning: null, truncated: false };
  const { blocks, truncated } = reasoningBlocks(text);
  const answer: string[] = [];
  let from = 0;
  for (const b of blocks) {
    answer.push(text.slice(from, b.start));
    from = b.end;
  }
  answer.push(text.slice(from));
  const kept = blocks.map((b) => text.slice(b.innerStart, b.innerEnd).trim()).filter((r) => r !== "");
  return { answer: answer.join("").trim(), reasoning: kept.length > 0 ? kept.join("\n\n") : null, truncated };
}

/**
 * The text with every reasoning block (tags included) overwritten by spaces:
 * the same length, so a position found in it is a position in the text.
 * For readers that locate the answer among the generated tokens
 * (answerProbability): the answer token, not a draft in the reasoning.
 * A text without tags is returned unchanged.
 */
export function maskReasoning(text: string): string {
  if (typeof text !== "string" || !HAS_TAG.test(text)) return text;
  let out = "";
  let from = 0;
  for (const b of reasoningBlocks(text).blocks) {
    out += text.slice(from, b.start) + " ".repeat(b.end - b.start);
    from = b.end;
  }
  return out + text.slice(from);
}

/** The failure reason of a text that holds reasoning and no answer after it. */
export const REASONING_WITHOUT_ANSWER = "reasoning without answer";

/**
 * The part of a model text every parser reads: the answer of
 * {@link splitReasoning}, or null when the text is reasoning with nothing
 * after it (an unclosed leading `<think>`: cut off while thinking; or a
 * closed block and then nothing), which parsers report as
 * {@link REASONING_WITHOUT_ANSWER} instead of a JSON or refusal failure:
 * what was cut off is the answer, not its format, and a refusal check on
 * reasoning would judge the deliberation, not the reply.
 */
export function answerText(text: string): string | null {
  const s = splitReasoning(text);
  if (s.reasoning === null && !s.truncated) return s.answer;
  return s.answer === "" ? null : s.answer; // splitReasoning trimmed it
}
