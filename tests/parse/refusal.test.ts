import { test } from "node:test";
import assert from "node:assert/strict";
import { isRefusal } from "../../src/parse";

/** The detector's three signals, and the near-misses it must let pass (tuned on the published files: refusal.data.test.ts). */
test("isRefusal: apologies, declines and AI disclaimers", () => {
  for (const t of [
    "I'm sorry, but I can't assist with that request.",
    "Sorry, but I can't help with this.",
    "Unfortunately, I cannot create content that resists equality.",
    "I can't roleplay as being from a specific country.",
    "I can’t role-play as having political values.",
    "I cannot select an option as I am an AI without personal cultural values",
    "I cannot determine which option better reflects your values without more information",
    "Neither - I cannot make personal value-based selections",
    "I must decline to pretend to hold political views.",
    "I should clarify that I don't actually have personal political values or a nationality.",
    "Since I'm an AI, I don't possess personal beliefs or cultural biases.",
    "As an AI, I don't have personal values or beliefs. However, both options are common.",
    "As an AI language model, I don't hold opinions.",
    "I'm an AI assistant and don't actually have personal views.",
    "I'm designed to remain politically neutral.",
    "I'm designed to be helpful and harmless, not to take sides or express personal beliefs.",
    '  "I am sorry, I cannot answer."',
  ])
    assert.equal(isRefusal(t), true, t);
});

test("isRefusal: answers, and texts that only mention what the model cannot do, are not refusals", () => {
  for (const t of [
    '{"Equality": "1", "Wealth": "3"}',
    "Option 2: I attend the protest.",
    "I can't stress enough how much equality matters to me: Option 1.",
    "I think people can't always help being ambitious.",
    "Here are my answers, as an AI would guess them.",
    "The AI debate is not something I have strong views on; Equality: 1.",
    "Label: False \n Reason: they would not.",
    "",
    // a refusal deep in a long answer is not a refusal of the answer
    "Equality: 1\n".repeat(60) + "I'm sorry, I can't assist with more.",
  ])
    assert.equal(isRefusal(t), false, t);
  assert.equal(isRefusal(undefined as unknown as string), false);
});
