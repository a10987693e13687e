import type { Polarity } from "../runs/records";
import { NEGATIVE_MARKERS, POSITIVE_MARKERS } from "./phrases";

/**
 * Which of two action texts is the positive (value-endorsing) one?
 *
 * Task 2 prompts carry two actions without labels, and they may come from the
 * published dataset rather than from the simulator, so the decision is made on
 * the text alone:
 * 1. the simulator's own actions carry exactly one planted marker
 *    (phrases.ts POSITIVE_MARKERS / NEGATIVE_MARKERS): exact;
 * 2. otherwise a lexical cue score: weighted counts of refusal, avoidance and
 *    contrast cues ("avoid", "refuse", "ignore", "rather than", "over", "not"…)
 *    minus endorsement cues ("ensure", "actively", "support"…). The option with
 *    the lower score is taken as positive.
 * Accuracy on the published GPT-4o action pairs is measured in
 * tests/sim/polarity.test.ts (see the report in src/sim/README.md).
 */

/** Negative (avoidance/contrast) cues with weights; word-boundary matched, case-insensitive. */
const NEGATIVE_CUES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bavoid(s|ing|ed)?\b/g, 2],
  [/\brefus(e|es|ed|ing)\b/g, 2],
  [/\bignor(e|es|ed|ing)\b/g, 2],
  [/\bneglect(s|ed|ing)?\b/g, 2],
  [/\bdismiss(es|ed|ing)?\b/g, 2],
  [/\bdisregard(s|ed|ing)?\b/g, 2],
  [/\breject(s|ed|ing)?\b/g, 2],
  [/\bchoose not\b|\bdecide not\b|\bprefer not\b/g, 2],
  [/\bdo not\b|\bdon't\b|\bnever\b|\bnot\b|\bwithout\b/g, 1],
  [/\brather than\b|\binstead of\b/g, 2],
  [/\bover\b/g, 1],
  [/\bopenly (challenge|criticize|criticise|question|reject|oppose)\b/g, 1],
  [/\bchalleng(e|es|ed|ing)\b|\bcriticiz(e|es|ed|ing)\b|\bquestion(s|ed|ing)?\b|\boppos(e|es|ed|ing)\b/g, 1],
  [/\bresist(s|ed|ing)?\b|\bdownplay(s|ed|ing)?\b|\bskip(s|ped|ping)?\b|\bdecline(s|d)?\b/g, 1],
  [/\blimit(s|ed|ing)?\b|\bminimi[sz](e|es|ed|ing)\b|\bsolely\b|\bonly\b|\bregardless\b/g, 1],
  [/\bprioriti[sz](e|es|ed|ing)\b/g, 0.5],
  [/\bmy own\b|\bpersonal\b|\bmyself\b/g, 0.5],
];

const POSITIVE_CUES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bensur(e|es|ed|ing)\b|\bmake sure\b|\bmake an effort\b|\bmake it a point\b/g, 1],
  [/\bactively\b|\bsupport(s|ed|ing)?\b|\bvolunteer(s|ed|ing)?\b|\bpromot(e|es|ed|ing)\b/g, 1],
  [/\bhelp(s|ed|ing)?\b|\bencourag(e|es|ed|ing)\b|\brespect(s|ed|ing|fully)?\b|\bcommunity\b/g, 0.5],
];

const score = (text: string, cues: ReadonlyArray<readonly [RegExp, number]>) =>
  cues.reduce((s, [re, w]) => s + w * (text.match(re)?.length ?? 0), 0);

/** The simulator's planted marker, if present. */
export function markedPolarity(text: string): Polarity | null {
  const t = text.toLowerCase();
  const pos = POSITIVE_MARKERS.some((m) => t.includes(m));
  const neg = NEGATIVE_MARKERS.some((m) => t.includes(m));
  if (pos === neg) return null;
  return pos ? "positive" : "negative";
}

/** Lexical negativity score: larger = more likely the negative action. */
export function negativityScore(text: string): number {
  const t = text.toLowerCase();
  return score(t, NEGATIVE_CUES) - score(t, POSITIVE_CUES);
}

/**
 * Which option (1 or 2) holds the positive action. `tieBreak` in [0, 1)
 * decides exact ties (e.g. identical texts).
 */
export function positiveOption(option1: string, option2: string, tieBreak = 0): 1 | 2 {
  // Markers decide only a pair of the simulator's own texts: foreign texts can
  // contain a marker phrase by chance ("I deliberately avoid ..." occurs in the VIA data).
  const m1 = markedPolarity(option1);
  const m2 = markedPolarity(option2);
  if (m1 !== null && m2 !== null && m1 !== m2) return m1 === "positive" ? 1 : 2;
  const d = negativityScore(option1) - negativityScore(option2);
  if (d < 0) return 1;
  if (d > 0) return 2;
  return tieBreak < 0.5 ? 1 : 2;
}
