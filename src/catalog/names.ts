import { COUNTRIES, type Country } from "./countries";
import { TOPICS, type Topic } from "./topics";
import { VALUES, type Value } from "./values";

/** An unknown name given by a user; the message lists the valid ones. */
export class UnknownNameError extends Error {
  constructor(kind: string, name: string, valid: readonly string[]) {
    super(`unknown ${kind} "${name}"; valid ${kind} names: ${valid.join(", ")}`);
    this.name = "UnknownNameError";
  }
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

function lookup<T extends string>(kind: string, all: readonly T[], name: string): T {
  const n = norm(name);
  const hit = all.find((x) => norm(x) === n);
  if (hit === undefined) throw new UnknownNameError(kind, name, all);
  return hit;
}

/** Resolve a country name given on a command line (case- and whitespace-insensitive). */
export const toCountry = (name: string): Country => lookup("country", COUNTRIES, name);
export const toTopic = (name: string): Topic => lookup("topic", TOPICS, name);
export const toValue = (name: string): Value => lookup("value", VALUES, name);

export const isCountry = (s: string): s is Country => (COUNTRIES as readonly string[]).includes(s);
export const isTopic = (s: string): s is Topic => (TOPICS as readonly string[]).includes(s);
export const isValue = (s: string): s is Value => (VALUES as readonly string[]).includes(s);

/** Parse a comma-separated list of names; an empty or absent list means all. */
export function toList<T extends string>(parse: (s: string) => T, all: readonly T[], csv?: string): T[] {
  if (csv === undefined || csv.trim() === "") return [...all];
  return csv.split(",").map((s) => parse(s));
}
