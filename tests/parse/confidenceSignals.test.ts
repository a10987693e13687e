import { test } from "node:test";
import assert from "node:assert/strict";
import { readVerbalizedConfidence } from "../../src/parse/verbalized";
import { task1AnswerProbabilities, task2AnswerProbability, type TokenLogprob } from "../../src/parse/answerProbability";
import { parseTask1 } from "../../src/parse/task1";
import { parseTask2 } from "../../src/parse/task2";
import { task1Prompt, task2Prompt, TASK1_VERBALIZED, TASK2_VERBALIZED } from "../../src/prompts";

test("verbalized confidence: percent, share, strings; anything else is null, never a throw", () => {
  assert.equal(readVerbalizedConfidence('{"action": "Option 2", "confidence": 80}'), 0.8);
  assert.equal(readVerbalizedConfidence('{"action": "Option 2", "Confidence": "85%"}'), 0.85);
  assert.equal(readVerbalizedConfidence("```json\n{'action': 'Option 1', 'confidence': '70/100'}\n```"), 0.7);
  assert.equal(readVerbalizedConfidence('{"confidence": 0.9}'), 0.9);
  assert.equal(readVerbalizedConfidence('{"confidence": 1}'), 0.01); // an integer is a percent
  assert.equal(readVerbalizedConfidence('{"answers": {"confidence_score": 55}}'), 0.55);
  for (const bad of ['{"action": "Option 2"}', '{"confidence": "high"}', '{"confidence": 140}', '{"confidence": -5}', "no json", "", '{"confidence": 50} {"confidence": 60}'])
    assert.equal(readVerbalizedConfidence(bad), null, bad);
  assert.equal(readVerbalizedConfidence(undefined as unknown as string), null);
});

test("the answer parsers ignore the confidence key", () => {
  const t1 = parseTask1('{"Equality": "1", "Wealth": "3: disagree", "confidence": 90}', "robust");
  assert.ok(t1.ok && t1.value.Equality === 1 && t1.value.Wealth === 3);
  const t2 = parseTask2('{"explanation": "x", "action": "Option 2", "confidence": 75}', "robust");
  assert.ok(t2.ok && t2.value.choice === 2);
});

test("verbalized prompts: robust only, the request appended to Task 1 and a field added to Task 2", () => {
  const item = { country: "Egypt" as const, topic: "Politics" as const };
  assert.equal(task1Prompt(item, 0, "robust", { verbalized: true }), task1Prompt(item, 0, "robust") + TASK1_VERBALIZED);
  assert.throws(() => task1Prompt(item, 0, "paper", { verbalized: true }), RangeError);
  const pair = { ...item, value: "Wealth" as const, negative: "I avoid money.", positive: "I save money." };
  for (const k of [4, 5]) {
    const p = task2Prompt(pair, k, "robust", { verbalized: true });
    assert.ok(p.includes('(Option 1 or Option 2)\n' + TASK2_VERBALIZED), p);
    assert.equal(p.replace(TASK2_VERBALIZED, ""), task2Prompt(pair, k, "robust"));
  }
  assert.throws(() => task2Prompt(pair, 5, "paper", { verbalized: true }), RangeError);
  // without the option the paper prompt is untouched
  assert.equal(task2Prompt(pair, 5, "paper"), task2Prompt(pair, 5, "robust"));
});

const tok = (token: string, p = 1, top: Array<[string, number]> = []): TokenLogprob => ({
  token,
  logprob: Math.log(p),
  top_logprobs: top.map(([t, q]) => ({ token: t, logprob: Math.log(q) })),
});

test("answer-token probabilities: same-meaning mass of the answer token, located by key", () => {
  // {"Wealth": "3", "Honest": "1: strongly agree"}
  const text = '{"Wealth": "3", "Honest": "1: strongly agree"}';
  const tokens = [
    tok('{"'), tok("Wealth"), tok('": "'),
    tok("3", 0.6, [["3", 0.6], ["4", 0.3], ["2", 0.1]]),
    tok('", "'), tok("Honest"), tok('": "'),
    tok("1", 0.5, [["1", 0.5], ["2", 0.3], ["3", 0.2]]),
    tok(": strongly agree"), tok('"}'),
  ];
  const p = task1AnswerProbabilities(text, tokens)!;
  assert.ok(Math.abs(p.Wealth! - 0.9) < 1e-12); // 3 and 4 both disagree
  assert.ok(Math.abs(p.Honest! - 0.8) < 1e-12); // 1 and 2 both agree
  assert.equal(p.Equality, null); // not answered
  // tokens that do not spell the text: nothing can be trusted
  assert.equal(task1AnswerProbabilities(text, tokens.slice(1)), null);
  assert.equal(task1AnswerProbabilities(text, null), null);
  // a label cut by the tokenizer: the chosen token is read with the text after it ("strongly agree");
  // an alternative is read alone: "agree" counts, "strongly" alone would be ambiguous and would not
  const lt = '{"Wealth": "strongly agree"}';
  const lp = task1AnswerProbabilities(lt, [tok('{"Wealth": "'), tok("strongly", 0.7, [["strongly", 0.7], ["agree", 0.2], ["disagree", 0.1]]), tok(" agree"), tok('"}')])!;
  assert.ok(Math.abs(lp.Wealth! - 0.9) < 1e-12, String(lp.Wealth));

  const t2 = '{"explanation": "Option 1 is rude", "action": "Option 2"}';
  const t2tokens = [tok('{"explanation": "Option 1 is rude", "action": "Option '), tok("2", 0.7, [["2", 0.7], ["1", 0.3]]), tok('"}')];
  assert.ok(Math.abs(task2AnswerProbability(t2, t2tokens)! - 0.7) < 1e-12);
  // without top_logprobs: the chosen token's own probability
  assert.ok(Math.abs(task2AnswerProbability(t2, [t2tokens[0], tok("2", 0.65), t2tokens[2]])! - 0.65) < 1e-12);
  assert.equal(task2AnswerProbability('{"action": "none"}', [tok('{"action": "none"}')]), null);
});
