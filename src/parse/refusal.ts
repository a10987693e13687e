/**
 * Does this text read as a refusal ("I'm sorry, but I can't assist with
 * that")? Only asked when a text holds no usable answer, so that a failure
 * can say "refusal" rather than "no JSON".
 *
 * Two signals, either suffices: the text opens with an apology
 * (sorry / apologies / unfortunately) within its first sentence, or it says
 * the model cannot or will not help/assist/provide/comply/… .
 *
 * @example isRefusal("I'm sorry, but I can't assist with that request.") // true
 */
export function isRefusal(text: string): boolean {
  if (typeof text !== "string") return false;
  const head = text.slice(0, 600).trim().toLowerCase().replace(/[’‘]/g, "'");
  if (/^(?:i'm sorry|i am sorry|sorry|my apologies|apologies|i apologi[sz]e|unfortunately)\b/.test(head)) return true;
  return /\bi (?:can(?:not|'t| not)|won't|will not|am unable to|'m unable to|am not able to|'m not able to) (?:assist|help|provide|comply|fulfil|fulfill|create|generate|support|do that|answer|complete|express|share|give|offer|choose|select|pick|make|decide|rate|have)\b/.test(
    head,
  );
}
