import { test } from "node:test";
import assert from "node:assert/strict";
import {
  FEWSHOT_SETTINGS,
  FEWSHOT_SETTING_LABEL,
  FEWSHOT_SYSTEM,
  fewShotCompletion,
  fewShotMessages,
  pythonListRepr,
  pythonStrRepr,
  type FewShot,
} from "../../src/prompts";

// Expected texts are transcribed by hand from method.md §8 and the authors'
// few-shot script it describes (the system text there is a triple-quoted
// Python string: newline after the prefix, four-space indents, trailing "\n    ").

const SYSTEM =
  "You are an AI trained to solve specific tasks based on examples. \n" +
  "    You are a action predictor. Given a textual action, predict if an agent will perform it or not:\n" +
  "    1. The overall label (True/False)\n" +
  "    3. Reason for the assessment\n" +
  "    Format your response exactly like the examples.\n" +
  "    ";

const shotT: FewShot = {
  action: "I volunteer at the local clinic every weekend.",
  attributions: ["volunteer", "local clinic"],
  explanation: "Helping others shows benevolence.",
  label: true,
};
const shotF: FewShot = {
  action: "I avoid my neighbours' requests.",
  attributions: ["avoid", "neighbours' requests"],
  explanation: "It ignores the welfare of others.",
  label: false,
};
const query = { action: "I donate blood twice a year.", attributions: ["donate blood"], explanation: "Giving." };

test("settings in the authors' run order, with the paper's names", () => {
  assert.deepEqual([...FEWSHOT_SETTINGS], ["default", "attribution", "explanation", "attribution_explanation"]);
  assert.deepEqual(FEWSHOT_SETTING_LABEL, {
    default: "Act",
    attribution: "Act+Attr",
    explanation: "Act+Exp",
    attribution_explanation: "All",
  });
});

test("system message is the authors' bytes", () => {
  assert.equal(FEWSHOT_SYSTEM, SYSTEM);
});

test("completion formats of the 4 settings (two spaces before \\n only in 'attribution')", () => {
  assert.equal(fewShotCompletion("default", shotT), "Label: True");
  assert.equal(fewShotCompletion("default", shotF), "Label: False");
  assert.equal(fewShotCompletion("attribution", shotT), "Label: True  \n Action Attribution: ['volunteer', 'local clinic']");
  assert.equal(fewShotCompletion("explanation", shotF), "Label: False \n Reason: It ignores the welfare of others.");
  assert.equal(
    fewShotCompletion("attribution_explanation", shotF),
    `Label: False \n Action Attribution: ['avoid', "neighbours' requests"] \n Reason: It ignores the welfare of others.`,
  );
});

for (const setting of FEWSHOT_SETTINGS) {
  test(`fewShotMessages(${setting}): system, a user/assistant pair per shot in order, then the query`, () => {
    const msgs = fewShotMessages(setting, [shotT, shotF], query);
    assert.deepEqual(msgs, [
      { role: "system", content: SYSTEM },
      { role: "user", content: "Predict the Action: 'I volunteer at the local clinic every weekend.'" },
      { role: "assistant", content: fewShotCompletion(setting, shotT) },
      { role: "user", content: "Predict the Action: 'I avoid my neighbours' requests.'" },
      { role: "assistant", content: fewShotCompletion(setting, shotF) },
      { role: "user", content: "Predict the Action: 'I donate blood twice a year.'" },
    ]);
    // The query reveals only the action, whatever the setting.
    assert.ok(!msgs.at(-1)!.content.includes("donate blood']"));
    assert.ok(!msgs.at(-1)!.content.includes("Giving."));
  });
}

test("no shots: system and query only", () => {
  assert.deepEqual(fewShotMessages("explanation", [], { action: "x" }), [
    { role: "system", content: SYSTEM },
    { role: "user", content: "Predict the Action: 'x'" },
  ]);
});

test("Python repr of attribution lists: quote choice and escapes as Python prints them", () => {
  assert.equal(pythonListRepr([]), "[]");
  assert.equal(pythonListRepr(["a"]), "['a']");
  assert.equal(pythonStrRepr("don't"), `"don't"`);
  assert.equal(pythonStrRepr(`say "hi"`), `'say "hi"'`);
  assert.equal(pythonStrRepr(`it's "x"`), `'it\\'s "x"'`);
  assert.equal(pythonStrRepr("a\\b"), "'a\\\\b'");
  assert.equal(pythonStrRepr("l1\nl2\tx\r"), "'l1\\nl2\\tx\\r'");
  assert.equal(pythonStrRepr("café – naïve"), "'café – naïve'");
  assert.equal(pythonStrRepr("a\u00a0b\u200bc\u0007"), "'a\\xa0b\\u200bc\\x07'");
  assert.equal(pythonStrRepr("😀"), "'😀'");
});
