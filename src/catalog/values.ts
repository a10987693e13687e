/**
 * The 56 Schwartz values in 10 groups.
 *
 * Two orders matter (method.md §2):
 *  - group order (`VALUES`): the column order of every matrix and heatmap;
 *  - claim order (`CLAIM_ORDER`): the order values are listed in Task 1 prompts (paper Table 7).
 */
export const VALUE_GROUPS = {
  Power: ["Social Power", "Authority", "Wealth", "Preserving my Public Image", "Social Recognition"],
  Achievement: ["Successful", "Capable", "Ambitious", "Influential", "Intelligent", "Self-Respect"],
  Hedonism: ["Pleasure", "Enjoying Life"],
  Stimulation: ["Daring", "A Varied Life", "An Exciting Life"],
  "Self-direction": ["Creativity", "Curious", "Freedom", "Choosing Own Goals", "Independent"],
  Universalism: [
    "Protecting the Environment",
    "A World of Beauty",
    "Broad-Minded",
    "Social Justice",
    "Wisdom",
    "Equality",
    "A World at Peace",
    "Inner Harmony",
    "Unity With Nature",
  ],
  Benevolence: [
    "Helpful",
    "Honest",
    "Forgiving",
    "Loyal",
    "Responsible",
    "True Friendship",
    "A Spiritual Life",
    "Mature Love",
    "Meaning in Life",
  ],
  Tradition: [
    "Devout",
    "Accepting my Portion in Life",
    "Humble",
    "Moderate",
    "Respect for Tradition",
    "Detachment",
  ],
  Conformity: ["Politeness", "Honoring of Parents and Elders", "Obedient", "Self-Discipline"],
  Security: [
    "Clean",
    "National Security",
    "Social Order",
    "Family Security",
    "Reciprocation of Favors",
    "Healthy",
    "Sense of Belonging",
  ],
} as const;

export type ValueGroup = keyof typeof VALUE_GROUPS;
export type Value = (typeof VALUE_GROUPS)[ValueGroup][number];

export const GROUPS = Object.keys(VALUE_GROUPS) as ValueGroup[];

/** All 56 values in group order (matrix column order). */
export const VALUES: readonly Value[] = GROUPS.flatMap((g) => VALUE_GROUPS[g] as readonly Value[]);

/** Group of each value. */
export const GROUP_OF: Record<Value, ValueGroup> = Object.fromEntries(
  GROUPS.flatMap((g) => (VALUE_GROUPS[g] as readonly Value[]).map((v) => [v, g])),
) as Record<Value, ValueGroup>;

/** Column index of each value in group order. */
export const VALUE_INDEX: Record<Value, number> = Object.fromEntries(VALUES.map((v, i) => [v, i])) as Record<
  Value,
  number
>;

/**
 * Definitions ("claims") in claim order, byte-exact as in the authors' code,
 * including the typo "aspriring". Sense of Belonging has one space here; the
 * Task 1 prompt of the paper protocol uses two (see prompts/task1.ts).
 */
export const DEFINITIONS: ReadonlyArray<readonly [Value, string]> = [
  ["Equality", "equal opportunity for all"],
  ["Inner Harmony", "at peace with myself"],
  ["Social Power", "control over others, dominance"],
  ["Pleasure", "gratification of desires"],
  ["Freedom", "freedom of action and thought"],
  ["A Spiritual Life", "emphasis on spiritual not material matters"],
  ["Sense of Belonging", "feeling that others care about me"],
  ["Social Order", "stability of society"],
  ["An Exciting Life", "stimulating experience"],
  ["Meaning in Life", "a purpose in life"],
  ["Politeness", "courtesy, good manners"],
  ["Wealth", "material possessions, money"],
  ["National Security", "protection of my nation from enemies"],
  ["Self-Respect", "belief in one's own worth"],
  ["Reciprocation of Favors", "avoidance of indebtedness"],
  ["Creativity", "uniqueness, imagination"],
  ["A World at Peace", "free of war and conflict"],
  ["Respect for Tradition", "preservation of time-honored customs"],
  ["Mature Love", "deep emotional and spiritual intimacy"],
  ["Self-Discipline", "self-restraint, resistance to temptation"],
  ["Detachment", "from worldly concerns"],
  ["Family Security", "safety for loved ones"],
  ["Social Recognition", "respect, approval by others"],
  ["Unity With Nature", "fitting into nature"],
  ["A Varied Life", "filled with challenge, novelty, and change"],
  ["Wisdom", "a mature understanding of life"],
  ["Authority", "the right to lead or command"],
  ["True Friendship", "close, supportive friends"],
  ["A World of Beauty", "beauty of nature and the arts"],
  ["Social Justice", "correcting injustice, care for the weak"],
  ["Independent", "self-reliant, self-sufficient"],
  ["Moderate", "avoiding extremes of feeling and action"],
  ["Loyal", "faithful to my friends, group"],
  ["Ambitious", "hardworking, aspriring"],
  ["Broad-Minded", "tolerant of different ideas and beliefs"],
  ["Humble", "modest, self-effacing"],
  ["Daring", "seeking adventure, risk"],
  ["Protecting the Environment", "preserving nature"],
  ["Influential", "having an impact on people and events"],
  ["Honoring of Parents and Elders", "showing respect"],
  ["Choosing Own Goals", "selecting own purposes"],
  ["Healthy", "not being sick physically or mentally"],
  ["Capable", "competent, effective, efficient"],
  ["Accepting my Portion in Life", "submitting to life's circumstances"],
  ["Honest", "genuine, sincere"],
  ["Preserving my Public Image", "protecting my 'face'"],
  ["Obedient", "dutiful, meeting obligations"],
  ["Intelligent", "logical, thinking"],
  ["Helpful", "working for the welfare of others"],
  ["Enjoying Life", "enjoying food, sex, leisure, etc."],
  ["Devout", "holding to religious faith and belief"],
  ["Responsible", "dependable, reliable"],
  ["Curious", "interested in everything, exploring"],
  ["Forgiving", "willing to pardon others"],
  ["Successful", "achieving goals"],
  ["Clean", "neat, tidy"],
];

