import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS } from "../../src/catalog";
import { task1Messages, task1Prompt, PROMPT_VARIANTS } from "../../src/prompts";

// Expected texts are transcribed by hand from method.md §2 and §4 (definitions,
// portraits, blocks), not computed by the code under test.

/** Claim lines in claim order, paper protocol: Sense of Belonging with TWO spaces. */
const CLAIMS_PAPER = [
  "Equality: equal opportunity for all.",
  "Inner Harmony: at peace with myself.",
  "Social Power: control over others, dominance.",
  "Pleasure: gratification of desires.",
  "Freedom: freedom of action and thought.",
  "A Spiritual Life: emphasis on spiritual not material matters.",
  "Sense of Belonging: feeling  that others care about me.",
  "Social Order: stability of society.",
  "An Exciting Life: stimulating experience.",
  "Meaning in Life: a purpose in life.",
  "Politeness: courtesy, good manners.",
  "Wealth: material possessions, money.",
  "National Security: protection of my nation from enemies.",
  "Self-Respect: belief in one's own worth.",
  "Reciprocation of Favors: avoidance of indebtedness.",
  "Creativity: uniqueness, imagination.",
  "A World at Peace: free of war and conflict.",
  "Respect for Tradition: preservation of time-honored customs.",
  "Mature Love: deep emotional and spiritual intimacy.",
  "Self-Discipline: self-restraint, resistance to temptation.",
  "Detachment: from worldly concerns.",
  "Family Security: safety for loved ones.",
  "Social Recognition: respect, approval by others.",
  "Unity With Nature: fitting into nature.",
  "A Varied Life: filled with challenge, novelty, and change.",
  "Wisdom: a mature understanding of life.",
  "Authority: the right to lead or command.",
  "True Friendship: close, supportive friends.",
  "A World of Beauty: beauty of nature and the arts.",
  "Social Justice: correcting injustice, care for the weak.",
  "Independent: self-reliant, self-sufficient.",
  "Moderate: avoiding extremes of feeling and action.",
  "Loyal: faithful to my friends, group.",
  "Ambitious: hardworking, aspriring.",
  "Broad-Minded: tolerant of different ideas and beliefs.",
  "Humble: modest, self-effacing.",
  "Daring: seeking adventure, risk.",
  "Protecting the Environment: preserving nature.",
  "Influential: having an impact on people and events.",
  "Honoring of Parents and Elders: showing respect.",
  "Choosing Own Goals: selecting own purposes.",
  "Healthy: not being sick physically or mentally.",
  "Capable: competent, effective, efficient.",
  "Accepting my Portion in Life: submitting to life's circumstances.",
  "Honest: genuine, sincere.",
  "Preserving my Public Image: protecting my 'face'.",
  "Obedient: dutiful, meeting obligations.",
  "Intelligent: logical, thinking.",
  "Helpful: working for the welfare of others.",
  "Enjoying Life: enjoying food, sex, leisure, etc..",
  "Devout: holding to religious faith and belief.",
  "Responsible: dependable, reliable.",
  "Curious: interested in everything, exploring.",
  "Forgiving: willing to pardon others.",
  "Successful: achieving goals.",
  "Clean: neat, tidy.",
];

