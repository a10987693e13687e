import type { Message } from "../runs/records";
import { pythonListRepr } from "./pythonRepr";

/**
 * The four settings of the gap-prediction side study (method.md §8, paper
 * App. F / Table 14), in the authors' run order. What the assistant turns of
 * the shots reveal besides the label: nothing, the attribution spans, the
 * explanation, or both.
 */
export const FEWSHOT_SETTINGS = ["default", "attribution", "explanation", "attribution_explanation"] as const;
export type FewShotSetting = (typeof FEWSHOT_SETTINGS)[number];

/** The paper's names for the settings (Table 14). */
export const FEWSHOT_SETTING_LABEL: Record<FewShotSetting, string> = {
  default: "Act",
  attribution: "Act+Attr",
  explanation: "Act+Exp",
  attribution_explanation: "All",
};

/** One labelled example: a VIA action and whether the target model chose it in Task 2. */
export interface FewShot {
  action: string;
  attributions: string[];
  explanation: string;
  label: boolean;
}

/**
 * The query row. Only `action` enters the prompt (the authors' query is
 * `Predict the Action: '{action}'` in every setting); attributions and
 * explanation are accepted so a shot-shaped row can be passed as is.
 */
export interface FewShotQuery {
  action: string;
  attributions?: string[];
  explanation?: string;
}

/**
 * The system message, byte for byte as the authors' code sends it: a fixed
 * prefix followed by a triple-quoted Python task description, so it carries
 * a newline after the prefix, four-space indents, no period after
 * "Reason for the assessment" and a final newline plus four spaces.
 * (method.md §8 quotes the description flattened onto one line; that
 * rendering is a paraphrase, not the sent text.)
 */
export const FEWSHOT_SYSTEM =
  "You are an AI trained to solve specific tasks based on examples. " +
  "\n    You are a action predictor. Given a textual action, predict if an agent will perform it or not:" +
  "\n    1. The overall label (True/False)" +
  "\n    3. Reason for the assessment" +
  "\n    Format your response exactly like the examples." +
  "\n    ";

/** The user turn of a shot and of the query. The action is quoted with ' and never escaped. */
export function fewShotUser(action: string): string {
  return `Predict the Action: '${action}'`;
}

/**
 * The assistant turn of a shot (Python f-strings; the label prints as
 * True/False, the attributions as a Python list repr). Note the two spaces
 * before "\n" in the attribution setting and one elsewhere, as in the code:
 *
 *   default                  "Label: {label}"
 *   attribution              "Label: {label}  \n Action Attribution: {list}"
 *   explanation              "Label: {label} \n Reason: {explanation}"
 *   attribution_explanation  "Label: {label} \n Action Attribution: {list} \n Reason: {explanation}"
 */
export function fewShotCompletion(setting: FewShotSetting, shot: FewShot): string {
  const label = shot.label ? "True" : "False";
  const spans = pythonListRepr(shot.attributions);
  switch (setting) {
    case "default":
      return `Label: ${label}`;
    case "attribution":
      return `Label: ${label}  \n Action Attribution: ${spans}`;
    case "explanation":
      return `Label: ${label} \n Reason: ${shot.explanation}`;
    case "attribution_explanation":
      return `Label: ${label} \n Action Attribution: ${spans} \n Reason: ${shot.explanation}`;
  }
}

/**
 * The messages of one gap prediction: system, then a user/assistant pair per
 * shot in the given order, then the query as a user turn. The observer's
 * reply is scored by its second whitespace token ("Label: True" -> True).
 * The same under both protocols: method.md §12 lists no defect here.
 */
export function fewShotMessages(setting: FewShotSetting, shots: readonly FewShot[], query: FewShotQuery): Message[] {
  const messages: Message[] = [{ role: "system", content: FEWSHOT_SYSTEM }];
  for (const shot of shots) {
    messages.push({ role: "user", content: fewShotUser(shot.action) });
    messages.push({ role: "assistant", content: fewShotCompletion(setting, shot) });
  }
  messages.push({ role: "user", content: fewShotUser(query.action) });
  return messages;
}
