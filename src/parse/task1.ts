import { VALUES, type Value } from "../catalog/values";
import type { Protocol } from "../protocol";
import type { Task1Answers } from "../runs/records";
import { findJson, type Cut } from "./lenientJson";
import { readLikert } from "./likert";
import { answerText, REASONING_WITHOUT_ANSWER } from "./reasoning";
import { isRefusal } from "./refusal";
import { failed, parsed, type ParseResult } from "./result";
import { matchValueName } from "./valueName";

type Answer = 1 | 2 | 3 | 4 | null;

const NO_ANSWERS = Object.freeze(Object.fromEntries(VALUES.map((v) => [v, null])) as Task1Answers);

/** All 56 values (group order) set to null: a fresh object each call. */
export function emptyAnswers(): Task1Answers {
  // Copying one template is ~40x cheaper than Object.fromEntries per row, and every copy shares one shape.
  return { ...NO_ANSWERS };
}

/**
 * Parse a Task-1 answer (method.md §4) into all 56 values, 1..4 or null.
 *
 * `robust`: keyed and lenient, never shifts or invents.
 * - JSON anywhere in the text (fences, prose, Python dicts, smart quotes,
 *   truncation, a fence of `"key": value` lines without braces; see
 *   lenientJson, all of it `repaired`); every object found is read, and objects nested one or two
 *   levels deep too ({"answers": {...}}), as are lists of
 *   {"value": NAME, "answer": X} items;
 * - keys are matched to the 56 names by matchValueName (case, spacing,
 *   punctuation, "A"/"of"/"my" words, numbering and definition suffixes;
 *   only when unambiguous); unknown keys are ignored;
 * - answers are read by readLikert (1..4, "1: strongly agree", the 8 labels);
 *   unreadable answers stay null;
 * - a value answered twice with different answers is null (conflict);
 * - without JSON, lines "NAME: ANSWER" are read the same way;
 * - zero usable answers is a failure ("refusal" when the text reads as one).
 * `repaired` is set when the JSON needed repair, a key matched only loosely,
 * or answers came from plain lines.
 *
 * `paper`: the authors' parser exactly (see parseTask1Paper).
 *
 * Both protocols read only the answer: reasoning blocks (`<think>…</think>`,
 * `<thinking>`, a template-opened `…</think>`; see reasoning.ts) are removed
 * first, and reasoning with no answer after it fails "reasoning without
 * answer". For `paper` too: the authors' DeepSeek-R1/QwQ outputs reached
 * their parser without think blocks (method.md names no think handling, and
 * none of the published files holds a `<think>` tag), so the paper protocol
 * reproduces what they parsed — the answer — and a text without tags is
 * parsed byte for byte as before. Removing reasoning does not set
 * `repaired` (a reasoning model's normal output is not a repair).
 */
export function parseTask1(text: string, protocol: Protocol): ParseResult<Task1Answers> {
  if (typeof text !== "string") return failed("not a string");
  return protocol === "paper" ? parseTask1Paper(text) : parseTask1Robust(text);
}

function parseTask1Robust(input: string): ParseResult<Task1Answers> {
  const text = answerText(input);
  if (text === null) return failed(REASONING_WITHOUT_ANSWER);
  const answers = emptyAnswers();
  const seen = new Map<Value, Answer | "conflict">();
  let repaired = false;
  let matchedKeys = 0;

  const put = (key: string, raw: unknown, cut = false) => {
    const m = matchValueName(key);
    if (m === null) return;
    matchedKeys++;
    if (!m.exact) repaired = true;
    const a = cut ? readCutLikert(raw) : readLikert(raw);
    const prev = seen.get(m.value);
    if (prev === undefined) seen.set(m.value, a);
    else if (prev !== a) seen.set(m.value, prev === null ? a : a === null ? prev : "conflict");
  };

  let cut: Cut | undefined;
  const isCut = (node: object, key: string) => cut !== undefined && cut.container === node && cut.key === key;
  const visit = (node: unknown, depth: number) => {
    if (depth > 3 || typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const pair = pairItem(node);
    if (pair !== null) return put(pair.name, pair.answer, isCut(node, pair.answerKey));
    for (const [k, v] of Object.entries(node)) {
      put(k, v, isCut(node, k));
      if (typeof v === "object" && v !== null) visit(v, depth + 1);
    }
  };

  const found = findJson(text);
  for (const f of found) {
    if (f.repaired) repaired = true;
    cut = f.cut;
    visit(f.value, 0);
  }
  if (matchedKeys === 0) {
    for (const [k, v] of plainLines(text)) put(k, v);
    if (matchedKeys > 0) repaired = true;
  }

  let usable = 0;
  for (const [v, a] of seen) {
    if (a === "conflict" || a === null) continue;
    answers[v] = a;
    usable++;
  }
  if (usable === 0) {
    if (isRefusal(text)) return failed("refusal");
    if (matchedKeys > 0) return failed("no readable answer");
    return failed(found.length === 0 ? "no JSON object" : "no value names");
  }
  return parsed(answers, repaired);
}

const NAME_KEYS = ["value", "name", "key", "item"];
const ANSWER_KEYS = ["answer", "option", "rating", "score", "response", "choice"];

/** A list item like {"value": "Equality", "answer": "1"}, else null. */
function pairItem(x: object): { name: string; answer: unknown; answerKey: string } | null {
  const entries = Object.entries(x);
  const find = (keys: string[], ok: (v: unknown) => boolean) =>
    entries.find(([k, v]) => keys.includes(k.toLowerCase().trim()) && ok(v));
  const name = find(NAME_KEYS, (v) => typeof v === "string");
  const answer = find(ANSWER_KEYS, (v) => v !== undefined);
  return name && answer ? { name: name[1] as string, answer: answer[1], answerKey: answer[0] } : null;
}

/**
 * An answer the text ended in ("not like me" may be the start of "not like
 * me at all"): kept only when no continuation could change it — a digit
 * followed by a separator ("1: strongly ag"), or a label no other label
 * extends. A bare number or "not like me" stays null.
 */
function readCutLikert(raw: unknown): Answer {
  if (typeof raw !== "string") return null;
  if (/^\s*\(?\s*[1-4]\s*[:)=,–—-]/.test(raw)) return readLikert(raw.replace(/[:)=,–—-].*$/s, ""));
  const t = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (t === "not like me" || t === "strongly" || t === "") return null;
  return /^(?:strongly agree|agree|disagree|strongly disagree|very much like me|like me|not like me at all)$/.test(t)
    ? readLikert(raw)
    : null;
}

