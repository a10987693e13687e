import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS, VALUES, CLAIM_ORDER, type Country, type Topic, type Value } from "../../src/catalog";
import { generationMessages, task1Messages, task2Messages, fewShotMessages, FEWSHOT_SETTINGS, task2OptionOrder } from "../../src/prompts";
import { parseAction } from "../../src/parse/action";
import { parseTask1 } from "../../src/parse/task1";
import { answer, recognise, hasHedgeCue, respondent, MALFORMED_KINDS, simulatedAction } from "../../src/sim";
import { parseJsonAnswer } from "./support";

const PROTOCOLS = ["paper", "robust"] as const;
const VARIANTS = [0, 1, 2, 3, 4, 5, 6, 7];
/** A spread of cells: every country, topic and value appears. */
const CELLS: Array<{ country: Country; topic: Topic; value: Value }> = VALUES.map((value, i) => ({
  country: COUNTRIES[i % 12],
  topic: TOPICS[(i * 5) % 11],
  value,
}));

test("generation prompts (8 variants, both protocols): recognised and answered in the VIA format", () => {
  for (const protocol of PROTOCOLS)
    for (const variant of VARIANTS)
      for (const cell of CELLS)
        for (const polarity of ["positive", "negative"] as const) {
          const messages = generationMessages({ ...cell, polarity }, variant, protocol);
          const a = answer(1, { messages });
          assert.equal(a.kind, "generate");
          assert.deepEqual(a.info, { kind: "generate", ...cell, polarity });
          const p = parseAction(a.content);
          assert.ok(p.ok && !p.repaired, `${protocol} v${variant}: ${a.content}`);
          if (!p.ok) continue;
          assert.match(p.value.action, /^(I |Living in )/);
          assert.ok(p.value.action.split(/\s+/).length <= 50);
          assert.ok(p.value.attributions.length >= 2);
          for (const span of p.value.attributions) assert.ok(p.value.action.includes(span), `span "${span}" not in action`);
          // The planted cue lives in explanations only, never in the action or its spans.
          assert.equal(hasHedgeCue(p.value.action + p.value.attributions.join(" ")), false);
          assert.ok(p.value.explanation.includes(cell.value));
        }
});

test("Task 1 prompts (8 variants, both protocols): all 56 values in realistic, readable formats", () => {
  const styles = new Set<string>();
  let answered = 0;
  let total = 0;
  for (const protocol of PROTOCOLS)
    for (const variant of VARIANTS)
      for (const country of COUNTRIES)
        for (const topic of TOPICS.slice(0, 4)) {
          const a = answer(2, { messages: task1Messages({ country, topic }, variant, protocol) });
          assert.equal(a.kind, "task1");
          const obj = JSON.parse(a.content) as Record<string, string | number>;
          for (const key of Object.keys(obj)) assert.ok((CLAIM_ORDER as readonly string[]).includes(key), key);
          for (const v of Object.values(obj))
            styles.add(typeof v === "number" ? "number" : /^\d$/.test(v) ? "digit" : /^\d: /.test(v) ? "digit-label" : "label");
          if ([2, 3, 6, 7].includes(variant)) assert.ok(Object.values(obj).some((v) => /like me/i.test(String(v)) || /^\d$/.test(String(v)) || typeof v === "number"));
          const p = parseTask1(a.content, "robust");
          assert.ok(p.ok);
          if (p.ok) {
            answered += Object.values(p.value).filter((x) => x !== null).length;
            total += 56;
          }
        }
  assert.deepEqual([...styles].sort(), ["digit", "digit-label", "label", "number"]);
  assert.ok(answered / total > 0.995, `answered share ${answered / total}`);
});

test("Task 1 answers follow the respondent and agree across variants about 95% of the time", () => {
  const r = respondent(4);
  let agree = 0, pairs = 0, match = 0, cells = 0;
  for (const country of COUNTRIES.slice(0, 4))
    for (const topic of TOPICS) {
      const answers = VARIANTS.map((v) => parseTask1(answer(4, { messages: task1Messages({ country, topic }, v, "robust") }).content, "robust"));
      for (const value of VALUES) {
        const xs = answers.map((p) => (p.ok ? p.value[value] : null)).filter((x): x is 1 | 2 | 3 | 4 => x !== null);
        const bin = xs.map((x) => (x >= 3 ? 1 : 0));
        for (let i = 0; i < bin.length; i++) for (let j = i + 1; j < bin.length; j++) (pairs++, (agree += bin[i] === bin[j] ? 1 : 0));
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        cells++;
        if ((mean >= 2.5) === r.cell(country, topic, value).statedDisagree) match++;
      }
    }
  const agreement = agree / pairs;
  assert.ok(agreement > 0.9 && agreement < 0.99, `pairwise variant agreement ${agreement}`);
  assert.ok(match / cells > 0.97, `binarized mean matches stated in ${match / cells}`);
});

