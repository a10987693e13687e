/**
 * Read one Task-1 answer on the 4-point scale (method.md §4 options):
 *   1 strongly agree / very much like me
 *   2 agree / like me
 *   3 disagree / not like me
 *   4 strongly disagree / not like me at all
 *
 * Accepted: the integers 1..4 (number or string, also "1.0"), a number with its
 * label ("1: strongly agree", "2 - like me", "(3) disagree"), or a label
 * alone (case, spacing and punctuation ignored). Returns null for anything
 * else, and for a number whose label names another point ("2: strongly
 * agree"), a second number ("2-3") or a number outside 1..4: an unreadable
 * answer stays missing rather than being guessed.
 *
 * @example readLikert("1: strongly agree") // 1
 * @example readLikert("Not like me at all") // 4
 */
export function readLikert(v: unknown): 1 | 2 | 3 | 4 | null {
  if (typeof v === "number") return inScale(v);
  if (typeof v !== "string") return null;
  const t = v
    .toLowerCase()
    .replace(/[*_"'`“”‘’]/g, "")
    .trim();
  const m = /^\(?\s*(\d+(?:\.0+)?)\s*\)?(?:\s*[:.=)\-–—,/]?\s*(.*))?$/s.exec(t);
  if (m) {
    const n = inScale(Number(m[1]));
    const rest = (m[2] ?? "").trim();
    if (n === null || rest === "") return n;
    if (/\d/.test(rest)) return null;
    const label = labelOf(rest);
    return label === null || label === n ? n : null;
  }
  return labelOf(t);
}

const LABELS: Record<string, 1 | 2 | 3 | 4> = {
  "strongly agree": 1,
  agree: 2,
  disagree: 3,
  "strongly disagree": 4,
  "very much like me": 1,
  "like me": 2,
  "not like me": 3,
  "not like me at all": 4,
};

function labelOf(s: string): 1 | 2 | 3 | 4 | null {
  const k = s
    .replace(/[()[\].,;:!]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Object.hasOwn(LABELS, k) ? LABELS[k] : null;
}

function inScale(n: number): 1 | 2 | 3 | 4 | null {
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}