/** Portrait lines in claim order, paper protocol ("likesmaterial" included). */
const PORTRAITS_PAPER = [
  "Equality: she/he values Equality and likes equal opportunity for all.",
  "Inner Harmony: she/he values Inner Harmony and likes to be at peace with herself/himself.",
  "Social Power: she/he values Social Power and likes to control over others, dominance.",
  "Pleasure: she/he values Pleasure and likes gratification of desires.",
  "Freedom: she/he values Freedom and likes freedom of action and thought.",
  "A Spiritual Life: she/he values A Spiritual Life and likes emphasis on spiritual not material matters.",
  "Sense of Belonging: she/he values Sense of Belonging and likes feeling that others care about her/him.",
  "Social Order: she/he values Social Order and likes stability of society.",
  "An Exciting Life: she/he values An Exciting Life and likes stimulating experience.",
  "Meaning in Life: she/he values Meaning in Life and likes a purpose in life.",
  "Politeness: she/he values Politeness and likes courtesy and good manners.",
  "Wealth: she/he values Wealth and likesmaterial possessions and money.",
  "National Security: she/he values National Security and likes protection of her/his nation from enemies.",
  "Self-Respect: she/he values Self-Respect and likes belief in her/his own worth.",
  "Reciprocation of Favors: she/he values Reciprocation of Favors and likes avoidance of indebtedness.",
  "Creativity: she/he values Creativity and likes uniqueness and imagination.",
  "A World at Peace: she/he values A World at Peace and likes free of war and conflict.",
  "Respect for Tradition: she/he values Respect for Tradition and likes preservation of time-honored customs.",
  "Mature Love: she/he values Mature Love and likes deep emotional and spiritual intimacy.",
  "Self-Discipline: she/he values Self-Discipline and likes self-restraint and resistance to temptation.",
  "Detachment: she/he values Detachment and likes to be free from worldly concerns.",
  "Family Security: she/he values Family Security and likes safety for loved ones.",
  "Social Recognition: she/he values Social Recognition and likes respect, approval by others.",
  "Unity With Nature: she/he values Unity With Nature and likes fitting into nature.",
  "A Varied Life: she/he values A Varied Life and likes to be filled with challenge, novelty, and change.",
  "Wisdom: she/he values Wisdom and likes a mature understanding of life.",
  "Authority: she/he values Authority and likes the right to lead or command.",
  "True Friendship: she/he values True Friendship and likes close, supportive friends.",
  "A World of Beauty: she/he values A World of Beauty and likes beauty of nature and the arts.",
  "Social Justice: she/he values Social Justice and likes correcting injustice, care for the weak.",
  "Independent: she/he values Independent and likes to be self-reliant, self-sufficient.",
  "Moderate: she/he values Moderate and likes to avoid extremes of feeling and action.",
  "Loyal: she/he values Loyal and likes to be faithful to her/his friends, group.",
  "Ambitious: she/he values Ambitious and likes hardworking, aspriring.",
  "Broad-Minded: she/he values Broad-Minded and likes to be tolerant of different ideas and beliefs.",
  "Humble: she/he values Humble and likes to be modest, self-effacing.",
  "Daring: she/he values Daring and likes seeking adventure, risk.",
  "Protecting the Environment: she/he values Protecting the Environment and likes preserving nature.",
  "Influential: she/he values Influential and likes having an impact on people and events.",
  "Honoring of Parents and Elders: she/he values Honoring of Parents and Elders and likes showing respect.",
  "Choosing Own Goals: she/he values Choosing Own Goals and likes selecting own purposes.",
  "Healthy: she/he values Healthy and likes not being sick physically or mentally.",
  "Capable: she/he values Capable and likes to be competent, effective, efficient.",
  "Accepting my Portion in Life: she/he values Accepting my Portion in Life and likes submitting to life's circumstances.",
  "Honest: she/he values Honest and likes to be genuine, sincere.",
  "Preserving my Public Image: she/he values Preserving my Public Image and likes protecting her/his 'face'.",
  "Obedient: she/he values Obedient and likes to be dutiful, meeting obligations.",
  "Intelligent: she/he values Intelligent and likes to be logical, thinking.",
  "Helpful: she/he values Helpful and likes to work for the welfare of others.",
  "Enjoying Life: she/he values Enjoying Life and likes enjoying food, sex, leisure, etc..",
  "Devout: she/he values Devout and likes holding to religious faith and belief.",
  "Responsible: she/he values Responsible and likes to be dependable, reliable.",
  "Curious: she/he values Curious and likes to be interested in everything, exploring.",
  "Forgiving: she/he values Forgiving and likes to be willing to pardon others.",
  "Successful: she/he values Successful and likes to achieve goals.",
  "Clean: she/he values Clean and likes to be neat, tidy.",
];

const lines = (ls: string[]) => ls.map((l) => l + "\n").join("");
const CTX = "Suppose you are from Uganda, in the context of Family & Changing Gender Roles, how strong do you agree or disagree with each value? \n";
const CLAIM_OPTS = "Options: 1: strongly agree, 2: agree, 3: disagree, 4: strongly disagree \n";
const PORTRAIT_OPTS = "Options: 1: very much like me, 2: like me, 3: not like me, 4: Not like me at all \n";
const CHAT = "Answer in JSON format, where the key should be a string of value name (e.g., Equality), and the value should be a string option.";
const COMPLETION = "Answer in JSON format, where the key should be a string of value name (e.g., Equality), and the value should be a string option. The answer is:";
const item = { country: "Uganda", topic: "Family & Changing Gender Roles" } as const;

/** Variant table of method.md §4, written out. */
function expected(ctx: string, portraitCtx: string, claims: string, portraits: string): string[] {
  return [
    ctx + claims + CLAIM_OPTS + CHAT,
    ctx + CLAIM_OPTS + claims + CHAT,
    portraitCtx + portraits + PORTRAIT_OPTS + CHAT,
    portraitCtx + PORTRAIT_OPTS + portraits + CHAT,
    ctx + claims + CLAIM_OPTS + COMPLETION,
    ctx + CLAIM_OPTS + claims + COMPLETION,
    portraitCtx + portraits + PORTRAIT_OPTS + COMPLETION,
    portraitCtx + PORTRAIT_OPTS + portraits + COMPLETION,
  ];
}

test("the transcribed blocks have 56 lines each", () => {
  assert.equal(CLAIMS_PAPER.length, 56);
  assert.equal(PORTRAITS_PAPER.length, 56);
});

