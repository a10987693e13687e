import { test } from "node:test";
import assert from "node:assert/strict";
import type { Command } from "commander";
import { buildProgram } from "../../src/cli/main";

/**
 * `vag` loads every command file at start-up (main.ts), so a command file that
 * imports its implementation eagerly makes every command slower (it was 0.6 s of
 * CPU per start, most of `vag reproduce`'s fixed cost). Command files load their
 * implementation inside the action; this holds them to it.
 */
const HEAVY = ["node_modules/zod/", "node_modules/openai/", "node_modules/danfojs", "node_modules/plotly.js-dist-min/"];

const option = (program: Command, path: string[], flag: string) => {
  let cmd: Command | undefined = program;
  for (const name of path) cmd = cmd?.commands.find((c) => c.name() === name);
  assert.ok(cmd, path.join(" "));
  const o = cmd.options.find((x) => x.long === flag);
  assert.ok(o, `${path.join(" ")} ${flag}`);
  return o.defaultValue as unknown;
};

test("cli start-up: registering every command loads no heavy module", () => {
  const program = buildProgram();
  assert.ok(program.commands.some((c) => c.name() === "reproduce"));
  const loaded = Object.keys(require.cache).filter((k) => HEAVY.some((h) => k.includes(h)));
  assert.deepEqual(loaded, [], "loaded at start-up");
});

test("cli start-up: option defaults copied into command files equal their sources", () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { DEFAULT_RESULTS_SEED, DEFAULT_RESAMPLES } = require("../../src/results/modelResults") as typeof import("../../src/results/modelResults");
  const { DEFAULT_BASE_URL } = require("../../src/via/fetch") as typeof import("../../src/via/fetch");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const program = buildProgram();
  assert.equal(option(program, ["reproduce"], "--seed"), DEFAULT_RESULTS_SEED);
  assert.equal(option(program, ["reproduce"], "--iterations"), DEFAULT_RESAMPLES);
  assert.equal(option(program, ["data", "fetch"], "--base-url"), DEFAULT_BASE_URL);
  assert.equal(option(program, ["analyze"], "--seed"), DEFAULT_RESULTS_SEED);
  assert.equal(option(program, ["analyze"], "--iterations"), DEFAULT_RESAMPLES);
});