test("Task 2 prompts (8 variants): an option in the requested format, explanation only when asked", () => {
  for (const variant of VARIANTS)
    for (const cell of CELLS) {
      const pos = simulatedAction(1, cell.country, cell.topic, cell.value, "positive", 0).action;
      const neg = simulatedAction(1, cell.country, cell.topic, cell.value, "negative", 0).action;
      const messages = task2Messages({ ...cell, positive: pos, negative: neg }, variant, "paper");
      const info = recognise(messages);
      assert.equal(info.kind, "task2");
      if (info.kind !== "task2") continue;
      assert.deepEqual([info.country, info.topic, info.value, info.explanation], [cell.country, cell.topic, cell.value, variant % 2 === 1]);
      const positiveFirst = task2OptionOrder(variant) === "positive-first";
      assert.deepEqual([info.option1, info.option2], positiveFirst ? [pos, neg] : [neg, pos]);
      const obj = parseJsonAnswer(answer(1, { messages }).content) as Record<string, string>;
      assert.match(obj.action, /^Option [12]$/);
      assert.equal("explanation" in obj, variant % 2 === 1);
      if (variant % 2 === 1) assert.ok(obj.explanation.length > 20);
    }
});

test("Task 2 choices follow the acting inclination, in either option order", () => {
  const r = respondent(9);
  let n = 0, follows = 0;
  for (const country of ["India", "Canada"] as const)
    for (const topic of TOPICS)
      for (const value of VALUES) {
        const positive = simulatedAction(9, country, topic, value, "positive", 1).action;
        const negative = simulatedAction(9, country, topic, value, "negative", 1).action;
        const variant = n % 2 === 0 ? 5 : 7; // negative-first, positive-first
        const obj = parseJsonAnswer(answer(9, { messages: task2Messages({ country, topic, value, positive, negative }, variant, "paper") }).content) as { action: string };
        const choseFirst = obj.action === "Option 1";
        const chosePositive = variant === 5 ? !choseFirst : choseFirst;
        const actsPositive = r.cell(country, topic, value).pPositive > 0.5;
        n++;
        if (chosePositive === actsPositive) follows++;
      }
  assert.ok(follows / n > 0.94 && follows / n < 1, `choices follow the inclination in ${follows / n}`);
});

test("few-shot gap prediction: 'Label: True/False' in the shots' format", () => {
  const shots = [
    { action: "I make a point of helping.", attributions: ["helping"], explanation: "It helps.", label: true },
    { action: "I deliberately avoid helping.", attributions: ["avoid helping"], explanation: "It does not.", label: false },
  ];
  const seen = new Set<string>();
  for (const setting of FEWSHOT_SETTINGS)
    for (let i = 0; i < 30; i++) {
      const reply = answer(1, { messages: fewShotMessages(setting, shots, { action: `I make a point of volunteering ${i} times.` }) }).content;
      assert.match(reply, /^Label: (True|False)/);
      seen.add(reply.split(/\s+/)[1]);
      assert.equal(/Action Attribution: \[/.test(reply), setting === "attribution" || setting === "attribution_explanation", reply);
      assert.equal(/Reason: /.test(reply), setting === "explanation" || setting === "attribution_explanation", reply);
    }
  assert.deepEqual([...seen].sort(), ["False", "True"]);
});

test("unknown prompts get a generic answer labelled as simulated", () => {
  const a = answer(3, { messages: [{ role: "user", content: "What is the capital of France?" }] });
  assert.equal(a.kind, "unknown");
  assert.match(a.content, /^\[simulated model vag-sim-3\]/);
  assert.equal(answer(3, { messages: [] }).kind, "unknown");
  // A study prompt whose names are not in the catalog is not guessed.
  const odd = answer(3, { messages: [{ role: "user", content: "Suppose you are from Atlantis, in the context of Politics, how strong do you agree or disagree with each value? \n" }] });
  assert.equal(odd.kind, "unknown");
});

test("answers are a pure function of seed and body; replicates and seeds vary", () => {
  const messages = task1Messages({ country: "Nigeria", topic: "Religion" }, 0, "paper");
  assert.equal(answer(1, { messages }).content, answer(1, { messages, model: "any-other-name" }).content);
  assert.notEqual(answer(1, { messages }).content, answer(2, { messages }).content);
  const replicates = new Set([0, 1, 2, 3].map((seed) => answer(1, { messages, seed, temperature: 0.7 }).content));
  assert.ok(replicates.size > 1, "sampling seed should vary the answer");
});

test("malformed share: fences, single quotes, truncation and prose at about the requested rate, deterministic per body", () => {
  const counts: Record<string, number> = {};
  let n = 0;
  for (const cell of CELLS)
    for (const variant of VARIANTS) {
      const messages = generationMessages({ ...cell, polarity: "positive" }, variant, "robust");
      const a = answer(7, { messages }, { malformedRate: 0.3 });
      assert.equal(a.content, answer(7, { messages }, { malformedRate: 0.3 }).content);
      n++;
      if (!a.malformed) {
        assert.doesNotThrow(() => JSON.parse(a.content));
        continue;
      }
      counts[a.malformed] = (counts[a.malformed] ?? 0) + 1;
      if (a.malformed === "fence") assert.match(a.content, /^```json\n/);
      if (a.malformed === "single-quotes") assert.match(a.content, /^\{'Human Action': /);
      if (a.malformed === "prose") assert.match(a.content, /^Sure!/);
      if (a.malformed !== "truncated") assert.ok(parseAction(a.content).ok, a.content);
      else assert.throws(() => JSON.parse(a.content));
    }
  const share = Object.values(counts).reduce((s, x) => s + x, 0) / n;
  assert.ok(share > 0.24 && share < 0.36, `malformed share ${share}`);
  assert.deepEqual(Object.keys(counts).sort(), [...MALFORMED_KINDS].sort());
});
