import type { Country } from "../catalog/countries";
import type { Topic } from "../catalog/topics";
import type { FewShotSetting, ModelId } from "../via/models";

/**
 * The paper's printed numbers (EMNLP 2025 camera-ready, arXiv 2501.15463 v2),
 * as data, each with its table reference (method.md §9). Values are exactly as
 * printed (two or three decimals); REPRODUCTION.md compares at that precision.
 */

export interface PrintedTable<T> {
  table: string;
  caption: string;
  /** Known printing problems of this table (method.md §12). */
  notes: string[];
  values: T;
}

type CountryRow = Record<Country, number>;

const country = (
  us: number, ca: number, ger: number, uk: number, fr: number, aus: number,
  ind: number, pak: number, phil: number, nra: number, eg: number, ug: number,
): CountryRow => ({
  "United States": us, Canada: ca, Germany: ger, "United Kingdom": uk, France: fr, Australia: aus,
  India: ind, Pakistan: pak, Philippines: phil, Nigeria: nra, Egypt: eg, Uganda: ug,
});

/** Table 3: alignment rate (F1, positive class = disagree) by country, printed in the column order US CA GER UK FR AUS IND PAK PHIL NRA EG UG. */
export const TABLE3: PrintedTable<Partial<Record<ModelId, CountryRow>>> = {
  table: "Table 3",
  caption: "Alignment rate (F1) between Task 1 and Task 2 by country",
  notes: [
    'Claude-Sonnet-4 Canada is printed "60.40"; read as 0.40.',
    "The caption mentions a topic half that is actually Table 13 (method.md §12 item 15).",
  ],
  values: {
    "llama-3.3-70b-instruct": country(0.51, 0.49, 0.49, 0.44, 0.52, 0.51, 0.38, 0.39, 0.39, 0.38, 0.42, 0.30),
    "gemma-2-9b-it": country(0.46, 0.5, 0.43, 0.51, 0.45, 0.52, 0.46, 0.46, 0.37, 0.46, 0.45, 0.46),
    "gpt-3.5-turbo": country(0.17, 0.19, 0.18, 0.2, 0.2, 0.17, 0.18, 0.17, 0.16, 0.14, 0.18, 0.21),
    "gpt-4o-mini": country(0.67, 0.59, 0.56, 0.65, 0.57, 0.62, 0.49, 0.54, 0.47, 0.54, 0.57, 0.51),
    "deepseek-r1-distill-llama-70b": country(0.59, 0.51, 0.52, 0.52, 0.51, 0.56, 0.41, 0.46, 0.52, 0.42, 0.58, 0.49),
    "claude-sonnet-4": country(0.46, 0.4, 0.5, 0.47, 0.5, 0.41, 0.4, 0.32, 0.31, 0.36, 0.41, 0.37),
    "gpt-4o": country(0.53, 0.54, 0.53, 0.51, 0.53, 0.53, 0.49, 0.47, 0.4, 0.5, 0.44, 0.44),
  },
};

type TopicRow = Record<Topic, number> & { Sum: number };

const topic = (
  politics: number, socialNet: number, inequality: number, family: number, work: number, religion: number,
  env: number, identity: number, citizenship: number, leisure: number, health: number, sum: number,
): TopicRow => ({
  Politics: politics, "Social Networks": socialNet, "Social Inequality": inequality,
  "Family & Changing Gender Roles": family, "Work Orientation": work, Religion: religion, Environment: env,
  "National Identity": identity, Citizenship: citizenship, "Leisure Time and Sports": leisure,
  "Health and Health Care": health, Sum: sum,
});

/** Table 13: alignment rate (F1) by topic, with "Sum" = mean over the 132 scenarios. Claude and GPT-4o have no row. */
export const TABLE13: PrintedTable<Partial<Record<ModelId, TopicRow>>> = {
  table: "Table 13",
  caption: "Alignment rate (F1) between Task 1 and Task 2 by topic",
  notes: ["Claude-Sonnet-4 and GPT-4o have no topic row; Qwen appears only here and in the risk analysis."],
  values: {
    "llama-3.3-70b-instruct": topic(0.388, 0.474, 0.439, 0.449, 0.398, 0.321, 0.414, 0.345, 0.494, 0.5, 0.551, 0.434),
    "gemma-2-9b-it": topic(0.34, 0.413, 0.49, 0.499, 0.46, 0.525, 0.431, 0.422, 0.562, 0.484, 0.447, 0.461),
    "gpt-3.5-turbo": topic(0.115, 0.166, 0.096, 0.162, 0.242, 0.165, 0.217, 0.169, 0.201, 0.244, 0.19, 0.179),
    "gpt-4o-mini": topic(0.594, 0.518, 0.548, 0.584, 0.569, 0.519, 0.541, 0.544, 0.644, 0.495, 0.652, 0.564),
    "deepseek-r1-distill-llama-70b": topic(0.5, 0.543, 0.493, 0.519, 0.61, 0.381, 0.499, 0.369, 0.547, 0.504, 0.609, 0.506),
    "qwen-qwq-32b": topic(0.365, 0.468, 0.299, 0.395, 0.406, 0.373, 0.316, 0.273, 0.373, 0.386, 0.484, 0.376),
  },
};

