/**
 * The eight models of the paper under our ids, and the names the authors'
 * files use for them (method.md §9, §12 item 9, §14). The traps:
 *  - "chatgpt" is GPT-3.5-turbo;
 *  - the misaligned file "gpt4o" is GPT-4o-MINI, with T1/T2 labels inverted
 *    (its Task 2 file stored the non-chosen action);
 *  - "llama3"/"llama33" are Llama-3.3-70B-Instruct, "gemma"/"gemma2" Gemma-2-9b-it.
 */
export const MODEL_IDS = [
  "gpt-4o-mini",
  "claude-sonnet-4",
  "llama-3.3-70b-instruct",
  "gemma-2-9b-it",
  "gpt-3.5-turbo",
  "gpt-4o",
  "deepseek-r1-distill-llama-70b",
  "qwen-qwq-32b",
] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** Display names as in the paper's tables. */
export const MODEL_LABEL: Record<ModelId, string> = {
  "gpt-4o-mini": "GPT-4o-mini",
  "claude-sonnet-4": "Claude-Sonnet-4",
  "llama-3.3-70b-instruct": "Llama-3.3-70B",
  "gemma-2-9b-it": "Gemma-2-9B",
  "gpt-3.5-turbo": "GPT-3.5-turbo",
  "gpt-4o": "GPT-4o",
  "deepseek-r1-distill-llama-70b": "DeepSeek-R1-Distill-70B",
  "qwen-qwq-32b": "QwQ-32B",
};

/** t1/*.csv per model (DeepSeek and Qwen Task 1 outputs were not published). */
export const TASK1_FILES: Partial<Record<ModelId, string>> = {
  "gpt-4o-mini": "t1/gpt-4o-mini_t1.csv",
  "claude-sonnet-4": "t1/claude-sonnet-4-20250514_t1.csv",
  "llama-3.3-70b-instruct": "t1/llama-3.3-70b-instruct_t1.csv",
  "gemma-2-9b-it": "t1/gemma-2-9b-it_t1.csv",
  "gpt-3.5-turbo": "t1/gpt-3.5-turbo_t1.csv",
  "gpt-4o": "t1/gpt-4o_t1.csv",
};

export interface Task2FileSpec {
  path: string;
  /** true: `model_choice` True marks the NON-chosen action (GPT-4o-mini, run before the 2024-12-19 fix). */
  invertedChoice: boolean;
}

/** t2_reconstructed/*.csv per model (only these two runs left per-row logs). */
export const TASK2_FILES: Partial<Record<ModelId, Task2FileSpec>> = {
  "gpt-4o-mini": { path: "t2_reconstructed/gpt-4o-mini_t2_reconstructed.csv", invertedChoice: true },
  "claude-sonnet-4": { path: "t2_reconstructed/claude-sonnet-4_t2_reconstructed.csv", invertedChoice: false },
};

export interface MisalignedFileSpec {
  path: string;
  /** true: T1_response/T2_response are swapped polarities (the "gpt4o" = GPT-4o-mini file). */
  invertedLabels: boolean;
}

/** misaligned_examples/*.csv per model: the six files of Table 5 (7,106 rows). */
export const MISALIGNED_FILES: Partial<Record<ModelId, MisalignedFileSpec>> = {
  "gpt-3.5-turbo": { path: "misaligned_examples/chatgpt_misaligned_example.csv", invertedLabels: false },
  "deepseek-r1-distill-llama-70b": { path: "misaligned_examples/deepseek_misaligned_example.csv", invertedLabels: false },
  "gemma-2-9b-it": { path: "misaligned_examples/gemma_misaligned_example.csv", invertedLabels: false },
  "gpt-4o-mini": { path: "misaligned_examples/gpt4o_misaligned_example.csv", invertedLabels: true },
  "llama-3.3-70b-instruct": { path: "misaligned_examples/llama3_misaligned_example.csv", invertedLabels: false },
  "qwen-qwq-32b": { path: "misaligned_examples/qwen_misaligned_example.csv", invertedLabels: false },
};

/** Published misaligned-example files that are not data, with the reason they are skipped. */
export const SKIPPED_MISALIGNED_FILES: Record<string, string> = {
  "misaligned_examples/chatgpt_misaligned_example_early.csv":
    "broken early export: polarity/generation_prompt columns hold pandas Series reprs (method.md §7)",
};

/** task2_prompt_agreement/*.csv per model (the rebuttal's 50-pair, 8-variant study). */
export const TASK2_AGREEMENT_FILES: Partial<Record<ModelId, string>> = {
  "gpt-4o-mini": "task2_prompt_agreement/task2_results_gpt_4o_mini.csv",
  "claude-sonnet-4": "task2_prompt_agreement/task2_results_claude_sonnet_4.csv",
  "llama-3.3-70b-instruct": "task2_prompt_agreement/task2_results_llama33.csv",
  "gemma-2-9b-it": "task2_prompt_agreement/task2_results_gemma2.csv",
  "gpt-3.5-turbo": "task2_prompt_agreement/task2_results_gpt_35_turbo.csv",
  "gpt-4o": "task2_prompt_agreement/task2_results_gpt_4o.csv",
  "deepseek-r1-distill-llama-70b": "task2_prompt_agreement/task2_results_deepseek-r1-distill-llama-70b.csv",
  "qwen-qwq-32b": "task2_prompt_agreement/task2_results_qwen.csv",
};

/** The four few-shot settings of Table 14 (paper names Act, Act+Attr, Act+Exp, All). */
export const FEWSHOT_SETTINGS = ["default", "attribution", "explanation", "attribution_explanation"] as const;
export type FewShotSetting = (typeof FEWSHOT_SETTINGS)[number];

/** explanations/{prefix}_explanation_outputs_{setting}.csv: the two target models of the gap-prediction study. */
export const FEWSHOT_FILE_PREFIX: Partial<Record<ModelId, string>> = {
  "gpt-3.5-turbo": "chatgpt",
  "llama-3.3-70b-instruct": "llama3",
};

export function fewShotFile(model: ModelId, setting: FewShotSetting): string | undefined {
  const prefix = FEWSHOT_FILE_PREFIX[model];
  return prefix === undefined ? undefined : `explanations/${prefix}_explanation_outputs_${setting}.csv`;
}

export const DATASET_FILE = "dataset/value_action_gap_full_data_generation.csv";
