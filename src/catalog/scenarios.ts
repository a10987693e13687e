import { COUNTRIES, type Country } from "./countries";
import { TOPICS, type Topic } from "./topics";

export interface Scenario {
  country: Country;
  topic: Topic;
}

/** The 132 (country, topic) scenarios, country-major: row order of every matrix. */
export const SCENARIOS: readonly Scenario[] = COUNTRIES.flatMap((country) =>
  TOPICS.map((topic) => ({ country, topic })),
);

/** The authors' scenario key, `"{country}+{topic}"`. */
export function scenarioKey(s: Scenario): string {
  return `${s.country}+${s.topic}`;
}

/** Row index of a scenario in matrix order. */
export function scenarioIndex(country: Country, topic: Topic): number {
  return COUNTRIES.indexOf(country) * TOPICS.length + TOPICS.indexOf(topic);
}
