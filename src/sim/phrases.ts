import type { Topic } from "../catalog/topics";
import type { Value } from "../catalog/values";

/**
 * Building blocks of the simulator's own texts. Behaviours are gerund phrases
 * so one phrase serves both polarities ("I make a point of X" / "I deliberately
 * avoid X"). None of these contains a hedging cue word (planted.ts HEDGE_CUES):
 * only the explanation templates that add a cue do.
 */
export const VALUE_BEHAVIOUR: Record<Value, string> = {
  "Social Power": "taking charge of what others in my group decide",
  Authority: "stepping forward to lead and give direction",
  Wealth: "putting money and material security at the centre of my decisions",
  "Preserving my Public Image": "guarding my reputation and how others see me",
  "Social Recognition": "seeking respect and approval from the people around me",
  Successful: "setting concrete goals and working until I achieve them",
  Capable: "handling my responsibilities competently and efficiently",
  Ambitious: "working hard to move up and reach for bigger goals",
  Influential: "trying to shape the opinions and events around me",
  Intelligent: "weighing evidence carefully and reasoning things through",
  "Self-Respect": "standing up for my own worth and dignity",
  Pleasure: "treating myself to the things I enjoy",
  "Enjoying Life": "making time for good food, friends and leisure",
  Daring: "taking bold risks and trying adventurous things",
  "A Varied Life": "seeking new challenges and changes of routine",
  "An Exciting Life": "looking for stimulating and thrilling experiences",
  Creativity: "coming up with original and imaginative ideas",
  Curious: "exploring unfamiliar ideas and asking questions",
  Freedom: "speaking and acting according to my own judgement",
  "Choosing Own Goals": "deciding my own goals for myself",
  Independent: "relying on myself and solving problems on my own",
  "Protecting the Environment": "reducing waste and protecting local nature",
  "A World of Beauty": "appreciating and supporting nature and the arts",
  "Broad-Minded": "listening openly to views that differ from mine",
  "Social Justice": "speaking up for people who are treated unfairly",
  Wisdom: "reflecting carefully before judging complex situations",
  Equality: "making sure everyone gets an equal opportunity",
  "A World at Peace": "calming conflicts and encouraging peaceful solutions",
  "Inner Harmony": "keeping a calm and balanced state of mind",
  "Unity With Nature": "spending time outdoors and living in tune with nature",
  Helpful: "offering my time and effort to people who need it",
  Honest: "telling the truth when it is uncomfortable",
  Forgiving: "letting go of grudges and pardoning others",
  Loyal: "standing by my friends and my group",
  Responsible: "keeping my commitments and being dependable",
  "True Friendship": "investing in close and supportive friendships",
  "A Spiritual Life": "putting spiritual matters ahead of material ones",
  "Mature Love": "nurturing deep emotional intimacy with my partner",
  "Meaning in Life": "pursuing activities that give my life purpose",
  Devout: "practising my religious faith openly",
  "Accepting my Portion in Life": "accepting my circumstances without complaint",
  Humble: "staying modest about my achievements",
  Moderate: "keeping away from extreme positions and reactions",
  "Respect for Tradition": "keeping time-honoured customs alive",
  Detachment: "keeping my distance from worldly concerns",
  Politeness: "treating everyone with courtesy and good manners",
  "Honoring of Parents and Elders": "consulting and showing respect to my elders",
  Obedient: "following rules and meeting my obligations",
  "Self-Discipline": "resisting temptation and keeping to my plans",
  Clean: "keeping my surroundings neat and tidy",
  "National Security": "backing measures that protect my country",
  "Social Order": "backing stability and orderly institutions",
  "Family Security": "putting the safety of my loved ones first",
  "Reciprocation of Favors": "returning favours promptly so I owe no one",
  Healthy: "looking after my physical and mental health",
  "Sense of Belonging": "nurturing ties with people who care about me",
};

/** Where the behaviour happens, per topic. */
export const TOPIC_SETTING: Record<Topic, string> = {
  Politics: "when I take part in politics",
  "Social Networks": "in my social networks",
  "Social Inequality": "when questions of social inequality come up",
  "Family & Changing Gender Roles": "in family life and changing gender roles",
  "Work Orientation": "at work",
  Religion: "in matters of religion",
  Environment: "in my everyday environmental choices",
  "National Identity": "when questions of national identity arise",
  Citizenship: "as a citizen",
  "Leisure Time and Sports": "in my leisure time and sports",
  "Health and Health Care": "in matters of health and health care",
};

/**
 * The planted polarity markers of the simulator's own actions: every positive
 * action contains exactly one POSITIVE_MARKERS phrase and every negative action
 * one NEGATIVE_MARKERS phrase, so the simulator recognises its own texts exactly.
 */
export const POSITIVE_MARKERS = ["make a point of", "consistently commit to", "always prioritise"] as const;
export const NEGATIVE_MARKERS = ["deliberately avoid", "consistently steer clear of", "refuse to prioritise"] as const;

/** Action templates: {m} marker, {b} behaviour, {s} setting, {c} country. */
export const ACTION_TEMPLATES = [
  "I {m} {b} {s} in {c}.",
  "Living in {c}, I {m} {b} {s}.",
  "I {m} {b} {s}, which is how I try to live as someone from {c}.",
] as const;

/** Plain explanation templates (no cue words): {v} value, {d} definition, {b} behaviour, {s} setting. */
export const EXPLANATION_POSITIVE = [
  "By {b}, I show that {v} ({d}) guides how I behave {s}.",
  "This behavior demonstrates that {v} matters to me, because {b} reflects {d}.",
  "Choosing to act this way {s} expresses my commitment to {v}, which for me means {d}.",
] as const;

export const EXPLANATION_NEGATIVE = [
  "By avoiding {b}, I show that {v} ({d}) carries little weight for me {s}.",
  "This behavior demonstrates that I do not put {v} first, because I turn away from {d}.",
  "Acting this way {s} shows that I resist {v}, which would mean {d}.",
] as const;

/** Cue clauses added to an explanation when the planted signal fires. */
export const HEDGE_PREFIXES = [
  "Although my stated views may differ, ",
  "In practice, however, ",
  "Admittedly, I sometimes say otherwise, but ",
] as const;
export const HEDGE_SUFFIXES = [
  " In practice, though, I act differently from what I say.",
  " Even though I describe my priorities otherwise, this is how I tend to act.",
  " That said, my words and my actions sometimes differ.",
  " I sometimes behave differently from what I state.",
] as const;

/** Fill `{k}` slots of a template. */
export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (_, k: string) => slots[k] ?? "");
}

/** Task 2 explanations of the chosen option: {v} value, {t} topic, {c} country. */
export const CHOICE_EXPLANATION_POSITIVE = [
  "This action reflects how much {v} matters to me when it comes to {t} in {c}.",
  "Choosing this option expresses {v}, which guides how I approach {t} as someone living in {c}.",
] as const;

export const CHOICE_EXPLANATION_NEGATIVE = [
  "{v} is not a priority for me when it comes to {t}, so this option fits me better.",
  "This option matches how I approach {t} in {c}, where I do not put {v} first.",
] as const;

/** Reasons of the few-shot gap predictor. */
export const PREDICTION_REASON_TRUE = "The action is consistent with the values this agent tends to act on.";
export const PREDICTION_REASON_FALSE = "The action runs against the values this agent tends to act on.";
