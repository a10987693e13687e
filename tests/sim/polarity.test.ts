import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { positiveOption, markedPolarity, negativityScore, simulatedAction, unit } from "../../src/sim";
import { skipWithoutData, viaDir } from "../helpers/data";

test("polarity of the simulator's own actions is recognised exactly, in either option order", () => {
  let n = 0;
  for (const country of COUNTRIES)
    for (const topic of TOPICS)
      for (const value of VALUES.filter((_, i) => i % 4 === COUNTRIES.indexOf(country) % 4)) {
        const variation = unit(country, topic, value);
        const pos = simulatedAction(1, country, topic, value, "positive", variation).action;
        const neg = simulatedAction(1, country, topic, value, "negative", variation).action;
        assert.equal(markedPolarity(pos), "positive");
        assert.equal(markedPolarity(neg), "negative");
        assert.equal(positiveOption(pos, neg), 1);
        assert.equal(positiveOption(neg, pos), 2);
        n++;
      }
  assert.ok(n > 1500);
});

test("lexical fallback: avoidance and contrast cues mark the negative action", () => {
  assert.ok(negativityScore("I avoid voting and ignore the news rather than engage.") > negativityScore("I make sure to vote and support local candidates."));
  assert.equal(positiveOption("I refuse to attend services.", "I attend services every week."), 2);
  assert.equal(positiveOption("I volunteer at the clinic.", "I skip my checkups."), 1);
  // Identical texts: the tie-break decides.
  assert.equal(positiveOption("I walk.", "I walk.", 0.2), 1);
  assert.equal(positiveOption("I walk.", "I walk.", 0.8), 2);
});

/** The "Human Action" of a VIA row: strict JSON of the greedy {...} span, else a Python-dict style match (fast, enough for a measurement). */
function humanAction(raw: string): string | null {
  const span = /\{[\s\S]*\}/.exec(raw)?.[0];
  if (!span) return null;
  try {
    const v = (JSON.parse(span) as Record<string, unknown>)["Human Action"];
    return typeof v === "string" ? v : null;
  } catch {
    const m = /['"]Human Action['"]\s*:\s*(['"])([\s\S]*?)\1\s*,\s*['"]Feature/.exec(span);
    return m ? m[2] : null;
  }
}

test("lexical fallback on the published VIA action pairs (accuracy reported)", { skip: skipWithoutData() }, () => {
  const csv = readFileSync(join(viaDir()!, "dataset", "value_action_gap_full_data_generation.csv"), "utf8");
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  let pairs = 0, correct = 0, marked = 0;
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const [a, b] = [rows[i], rows[i + 1]];
    const pos = humanAction((a.polarity === "positive" ? a : b).generation_prompt);
    const neg = humanAction((a.polarity === "positive" ? b : a).generation_prompt);
    if (pos === null || neg === null) continue;
    pairs++;
    if (markedPolarity(pos) !== null || markedPolarity(neg) !== null) marked++;
    // Alternate the option order so a position preference cannot score.
    const ok = pairs % 2 === 0 ? positiveOption(pos, neg, 0.5) === 1 : positiveOption(neg, pos, 0.5) === 2;
    if (ok) correct++;
  }
  const accuracy = correct / pairs;
  console.log(`# polarity classifier on the published dataset: ${correct}/${pairs} pairs = ${accuracy.toFixed(3)} (pairs touching a simulator marker phrase: ${marked})`);
  assert.ok(pairs > 7000, `only ${pairs} usable pairs`);
  assert.ok(accuracy > 0.8, `accuracy ${accuracy}`);
});