/** "Equality: 1", "- **Self-Respect**: 2 (agree)" lines, for answers without JSON. */
function plainLines(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.slice(0, 200_000).split(/\r?\n/)) {
    const m = /^\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?\**([A-Za-z][A-Za-z '&-]{1,60}?)\**(?:\s*[:=]|\s+[-–—])\s*(.{1,60})$/.exec(line);
    if (m) out.push([m[1], m[2].replace(/[.,;]\s*$/, "")]);
  }
  return out;
}

/**
 * The authors' Task-1 parser, quirks included (method.md §4, "Parsing"):
 * 1. if the text contains ``` : the text between the first "```json" and the
 *    next "```"; without "```json", the text between the first two "```"
 *    (or to the end). Otherwise the whole text. Then strict JSON only — no
 *    repair; failure (or a non-object) is `ok: false`.
 * 2. for each value in GROUP order whose exact key exists: lower-case the
 *    answer, replace "not like me at all"→"4", "not like me"→"3",
 *    "very much like me"→"1", "like me"→"2" (in that order) and take the
 *    FIRST character as an integer. Missing keys and non-digit first
 *    characters ("agree") are skipped, and the parsed integers are assigned
 *    to the group-order columns from the left: every skip SHIFTS later
 *    answers one column left and leaves a trailing column null.
 * Deviations forced by the record type (answers are 1..4): a first digit 0
 * or 5–9 keeps its place in the sequence (as in the authors' code) but is
 * stored as null; non-string answers (never seen in the published files)
 * are skipped; Python's json also accepts NaN/Infinity and non-ASCII digits,
 * which are not reproduced. A response with no parsed integer is ok with
 * all nulls, as the authors' row would be (all NaN).
 */
export function parseTask1Paper(text: string): ParseResult<Task1Answers> {
  const seq = paperTask1Sequence(text);
  if (!seq.ok) return seq;
  const answers = emptyAnswers();
  seq.value.forEach((n, i) => {
    answers[VALUES[i]] = n >= 1 && n <= 4 ? (n as Answer) : null;
  });
  return parsed(answers, false);
}

/**
 * The integers the authors' parser reads, in group order of the keys they
 * came from, before they are laid onto the columns from the left. Its length
 * is below 56 exactly when the row was shifted or truncated by skips.
 */
export function paperTask1Sequence(input: string): ParseResult<number[]> {
  if (typeof input !== "string") return failed("not a string");
  const text = answerText(input); // reasoning removed, as the authors' parser never saw it (parseTask1)
  if (text === null) return failed(REASONING_WITHOUT_ANSWER);
  let body = text;
  if (text.includes("```")) {
    const j = text.indexOf("```json");
    if (j >= 0) body = text.slice(j + 7).split("```")[0];
    else body = text.split("```")[1];
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return failed(isRefusal(text) ? "refusal" : "invalid JSON");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return failed("not a JSON object");
  const o = data as Record<string, unknown>;
  const sequence: number[] = [];
  for (const v of VALUES) {
    if (!Object.hasOwn(o, v)) continue;
    const raw = o[v];
    if (typeof raw !== "string") continue;
    // Fast path, same result: when the answer starts with an ASCII digit, lower-casing
    // keeps it and no phrase below can start at position 0, so the first character stays.
    const c0 = raw.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      sequence.push(c0 - 48);
      continue;
    }
    const s = raw
      .toLowerCase()
      .replaceAll("not like me at all", "4")
      .replaceAll("not like me", "3")
      .replaceAll("very much like me", "1")
      .replaceAll("like me", "2");
    const c = s[0];
    if (c !== undefined && c >= "0" && c <= "9") sequence.push(Number(c));
  }
  return parsed(sequence, false);
}
