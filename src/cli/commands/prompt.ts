import type { Command } from "commander";
import { toCountry, toTopic, toValue } from "../../catalog";
import { UserError } from "../../errors";
import { PROTOCOLS, type Protocol } from "../../protocol";
import { generationPrompt, task1Prompt, task2Prompt } from "../../prompts";

const TASKS = ["generation", "task1", "task2"] as const;
type Task = (typeof TASKS)[number];

interface PromptOptions {
  country?: string;
  topic?: string;
  variant?: string;
  protocol: string;
  value?: string;
  polarity?: string;
  negative?: string;
  positive?: string;
}

/** Options each task needs besides --country, --topic and --variant; any other is refused. */
const TASK_OPTIONS: Record<Task, readonly (keyof PromptOptions)[]> = {
  generation: ["value", "polarity"],
  task1: [],
  task2: ["value", "negative", "positive"],
};
const EXTRA_OPTIONS = ["value", "polarity", "negative", "positive"] as const;

const usage = (message: string) => new UserError(message, 2);

function required(opts: PromptOptions, name: keyof PromptOptions, task: Task): string {
  const v = opts[name];
  if (v === undefined) throw usage(`prompt ${task}: missing required option --${name}`);
  return v;
}

function toVariant(s: string): number {
  if (!/^[0-7]$/.test(s.trim())) throw usage(`invalid --variant "${s}"; valid variants: 0, 1, 2, 3, 4, 5, 6, 7`);
  return Number(s.trim());
}

function toProtocol(s: string): Protocol {
  const hit = PROTOCOLS.find((p) => p === s.trim().toLowerCase());
  if (hit === undefined) throw usage(`unknown protocol "${s}"; valid protocols: ${PROTOCOLS.join(", ")}`);
  return hit;
}

function toPolarity(s: string): "positive" | "negative" {
  const p = s.trim().toLowerCase();
  if (p !== "positive" && p !== "negative") throw usage(`unknown polarity "${s}"; valid polarities: positive, negative`);
  return p;
}

/** Render the user message of one task/variant from the command-line options. */
export function renderPrompt(taskName: string, opts: PromptOptions): string {
  const task = TASKS.find((t) => t === taskName);
  if (task === undefined) throw usage(`unknown prompt task "${taskName}"; valid tasks: ${TASKS.join(", ")}`);
  for (const name of EXTRA_OPTIONS) {
    if (opts[name] !== undefined && !TASK_OPTIONS[task].includes(name)) {
      throw usage(`prompt ${task}: option --${name} does not apply (it takes: ${optionList(task)})`);
    }
  }
  const country = toCountry(required(opts, "country", task));
  const topic = toTopic(required(opts, "topic", task));
  const variant = toVariant(required(opts, "variant", task));
  const protocol = toProtocol(opts.protocol);
  switch (task) {
    case "generation": {
      const value = toValue(required(opts, "value", task));
      const polarity = toPolarity(required(opts, "polarity", task));
      return generationPrompt({ country, topic, value, polarity }, variant, protocol);
    }
    case "task1":
      return task1Prompt({ country, topic }, variant, protocol);
    case "task2": {
      const value = toValue(required(opts, "value", task));
      const negative = required(opts, "negative", task);
      const positive = required(opts, "positive", task);
      return task2Prompt({ country, topic, value, negative, positive }, variant, protocol);
    }
  }
}

function optionList(task: Task): string {
  return ["country", "topic", "variant", "protocol", ...TASK_OPTIONS[task]].map((o) => `--${o}`).join(" ");
}

/**
 * `vag prompt <generation|task1|task2>`: print the user message exactly as it
 * would be sent (no trailing newline added), nothing else. The default
 * protocol is `robust`, the project default for new runs, so the command
 * shows what a new run sends; pass `--protocol paper` for the authors' bytes.
 */
export function register(program: Command): void {
  program
    .command("prompt")
    .description("print the user message of a generation, Task 1 or Task 2 prompt, byte-exact")
    .argument("<task>", `one of: ${TASKS.join(", ")}`)
    .option("--country <name>", "country (all tasks)")
    .option("--topic <name>", "topic (all tasks)")
    .option("--variant <k>", "prompt variant 0..7 (all tasks; the paper's main runs used 5)")
    .option("--protocol <p>", "paper (the authors' exact text, defects included) or robust", "robust")
    .option("--value <name>", "value (generation, task2)")
    .option("--polarity <p>", "positive or negative (generation)")
    .option("--negative <text>", "action for the negative polarity, the authors' Option 1 (task2)")
    .option("--positive <text>", "action for the positive polarity (task2)")
    .addHelpText(
      "after",
      "\nThe default protocol is robust (the project default for new runs); use --protocol paper for the authors' text.\n" +
        "Task 2 variants 2, 3, 6, 7 show the positive action as Option 1.",
    )
    .action((task: string, opts: PromptOptions) => {
      process.stdout.write(renderPrompt(task, opts));
    });
}
