import { COUNTRIES, TOPICS, VALUES, toCountry, toList, toTopic, toValue, type Country, type Topic, type Value } from "../catalog";
import { UserError } from "../errors";
import { checkVariant, type PromptVariant } from "../prompts";

/** Which part of the study a run covers. */
export interface Scope {
  countries: Country[];
  topics: Topic[];
  values: Value[];
  variants: PromptVariant[];
  /** Task 2: `paper` shows the negative action first; `counterbalanced` asks both orders. */
  order: "paper" | "counterbalanced";
  /** Independent samples per prompt (distinct cache entries). */
  replicates: number;
}

/**
 * Parse a variant list: "5", "0-7", "0,2,4" or "1-3,6".
 * @example parseVariants("0-2,5") // [0, 1, 2, 5]
 */
export function parseVariants(spec: string): PromptVariant[] {
  const out = new Set<PromptVariant>();
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new UserError(`bad --variants "${spec}": use e.g. 5, 0-7 or 0,2,4 (variants are 0..7)`, 2);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) throw new UserError(`bad --variants "${spec}": range ${part} is empty`, 2);
    for (let k = lo; k <= hi; k++) {
      if (k > 7) throw new UserError(`bad --variants "${spec}": variants are 0..7`, 2);
      out.add(checkVariant(k));
    }
  }
  if (out.size === 0) throw new UserError(`bad --variants "${spec}": no variant given`, 2);
  return [...out].sort((a, b) => a - b);
}

export interface ScopeOptions {
  countries?: string;
  topics?: string;
  values?: string;
  variants?: string;
  order?: string;
  replicates?: string | number;
}

/** Resolve command-line scope options; unknown names give one line listing the valid ones. */
export function scopeFrom(o: ScopeOptions, defaults: { variants: string }): Scope {
  const order = o.order ?? "counterbalanced";
  if (order !== "paper" && order !== "counterbalanced")
    throw new UserError(`bad --order "${order}": use paper or counterbalanced`, 2);
  const replicates = Number(o.replicates ?? 1);
  if (!Number.isInteger(replicates) || replicates < 1) throw new UserError(`bad --replicates "${o.replicates}": a positive integer`, 2);
  return {
    countries: toList(toCountry, COUNTRIES, o.countries),
    topics: toList(toTopic, TOPICS, o.topics),
    values: toList(toValue, VALUES, o.values),
    variants: parseVariants(o.variants ?? defaults.variants),
    order,
    replicates,
  };
}
