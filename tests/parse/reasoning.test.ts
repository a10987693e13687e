import assert from "node:assert/strict";
import { test } from "node:test";
import * as reasoning from "../../src/parse/reasoning";
import { splitReasoning } from "../../src/parse/reasoning";

test("splitReasoning: a text without tags is returned as the same string", () => {
  const t = ' {"action": "Option 1"}\n';
  const r = splitReasoning(t);
  assert.equal(r.answer, t);
  assert.deepEqual({ reasoning: r.reasoning, truncated: r.truncated }, { reasoning: null, truncated: false });
});

test("splitReasoning: a closed leading block with a draft answer is reasoning", () => {
  const r = splitReasoning('<think>\nMaybe {"action": "Option 1"}? No.\n</think>\n\n{"action": "Option 2"}');
  assert.deepEqual(r, { answer: '{"action": "Option 2"}', reasoning: 'Maybe {"action": "Option 1"}? No.', truncated: false });
});

test("splitReasoning: <thinking> and <reasoning>, any case, several blocks", () => {
  const r = splitReasoning("<Thinking>a</Thinking>X <REASONING>b</reasoning>Y");
  assert.deepEqual(r, { answer: "X Y", reasoning: "a\n\nb", truncated: false });
});

test("splitReasoning: a closing tag without an opener (template-opened block)", () => {
  const r = splitReasoning('Option 1 looks right...</think>\n{"action": "Option 2"}');
  assert.deepEqual(r, { answer: '{"action": "Option 2"}', reasoning: "Option 1 looks right...", truncated: false });
});

test("splitReasoning: an unclosed leading <think> is truncation with no answer", () => {
  const r = splitReasoning('<think>I think {"Equality": "1", ');
  assert.deepEqual(r, { answer: "", reasoning: 'I think {"Equality": "1",', truncated: true });
});

test("splitReasoning: an answer followed by an unclosed block keeps the answer", () => {
  const r = splitReasoning('{"action": "Option 2"}\n<think>hm');
  assert.deepEqual(r, { answer: '{"action": "Option 2"}', reasoning: "hm", truncated: true });
});

test("splitReasoning: nested openers of the same name stay inside the block", () => {
  const r = splitReasoning("<think>a <think> b</think>ANSWER");
  assert.deepEqual(r, { answer: "ANSWER", reasoning: "a <think> b", truncated: false });
});

test("answerText: the answer, or null for reasoning with nothing after it", () => {
  const { answerText } = reasoning;
  assert.equal(answerText('{"a": 1}'), '{"a": 1}');
  assert.equal(answerText('<think>x</think>\n{"a": 1}'), '{"a": 1}');
  assert.equal(answerText("<think>x"), null);
  assert.equal(answerText("<think>"), null);
  assert.equal(answerText("<think>x</think>\n  "), null);
  assert.equal(answerText("x</think>"), null);
  // empty tags and nothing else: no reasoning was written, the (empty) text is the answer
  assert.equal(answerText("<think></think>"), "");
  assert.equal(answerText(""), "");
});

test("maskReasoning: blocks (tags included) become spaces, positions are kept", () => {
  const { maskReasoning } = reasoning;
  const t = 'a<think>{"x": 1}</think>b<thinking>c';
  const m = maskReasoning(t);
  assert.equal(m.length, t.length);
  assert.equal(m, "a" + " ".repeat('<think>{"x": 1}</think>'.length) + "b" + " ".repeat("<thinking>c".length));
  assert.equal(maskReasoning("draft</think>answer"), " ".repeat("draft</think>".length) + "answer");
  const plain = '{"Wealth": "3"}';
  assert.equal(maskReasoning(plain), plain);
});

test("splitReasoning: many blocks are split in one pass (a 1 MB text of 60,000 blocks)", () => {
  const t = "<think>x</think>y".repeat(60_000);
  const r = splitReasoning(t);
  assert.equal(r.answer, "y".repeat(60_000));
  assert.equal(r.truncated, false);
  const m = reasoning.maskReasoning(t);
  assert.equal(m.replace(/ /g, ""), "y".repeat(60_000));
});