/** Values in claim order (Task 1 prompt order). */
export const CLAIM_ORDER: readonly Value[] = DEFINITIONS.map(([v]) => v);

export const DEFINITION: Record<Value, string> = Object.fromEntries(DEFINITIONS) as Record<Value, string>;

/**
 * PVQ portraits for Task 1 variants 2, 3, 6, 7, byte-exact (the typo
 * "likesmaterial" included; the robust protocol repairs it in prompts/task1.ts).
 */
export const PORTRAIT: Record<Value, string> = {
  Equality: "likes equal opportunity for all",
  "Inner Harmony": "likes to be at peace with herself/himself",
  "Social Power": "likes to control over others, dominance",
  Pleasure: "likes gratification of desires",
  Freedom: "likes freedom of action and thought",
  "A Spiritual Life": "likes emphasis on spiritual not material matters",
  "Sense of Belonging": "likes feeling that others care about her/him",
  "Social Order": "likes stability of society",
  "An Exciting Life": "likes stimulating experience",
  "Meaning in Life": "likes a purpose in life",
  Politeness: "likes courtesy and good manners",
  Wealth: "likesmaterial possessions and money",
  "National Security": "likes protection of her/his nation from enemies",
  "Self-Respect": "likes belief in her/his own worth",
  "Reciprocation of Favors": "likes avoidance of indebtedness",
  Creativity: "likes uniqueness and imagination",
  "A World at Peace": "likes free of war and conflict",
  "Respect for Tradition": "likes preservation of time-honored customs",
  "Mature Love": "likes deep emotional and spiritual intimacy",
  "Self-Discipline": "likes self-restraint and resistance to temptation",
  Detachment: "likes to be free from worldly concerns",
  "Family Security": "likes safety for loved ones",
  "Social Recognition": "likes respect, approval by others",
  "Unity With Nature": "likes fitting into nature",
  "A Varied Life": "likes to be filled with challenge, novelty, and change",
  Wisdom: "likes a mature understanding of life",
  Authority: "likes the right to lead or command",
  "True Friendship": "likes close, supportive friends",
  "A World of Beauty": "likes beauty of nature and the arts",
  "Social Justice": "likes correcting injustice, care for the weak",
  Independent: "likes to be self-reliant, self-sufficient",
  Moderate: "likes to avoid extremes of feeling and action",
  Loyal: "likes to be faithful to her/his friends, group",
  Ambitious: "likes hardworking, aspriring",
  "Broad-Minded": "likes to be tolerant of different ideas and beliefs",
  Humble: "likes to be modest, self-effacing",
  Daring: "likes seeking adventure, risk",
  "Protecting the Environment": "likes preserving nature",
  Influential: "likes having an impact on people and events",
  "Honoring of Parents and Elders": "likes showing respect",
  "Choosing Own Goals": "likes selecting own purposes",
  Healthy: "likes not being sick physically or mentally",
  Capable: "likes to be competent, effective, efficient",
  "Accepting my Portion in Life": "likes submitting to life's circumstances",
  Honest: "likes to be genuine, sincere",
  "Preserving my Public Image": "likes protecting her/his 'face'",
  Obedient: "likes to be dutiful, meeting obligations",
  Intelligent: "likes to be logical, thinking",
  Helpful: "likes to work for the welfare of others",
  "Enjoying Life": "likes enjoying food, sex, leisure, etc.",
  Devout: "likes holding to religious faith and belief",
  Responsible: "likes to be dependable, reliable",
  Curious: "likes to be interested in everything, exploring",
  Forgiving: "likes to be willing to pardon others",
  Successful: "likes to achieve goals",
  Clean: "likes to be neat, tidy",
};
