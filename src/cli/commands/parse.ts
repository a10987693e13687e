import type { Command } from "commander";
import { UserError } from "../../errors";
import { PROTOCOLS, type Protocol } from "../../protocol";
import { parseAction, parseTask1, parseTask2, type ParseResult } from "../../parse";

const KINDS = ["action", "task1", "task2"] as const;
type Kind = (typeof KINDS)[number];

interface ParseOptions {
  protocol: string;
  option1?: string;
  option2?: string;
}

/**
 * Parse one model answer of the given kind. Pure: the command below only
 * adds stdin and stdout. `protocol` does not apply to `action` (one parser).
 */
export function parseText(kindName: string, text: string, opts: ParseOptions): ParseResult<unknown> {
  const kind = KINDS.find((k) => k === kindName.trim().toLowerCase());
  if (kind === undefined) throw new UserError(`unknown parse kind "${kindName}"; valid kinds: ${KINDS.join(", ")}`, 2);
  const protocol = PROTOCOLS.find((p) => p === opts.protocol.trim().toLowerCase());
  if (protocol === undefined)
    throw new UserError(`unknown protocol "${opts.protocol}"; valid protocols: ${PROTOCOLS.join(", ")}`, 2);
  if ((opts.option1 === undefined) !== (opts.option2 === undefined))
    throw new UserError("parse: give both --option1 and --option2, or neither", 2);
  if (opts.option1 !== undefined && kind !== "task2") throw new UserError("parse: --option1/--option2 apply to task2 only", 2);
  return run(kind, text, protocol, opts);
}

function run(kind: Kind, text: string, protocol: Protocol, opts: ParseOptions): ParseResult<unknown> {
  if (kind === "action") return parseAction(text);
  if (kind === "task1") return parseTask1(text, protocol);
  const options = opts.option1 !== undefined ? { option1: opts.option1, option2: opts.option2 as string } : undefined;
  return parseTask2(text, protocol, options);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export function register(program: Command): void {
  program
    .command("parse")
    .description(
      "parse one model answer read from stdin and print the result as one JSON line " +
        '({"ok":true,"value":...,"repaired":bool} or {"ok":false,"reason":...}); ' +
        "exits 0 even when the text does not parse: the result says so",
    )
    .argument("<kind>", `what the text answers: ${KINDS.join(" | ")}`)
    .option("--protocol <protocol>", `parser: ${PROTOCOLS.join(" | ")} (task1, task2)`, "robust")
    .option("--option1 <text>", "task2: text of Option 1, to recognise an answer that quotes it")
    .option("--option2 <text>", "task2: text of Option 2")
    .action(async (kind: string, opts: ParseOptions) => {
      if (process.stdin.isTTY) throw new UserError("parse: pipe the model text on stdin, e.g. `echo '{...}' | vag parse task2`", 2);
      parseText(kind, "", opts); // validate arguments before reading input
      const text = await readStdin();
      process.stdout.write(JSON.stringify(parseText(kind, text, opts)) + "\n");
    });
}
