import assert from "node:assert/strict";
import { test } from "node:test";
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
