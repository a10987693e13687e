import { findJson } from "./lenientJson";
import { answerText, REASONING_WITHOUT_ANSWER } from "./reasoning";
import { isRefusal } from "./refusal";
import { failed, parsed, type ParseResult } from "./result";

/** A VIA generation: one first-person action, the spans that carry the value, and why. */
export interface ParsedAction {
  action: string;
  attributions: string[];
  explanation: string;
}

/** Keys are compared lower-cased with everything but letters removed ("human_action", "Human Action "). */
const keyOf = (k: string) => k.toLowerCase().replace(/[^a-z]/g, "");
const KEYS = {
  action: "humanaction",
  attributions: "featureattributions",
  explanation: "naturallanguageexplanation",
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The member of `o` whose normalised key is `want`; `exact` tells whether the key was written as in the prompt. */
function member(o: Record<string, unknown>, want: string): { value: unknown; exact: boolean } | undefined {
  for (const [k, v] of Object.entries(o)) if (keyOf(k) === want) return { value: v, exact: k === exactKey(want) };
  return undefined;
}
const exactKey = (want: string) =>
  want === KEYS.action ? "Human Action" : want === KEYS.attributions ? "Feature Attributions" : "Natural Language Explanation";

/**
 * Parse a VIA generation output (method.md §3.1): a JSON object with keys
 * 'Human Action', 'Feature Attributions', 'Natural Language Explanation',
 * matched case-, space- and punctuation-insensitively, in fences, prose,
 * Python-dict form, smart quotes, brace-less member lines or cut off (see
 * lenientJson).
 *
 * Decisions:
 * - all three fields are required: a generation without an explanation is
 *   not a VIA item (the dataset exists to pair actions with reasons), so it
 *   fails with "missing Natural Language Explanation" rather than inventing "";
 * - `Feature Attributions` given as one string becomes a one-element list
 *   (repaired); numbers in the list are written as text; anything else fails;
 * - action and explanation must be non-empty strings;
 * - several objects (or a list of objects): the first with a Human Action is used;
 * - no object with a Human Action and an apology / "I can't" text is
 *   `{ok: false, reason: "refusal"}`;
 * - reasoning blocks (`<think>…</think>`, see reasoning.ts) are removed
 *   first and never read, so a draft object inside them is not the answer;
 *   reasoning with no answer after it fails "reasoning without answer".
 *   Removing reasoning does not set `repaired`: it is a reasoning model's
 *   normal output, not a defect of the answer.
 */
export function parseAction(input: string): ParseResult<ParsedAction> {
  if (typeof input !== "string") return failed("not a string");
  const text = answerText(input);
  if (text === null) return failed(REASONING_WITHOUT_ANSWER);
  // objects at the top level, or as items of a top-level list
  const objects = findJson(text).flatMap((f) =>
    (Array.isArray(f.value) ? f.value : [f.value]).filter(isObject).map((o) => ({ o, repaired: f.repaired })),
  );
  const hit = objects.find(({ o }) => member(o, KEYS.action) !== undefined);
  if (hit === undefined) {
    if (isRefusal(text)) return failed("refusal");
    if (objects.length === 0) return failed("no JSON object");
    return failed("missing Human Action");
  }
  const o = hit.o;
  let repaired = hit.repaired;

  const a = member(o, KEYS.action)!;
  if (typeof a.value !== "string") return failed("Human Action is not a string");
  if (a.value.trim() === "") return failed("empty Human Action");

  const e = member(o, KEYS.explanation);
  if (e === undefined) return failed("missing Natural Language Explanation");
  if (typeof e.value !== "string") return failed("Natural Language Explanation is not a string");
  if (e.value.trim() === "") return failed("empty Natural Language Explanation");

  const f = member(o, KEYS.attributions);
  if (f === undefined) return failed("missing Feature Attributions");
  let attributions: string[];
  if (typeof f.value === "string") {
    attributions = [f.value];
    repaired = true;
  } else if (Array.isArray(f.value)) {
    attributions = [];
    for (const x of f.value) {
      if (typeof x === "string") attributions.push(x);
      else if (typeof x === "number" && Number.isFinite(x)) {
        attributions.push(String(x));
        repaired = true;
      } else return failed("Feature Attributions holds a non-string");
    }
  } else return failed("Feature Attributions is not a list");

  if (!a.exact || !e.exact || !f.exact) repaired = true;
  return parsed({ action: a.value, attributions, explanation: e.value }, repaired);
}
