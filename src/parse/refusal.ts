/**
 * Does this text read as a refusal — the model declining to answer rather
 * than answering badly? Only asked when a text holds no usable answer, so
 * that a failure can say "refusal" rather than "no JSON object"; a text that
 * opens with a disclaimer and then gives its answer keeps the answer.
 *
 * Tuned on the published answers (tests/parse/refusal.data.test.ts: the six
 * Task 1 files, the VIA generations, the Task 2 prompt-agreement runs). Three
 * kinds of signal, any one suffices, all looked for in the first 600
 * characters (a refusal says so at once; a long answer that mentions "I
 * can't" deep inside is not one):
 *
 * 1. an opening apology: "I'm sorry", "Sorry", "Apologies", "Unfortunately"
 *    (the VIA generation refusals, GPT-4o's Task 1 refusals);
 * 2. a first-person decline: "I can't / cannot / won't / am unable to /
 *    must decline to" + assist, provide, roleplay, pretend, select, express,
 *    determine, … ("I can't roleplay as being from a specific country",
 *    Claude; "I cannot select an option", Claude Task 2);
 * 3. an AI disclaimer about having no views of its own: "as an AI(, …) I
 *    don't have/possess …", "I'm an AI" / "I am an AI" near "personal"
 *    beliefs/values/opinions, "I don't (actually) have personal (political)
 *    values/beliefs/…", "I'm designed to remain (politically) neutral",
 *    "not to take sides" (Claude's and Gemma's Task 1 refusals, Gemma's
 *    Task 2 "Both").
 *
 * Quotes are normalised (’ → ') and whitespace collapsed first.
 *
 * @example isRefusal("I'm sorry, but I can't assist with that request.") // true
 * @example isRefusal("Since I'm an AI, I don't possess personal beliefs.") // true
 * @example isRefusal('{"Equality": "1"}') // false
 */
export function isRefusal(text: string): boolean {
  if (typeof text !== "string") return false;
  const head = text
    .slice(0, 800)
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .slice(0, 600);
  return APOLOGY.test(head) || DECLINE.test(head) || AI_DISCLAIMER.some((re) => re.test(head));
}

const APOLOGY = /^["'*\s]*(?:i'm sorry|i am sorry|sorry|my apologies|apologies|i apologi[sz]e|unfortunately)\b/;

const CANNOT = String.raw`(?:can(?:not|'t| not)|won't|will not|am unable to|'m unable to|am not able to|'m not able to|must decline to|have to decline to|don't feel comfortable|do not feel comfortable)`;
const VERBS = String.raw`(?:assist|help|provide|comply|fulfil|fulfill|create|generate|support|do that|answer|complete|express|share|give|offer|choose|select|pick|make|decide|rate|have|role-?play|pretend|adopt|take on|act as|personally|determine|form|hold|respond|participate|engage|appropriately)`;
const DECLINE = new RegExp(String.raw`\bi ${CANNOT} ${VERBS}\b`);

const PERSONAL = String.raw`(?:personal|genuine|real|actual|individual|subjective|my own|own)`;
const VIEWS = String.raw`(?:values|beliefs|opinions|preferences|views|feelings|experiences|stances?|political|cultural|convictions|identity|nationality)`;
const AI_DISCLAIMER = [
  // "as an AI (language model|assistant), I don't have / possess / hold …"
  new RegExp(String.raw`\bas an (?:ai|artificial intelligence|a\.i\.|language model)\b[^.!?]{0,60}?\bi (?:don't|do not|cannot|can't|am not able to) (?:actually )?(?:have|possess|hold|experience|form|express|share)\b`),
  // "since I'm an AI, I don't possess personal beliefs"; "I'm an AI assistant … personal political values"
  new RegExp(String.raw`\bi(?:'m| am) (?:just |only )?an? (?:ai|artificial intelligence|language model)\b[^.!?]{0,80}?\b(?:don't|do not|cannot|can't)\b[^.!?]{0,40}?\b${PERSONAL}\b`),
  // "I don't (actually) have personal (political) values"
  new RegExp(String.raw`\bi (?:don't|do not) (?:actually |really )?(?:have|possess|hold) (?:any )?${PERSONAL} (?:\w+ )?${VIEWS}`),
  // "I'm designed to remain (politically) neutral", "designed to be … not to take sides"
  /\b(?:designed|programmed|built|meant) to (?:remain|be|stay) (?:politically |culturally )?(?:neutral|impartial|unbiased)\b/,
  /\bnot to take (?:sides|a side|a stance|positions?)\b/,
];
