#!/usr/bin/env -S node --enable-source-maps
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { UserError } from "../errors";
import { UnknownNameError } from "../catalog/names";

/**
 * The `vag` command line. Each subcommand lives in its own file under
 * cli/commands/ and exports `register(program)`; they are loaded here in
 * file-name order so that adding a command never touches this file.
 */
export function buildProgram(): Command {
  const program = new Command("vag")
    .description("value-action-lens: measure whether LLMs act on the values they state")
    .showHelpAfterError()
    .exitOverride();
  const dir = join(__dirname, "commands");
  for (const f of readdirSync(dir).sort()) {
    if (!/\.(ts|js)$/.test(f) || f.endsWith(".d.ts")) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, f)) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
  return program;
}

/** Print a user-facing error as one line and return its exit code. */
export function reportError(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (e instanceof UserError) {
    process.stderr.write(`vag: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof UnknownNameError) {
    process.stderr.write(`vag: ${e.message}\n`);
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`vag: internal error: ${msg.split("\n")[0]}\n`);
  if (process.env.VAG_DEBUG) console.error(e);
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    return reportError(e);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
