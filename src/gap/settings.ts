/**
 * Feature settings. The first four are the paper's few-shot settings
 * (method.md §8: Act, Act+Attr, Act+Exp, All); `target-explanation` adds the
 * target model's own Task 2 explanation to the action instead of GPT-4o's VIA
 * explanation (only when the run asked the target for one).
 */
export const SETTINGS = [
  "action",
  "action+attribution",
  "action+explanation",
  "action+attribution+explanation",
  "target-explanation",
] as const;
export type Setting = (typeof SETTINGS)[number];

/** Text fields. `target` is the target's Task 2 explanation. */
export type Field = "action" | "attribution" | "explanation" | "target";

export const SETTING_FIELDS: Record<Setting, readonly Field[]> = {
  action: ["action"],
  "action+attribution": ["action", "attribution"],
  "action+explanation": ["action", "explanation"],
  "action+attribution+explanation": ["action", "attribution", "explanation"],
  "target-explanation": ["action", "target"],
};

/** Settings that use an explanation (GPT-4o's or the target's). */
export const EXPLANATION_SETTINGS: readonly Setting[] = SETTINGS.filter((s) =>
  SETTING_FIELDS[s].some((f) => f === "explanation" || f === "target"),
);
