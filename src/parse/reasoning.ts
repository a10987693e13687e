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

/**
 * Split model text into its answer and its reasoning.
 *
 * @example splitReasoning('<think>maybe {"action": "Option 1"}</think>\n{"action": "Option 2"}')
 * // {answer: '{"action": "Option 2"}', reasoning: 'maybe {"action": "Option 1"}', truncated: false}
 */
export function splitReasoning(text: string): SplitAnswer {
  if (typeof text !== "string" || !HAS_TAG.test(text)) return { answer: text, reasoning: null, truncated: false };

  const tags = [...text.matchAll(TAG)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, close: m[1] === "/", name: m[2].toLowerCase() }));
  const reasoning: string[] = [];
  const answer: string[] = [];
  let from = 0;

  // Closing tags before any opener: the output began inside a block opened by the prompt template.
  const firstOpen = tags.findIndex((t) => !t.close);
  const leadingCloses = (firstOpen < 0 ? tags : tags.slice(0, firstOpen)).filter((t) => t.close);
  if (leadingCloses.length > 0) {
    const last = leadingCloses[leadingCloses.length - 1];
    reasoning.push(text.slice(0, last.at));
    from = last.end;
  }

  let truncated = false;
  for (let i = firstOpen < 0 ? tags.length : firstOpen; i < tags.length; i++) {
    const open = tags[i];
    if (open.close || open.at < from) continue; // a stray closing tag after an answer: left in the answer text
    // The block ends at the first closing tag of the same name; nested openers of that name are part of it.
    const j = tags.findIndex((t, k) => k > i && t.close && t.name === open.name);
    answer.push(text.slice(from, open.at));
    if (j < 0) {
      reasoning.push(text.slice(open.end));
      from = text.length;
      truncated = true;
      break;
    }
    reasoning.push(text.slice(open.end, tags[j].at));
    from = tags[j].end;
    i = j;
  }
  answer.push(text.slice(from));

  const kept = reasoning.map((r) => r.trim()).filter((r) => r !== "");
  return { answer: answer.join("").trim(), reasoning: kept.length > 0 ? kept.join("\n\n") : null, truncated };
}