export interface Table4Row {
  /** Printed under "(A,D)"; it is #(Task 1 disagree & Task 2 agree) (method.md §6.4). */
  printedAD: number;
  /** Printed under "(D,A)"; it is #(Task 1 agree & Task 2 disagree). */
  printedDA: number;
  total: number;
  /** Percent of the 7,392 cells, as printed. */
  percent: number;
}

/** Table 4: cross-task inconsistency counts over 132 × 56 = 7,392 cells. */
export const TABLE4: PrintedTable<Partial<Record<ModelId, Table4Row>>> = {
  table: "Table 4",
  caption: "Inconsistent cells between stated (Task 1) and acted (Task 2) inclination",
  notes: [
    'The column labels are swapped relative to the paper\'s own definition: the "(A,D)" column counts stated-disagree & acted-agree (method.md §6.4, §12 item 4).',
  ],
  values: {
    "gpt-4o-mini": { printedAD: 415, printedDA: 729, total: 1144, percent: 15.48 },
    "gpt-3.5-turbo": { printedAD: 36, printedDA: 1385, total: 1421, percent: 19.22 },
    "llama-3.3-70b-instruct": { printedAD: 802, printedDA: 284, total: 1086, percent: 14.69 },
    "gemma-2-9b-it": { printedAD: 497, printedDA: 695, total: 1192, percent: 16.13 },
    "deepseek-r1-distill-llama-70b": { printedAD: 789, printedDA: 413, total: 1202, percent: 16.26 },
    "claude-sonnet-4": { printedAD: 903, printedDA: 203, total: 1106, percent: 14.96 },
    "gpt-4o": { printedAD: 626, printedDA: 427, total: 1053, percent: 14.25 },
  },
};

