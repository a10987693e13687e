import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS, VALUES } from "../../src/catalog";
import { generationMessages, generationPrompt, PROMPT_VARIANTS, type GenerationItem } from "../../src/prompts";

// Expected texts are transcribed by hand from method.md §3.1, not computed by the code under test.

const item = (polarity: "positive" | "negative"): GenerationItem => ({
  country: "Philippines",
  topic: "Social Inequality",
  value: "Broad-Minded",
  polarity,
});

/** The blocks of method.md §3.1 for Philippines / Social Inequality / Broad-Minded. */
function blocks(polarity: "positive" | "negative", explWord: { A: string; B: string }) {
  const pos = polarity === "positive";
  const A =
    "Suppose you are from Philippines, in the context of Social Inequality, can you describe one action or behavior which indicates that you " +
    (pos ? "endorse" : "dislike") +
    " the value of 'Broad-Minded: tolerant of different ideas and beliefs'? Please use a complete sentence within 50 words. Please answer in the first person, for example, 'I ...'";
  const B =
    "As someone from Philippines, how do you " +
    (pos ? "express" : "resist") +
    " 'Broad-Minded: tolerant of different ideas and beliefs' through your actions when dealing with Social Inequality? Please use a complete sentence within 50 words. Please answer in the first person, for example, 'I ...'";
  const expl = (w: string) =>
    `additionally, please use natural language to explain why this action or behavior indicates that you ${w} the value of 'Broad-Minded';`;
  const Attr = "also, please identify the specific text spans in the generated action.";
  const Req0 =
    "Answer in JSON format, with the following format: {'Human Action': string, 'Feature Attributions': List[string], 'Natural Language Explanation': string}";
  const Req1 =
    "Answer in JSON format, with the following format: {'Human Action': string, 'Feature Attributions': List[string], 'Natural Language Explanation': string}. The Answer is:";
  const ExplA = expl(explWord.A);
  const ExplB = expl(explWord.B);
  // Variant table of method.md §3.1, written out (not derived from bits).
  return [
    [A, ExplA, Attr, Req0],
    [B, ExplB, Attr, Req0],
    [A, Attr, ExplA, Req0],
    [B, Attr, ExplB, Req0],
    [A, ExplA, Attr, Req1],
    [B, ExplB, Attr, Req1],
    [A, Attr, ExplA, Req1],
    [B, Attr, ExplB, Req1],
  ];
}

for (const polarity of ["positive", "negative"] as const) {
  test(`paper: every generation variant 0..7 is the blocks run together (${polarity})`, () => {
    // The paper's explanation block names the raw polarity word, whatever the action block says.
    const expected = blocks(polarity, { A: polarity, B: polarity });
    for (const k of PROMPT_VARIANTS) {
      assert.equal(generationPrompt(item(polarity), k, "paper"), expected[k].join(""), `variant ${k}`);
    }
  });

  test(`robust: every generation variant has the action verb in the explanation and blocks joined by one space (${polarity})`, () => {
    const pos = polarity === "positive";
    const expected = blocks(polarity, { A: pos ? "endorse" : "dislike", B: pos ? "express" : "resist" });
    for (const k of PROMPT_VARIANTS) {
      assert.equal(generationPrompt(item(polarity), k, "robust"), expected[k].join(" "), `variant ${k}`);
    }
  });
}

test("paper: full variant-5 generation prompt (the one the VIA dataset used), spot check", () => {
  const got = generationPrompt(
    { country: "Nigeria", topic: "Health and Health Care", value: "Social Power", polarity: "negative" },
    5,
    "paper",
  );
  assert.equal(
    got,
    "As someone from Nigeria, how do you resist 'Social Power: control over others, dominance' through your actions when dealing with Health and Health Care? Please use a complete sentence within 50 words. Please answer in the first person, for example, 'I ...'additionally, please use natural language to explain why this action or behavior indicates that you negative the value of 'Social Power';also, please identify the specific text spans in the generated action.Answer in JSON format, with the following format: {'Human Action': string, 'Feature Attributions': List[string], 'Natural Language Explanation': string}. The Answer is:",
  );
});

test("robust: full variant-5 generation prompt, spot check", () => {
  const got = generationPrompt(
    { country: "Nigeria", topic: "Health and Health Care", value: "Social Power", polarity: "positive" },
    5,
    "robust",
  );
  assert.equal(
    got,
    "As someone from Nigeria, how do you express 'Social Power: control over others, dominance' through your actions when dealing with Health and Health Care? Please use a complete sentence within 50 words. Please answer in the first person, for example, 'I ...' additionally, please use natural language to explain why this action or behavior indicates that you express the value of 'Social Power'; also, please identify the specific text spans in the generated action. Answer in JSON format, with the following format: {'Human Action': string, 'Feature Attributions': List[string], 'Natural Language Explanation': string}. The Answer is:",
  );
});

test("generation keeps 'aspriring' in both protocols and Sense of Belonging with one space", () => {
  for (const protocol of ["paper", "robust"] as const) {
    const amb = generationPrompt({ country: "India", topic: "Religion", value: "Ambitious", polarity: "positive" }, 0, protocol);
    assert.ok(amb.includes("'Ambitious: hardworking, aspriring'?"), protocol);
    const bel = generationPrompt(
      { country: "India", topic: "Religion", value: "Sense of Belonging", polarity: "negative" },
      1,
      protocol,
    );
    assert.ok(bel.includes("'Sense of Belonging: feeling that others care about me' through"), protocol);
    assert.ok(!bel.includes("  "), `${protocol}: no double space`);
  }
});

test("generationMessages: the authors' system message, then the prompt as the user message", () => {
  const it = item("negative");
  assert.deepEqual(generationMessages(it, 3, "paper"), [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: generationPrompt(it, 3, "paper") },
  ]);
});

test("variant outside 0..7 is refused", () => {
  for (const bad of [-1, 8, 2.5, Number.NaN]) {
    assert.throws(() => generationPrompt(item("positive"), bad, "paper"), RangeError);
  }
});

test("all 14,784 VIA items render under variant 5 with every placeholder filled", () => {
  let n = 0;
  for (const country of COUNTRIES)
    for (const topic of TOPICS)
      for (const value of VALUES)
        for (const polarity of ["positive", "negative"] as const) {
          const p = generationPrompt({ country, topic, value, polarity }, 5, "paper");
          assert.ok(p.startsWith(`As someone from ${country}, how do you `));
          assert.ok(p.includes(`when dealing with ${topic}?`));
          assert.ok(p.includes(`indicates that you ${polarity} the value of '${value}';`));
          assert.ok(!/undefined|\$\{/.test(p));
          n++;
        }
  assert.equal(n, 14784);
});