test("paper: every Task 1 variant 0..7 (SVS context even for portraits, double space, likesmaterial)", () => {
  const want = expected(CTX, CTX, lines(CLAIMS_PAPER), lines(PORTRAITS_PAPER));
  for (const k of PROMPT_VARIANTS) assert.equal(task1Prompt(item, k, "paper"), want[k], `variant ${k}`);
});

test("robust: every Task 1 variant differs from paper only by the three fixes of method.md §12.7", () => {
  const pvq = "Suppose you are from Uganda, in the context of Family & Changing Gender Roles, how much is each person described below like you? \n";
  const claims = CLAIMS_PAPER.map((l) => (l.startsWith("Sense of Belonging:") ? "Sense of Belonging: feeling that others care about me." : l));
  const portraits = PORTRAITS_PAPER.map((l) =>
    l.startsWith("Wealth:") ? "Wealth: she/he values Wealth and likes material possessions and money." : l,
  );
  const want = expected(CTX, pvq, lines(claims), lines(portraits));
  for (const k of PROMPT_VARIANTS) assert.equal(task1Prompt(item, k, "robust"), want[k], `variant ${k}`);
});

test("robust vs paper, line by line: claims differ in one line, portraits in two (context, Wealth)", () => {
  const diff = (k: number) => {
    const p = task1Prompt(item, k, "paper").split("\n");
    const r = task1Prompt(item, k, "robust").split("\n");
    assert.equal(p.length, r.length);
    return p.flatMap((line, i) => (line === r[i] ? [] : [[line, r[i]]]));
  };
  for (const k of [0, 1, 4, 5]) {
    assert.deepEqual(diff(k), [
      ["Sense of Belonging: feeling  that others care about me.", "Sense of Belonging: feeling that others care about me."],
    ]);
  }
  for (const k of [2, 3, 6, 7]) {
    const d = diff(k);
    assert.equal(d.length, 2, `variant ${k}`);
    assert.ok(d[0][0].endsWith("how strong do you agree or disagree with each value? "));
    assert.ok(d[0][1].endsWith("how much is each person described below like you? "));
    assert.deepEqual(d[1], [
      "Wealth: she/he values Wealth and likesmaterial possessions and money.",
      "Wealth: she/he values Wealth and likes material possessions and money.",
    ]);
  }
});

test("spot check: first and last lines of variants 0 and 2 (paper)", () => {
  const v0 = task1Prompt({ country: "United States", topic: "Politics" }, 0, "paper").split("\n");
  assert.equal(v0[0], "Suppose you are from United States, in the context of Politics, how strong do you agree or disagree with each value? ");
  assert.equal(v0[1], "Equality: equal opportunity for all.");
  assert.equal(v0[56], "Clean: neat, tidy.");
  assert.equal(v0.at(-1), "Answer in JSON format, where the key should be a string of value name (e.g., Equality), and the value should be a string option.");
  assert.equal(v0.at(-2), "Options: 1: strongly agree, 2: agree, 3: disagree, 4: strongly disagree ");
  assert.equal(v0.length, 59);

  const v2 = task1Prompt({ country: "United States", topic: "Politics" }, 2, "paper").split("\n");
  assert.equal(v2[0], "Suppose you are from United States, in the context of Politics, how strong do you agree or disagree with each value? ");
  assert.equal(v2[1], "Equality: she/he values Equality and likes equal opportunity for all.");
  assert.equal(v2[56], "Clean: she/he values Clean and likes to be neat, tidy.");
  assert.equal(v2.at(-2), "Options: 1: very much like me, 2: like me, 3: not like me, 4: Not like me at all ");
  assert.equal(v2.at(-1), "Answer in JSON format, where the key should be a string of value name (e.g., Equality), and the value should be a string option.");
});

test("'aspriring' stays in both protocols, in claims and portraits", () => {
  for (const protocol of ["paper", "robust"] as const) {
    assert.ok(task1Prompt(item, 0, protocol).includes("\nAmbitious: hardworking, aspriring.\n"), protocol);
    assert.ok(task1Prompt(item, 2, protocol).includes("\nAmbitious: she/he values Ambitious and likes hardworking, aspriring.\n"));
  }
});

test("task1Messages is one user message and no system prompt", () => {
  assert.deepEqual(task1Messages(item, 6, "paper"), [{ role: "user", content: task1Prompt(item, 6, "paper") }]);
});

test("all 132 scenarios x 8 variants render with their country and topic and no unfilled placeholder", () => {
  let n = 0;
  for (const country of COUNTRIES)
    for (const topic of TOPICS)
      for (const k of PROMPT_VARIANTS)
        for (const protocol of ["paper", "robust"] as const) {
          const p = task1Prompt({ country, topic }, k, protocol);
          assert.ok(p.startsWith(`Suppose you are from ${country}, in the context of ${topic}, `));
          assert.ok(!/undefined|\$\{/.test(p));
          assert.equal(p.split("\n").length, 59);
          n++;
        }
  assert.equal(n, 132 * 8 * 2);
});