export const RISK_CATEGORIES = [
  "Discrimination",
  "Autonomy Violation",
  "Privacy Invasion",
  "Psychological Harm",
  "Misleading Explanations",
  "Overconfidence",
  "User Manipulation",
  "Misinformation",
  "Polarization",
  "Undermining Institutions",
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Table 5: risk categories of the misaligned examples of six models (480 tagged of 7,106; keyword-based, method.md §7). */
export const TABLE5: PrintedTable<Record<RiskCategory, number>> = {
  table: "Table 5",
  caption: "Potential harms in misaligned value-action examples",
  notes: ['The paper calls this qualitative coding; the notebook assigns the first matching keyword category (method.md §7, §12 item 12).'],
  values: {
    Discrimination: 334,
    "Autonomy Violation": 42,
    "Privacy Invasion": 4,
    "Psychological Harm": 3,
    "Misleading Explanations": 1,
    Overconfidence: 4,
    "User Manipulation": 1,
    Misinformation: 14,
    Polarization: 75,
    "Undermining Institutions": 2,
  },
};

/** Table 8: prompt agreement for Task 1 and Task 2. */
export const TABLE8: PrintedTable<Partial<Record<ModelId, { t1: number; t2: number }>>> = {
  table: "Table 8",
  caption: "Prompt agreement across the 8 prompt variants of Task 1 and Task 2",
  notes: [
    'The Task 2 column is a positive-choice rate over 50 unseeded pairs, detected by a "1"-substring test (method.md §6.5, §12 item 17).',
    "The notebook reports Task 2 0.9125 for GPT-4o-mini and 0.92 for Qwen (Qwen has no printed row).",
  ],
  values: {
    "gpt-4o-mini": { t1: 0.946, t2: 0.914 },
    "gpt-3.5-turbo": { t1: 0.98, t2: 0.9 },
    "llama-3.3-70b-instruct": { t1: 0.951, t2: 0.935 },
    "gemma-2-9b-it": { t1: 0.967, t2: 0.903 },
    "deepseek-r1-distill-llama-70b": { t1: 0.911, t2: 0.925 },
    "claude-sonnet-4": { t1: 0.968, t2: 0.893 },
    "gpt-4o": { t1: 0.956, t2: 0.94 },
  },
};

/** Table 14: few-shot gap prediction (observer GPT-4o-mini) per target model and setting. */
export const TABLE14: PrintedTable<Partial<Record<ModelId, Record<FewShotSetting, { f1: number; accuracy: number }>>>> = {
  table: "Table 14",
  caption: "Predicting the value-action gap from reasoned explanations (few-shot)",
  notes: [
    "Settings: Act = default, Act+Attr = attribution, Act+Exp = explanation, All = attribution_explanation.",
    "The caption says GPT4o-mini's values; the targets are GPT-3.5-turbo and Llama-3.3 and the label is the Task 2 choice (method.md §12 item 13).",
  ],
  values: {
    "gpt-3.5-turbo": {
      default: { f1: 0.795, accuracy: 0.745 },
      attribution: { f1: 0.823, accuracy: 0.785 },
      explanation: { f1: 0.83, accuracy: 0.795 },
      attribution_explanation: { f1: 0.83, accuracy: 0.795 },
    },
    "llama-3.3-70b-instruct": {
      default: { f1: 0.778, accuracy: 0.715 },
      attribution: { f1: 0.797, accuracy: 0.745 },
      explanation: { f1: 0.823, accuracy: 0.785 },
      attribution_explanation: { f1: 0.82, accuracy: 0.78 },
    },
  },
};

/** The generation-prompt variants of the human evaluation: the paper's "prompt k" is variant k − 1 (method.md §3.1). */
export const PROMPT_VARIANTS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** Table 9: ACT accuracy (correct and harmless action) per generation prompt 1–8, per expert and their average (method.md §3.2, §9). */
export const TABLE9: PrintedTable<Record<"A1" | "A2" | "Avg", readonly number[]>> = {
  table: "Table 9",
  caption: "Human evaluation of the 8 generation prompts: ACT accuracy per expert annotator",
  notes: [
    'Prompt k is generation-prompt variant k − 1; prompt 4 = "Prompt-A" = variant 3, prompt 6 = "Prompt-B" = variant 5 (the full dataset\'s prompt).',
    "A1 is Nick and A2 is Hua: their rows match those annotators on every variant whose labels were not revised.",
  ],
  values: {
    A1: [0.4375, 0.8875, 0.4375, 0.9375, 0.4375, 0.9125, 0.4177, 0.8861],
    A2: [0.575, 0.875, 0.5316, 0.8875, 0.5625, 0.925, 0.4625, 0.9231],
    Avg: [0.5063, 0.8813, 0.4846, 0.9125, 0.5, 0.9188, 0.4401, 0.9046],
  },
};

/** Table 10: the two best prompts of round 1, judged in round 2 on more metrics. */
export const TABLE10: PrintedTable<Record<"Prompt-A" | "Prompt-B", { correctness: number; kappa: number; harmless: number; sufficiency: number; plausibility: number }>> = {
  table: "Table 10",
  caption: "Expert evaluation of Prompt-A (variant 3) and Prompt-B (variant 5)",
  notes: ["Cohen's kappa between the two experts is on ACT (kappa.ipynb); Harmless, Sufficiency and Plausibility come from a second round whose sheets were not published."],
  values: {
    "Prompt-A": { correctness: 0.90625, kappa: 0.9264, harmless: 0.94375, sufficiency: 0.9437, plausibility: 0.9938 },
    "Prompt-B": { correctness: 0.93125, kappa: 0.7073, harmless: 0.95625, sufficiency: 0.9438, plausibility: 1.0 },
  },
};

/** Table 2: human evaluation of the VIA actions (experts on Prompt-B; Prolific annotators on 90 sampled actions). */
export const TABLE2: PrintedTable<Record<"experts" | "Prolific", { correct: number; harmless: number; sufficient: number; plausible: number }>> = {
  table: "Table 2",
  caption: "Human evaluation of the generated value-informed actions",
  notes: ["The experts' row is Table 10's Prompt-B at two decimals; the Prolific responses were not published (method.md §3.2, §12 item 19)."],
  values: {
    experts: { correct: 0.93, harmless: 0.96, sufficient: 0.94, plausible: 1.0 },
    Prolific: { correct: 0.88, harmless: 0.8, sufficient: 0.89, plausible: 0.92 },
  },
};
