import { Option, type Command } from "commander";
import { UserError } from "../../errors";
import { FAULT_KINDS, type FaultKind } from "../../sim/faults";
import { REASONING_MODES, type ReasoningMode } from "../../sim/reasoningModes";
import { parseList, parseNumber } from "../options";

const number = (name: string, raw: string, min: number, max: number, integer = false) => parseNumber(`--${name}`, raw, { min, max, integer });

function kinds(raw: string | undefined): FaultKind[] | undefined {
  if (raw === undefined) return undefined;
  const out = parseList(raw) ?? [];
  for (const k of out)
    if (!(FAULT_KINDS as readonly string[]).includes(k))
      throw new UserError(`unknown fault kind "${k}"; valid kinds: ${FAULT_KINDS.join(", ")}`, 2);
  return out as FaultKind[];
}

/** `vag sim-server`: serve the simulated model until Ctrl-C. */
export function register(program: Command): void {
  program
    .command("sim-server")
    .description("serve the SIMULATED model (OpenAI-compatible, seeded respondent with a planted value-action gap) on 127.0.0.1")
    .option("--port <n>", "port (0 = any free port)", "8787")
    .option("--seed <n>", "seed of the latent respondent", "1")
    .option("--latency-ms <n>", "delay before every response", "0")
    .option("--malformed-rate <x>", "share of deliberately malformed JSON answers (0..1)", "0")
    .option("--fault-rate <x>", "share of attempts that get an injected fault (0..1)", "0")
    .option("--fault-kinds <list>", `comma-separated fault kinds (${FAULT_KINDS.join(", ")})`)
    .option("--retry-after <s>", "Retry-After seconds of injected 429s", "1")
    .option("--batch-ms <n>", "time from batches.create until a simulated batch is completed", "0")
    .option("--position-bias <x>", "share of cells whose Task 2 prompts are answered by position, always Option 1 (0..1; truth in /ground-truth)", "0")
    .option("--refusal-rate <x>", "probability that a request on a refusal-prone cell (2 values, 2 scenarios, seeded; truth in /ground-truth) is declined (0..1)", "0")
    .option("--explanation-signal", "plant the non-leaky contested-cell signal in generated explanations (src/sim/planted.ts CONTESTED_*)")
    .option("--reject-response-format", "answer every response_format json_schema with a 400, as a model without structured outputs does")
    .addOption(
      new Option("--reasoning <mode>", "answer as a reasoning model, deliberation with decoys before the answer (inline = <think> in the content, field = reasoning_content)").choices(REASONING_MODES).default("off"),
    )
    .action(async (o: Record<string, string | undefined>) => {
      const reasoning = o.reasoning as ReasoningMode;
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { startSimServer } = require("../../sim/server") as typeof import("../../sim/server");
      const { refusalTruth } = require("../../sim/refusals") as typeof import("../../sim/refusals");
      const refusalRate = number("refusal-rate", o.refusalRate!, 0, 1);
      const server = await startSimServer({
        port: number("port", o.port!, 0, 65535, true),
        seed: number("seed", o.seed!, 0, 2 ** 32 - 1, true),
        latencyMs: number("latency-ms", o.latencyMs!, 0, 600_000),
        malformedRate: number("malformed-rate", o.malformedRate!, 0, 1),
        batchCompletionMs: number("batch-ms", o.batchMs!, 0, 7 * 86_400_000),
        positionBias: number("position-bias", o.positionBias!, 0, 1),
        explanationSignal: Boolean(o.explanationSignal),
        refusalRate,
        rejectResponseFormat: Boolean(o.rejectResponseFormat),
        reasoning,
        faults: {
          rate: number("fault-rate", o.faultRate!, 0, 1),
          kinds: kinds(o.faultKinds),
          retryAfterSeconds: number("retry-after", o.retryAfter!, 0, 3600),
        },
      }).catch((e: NodeJS.ErrnoException) => {
        throw new UserError(`cannot start the simulator: ${e.code === "EADDRINUSE" ? `port ${o.port} is in use` : e.message}`);
      });
      const bias = Number(o.positionBias);
      const refusals = refusalTruth(server.seed, refusalRate);
      process.stdout.write(
        `SIMULATED model (seed ${server.seed}, not a real LLM) listening at ${server.url}\n` +
          (reasoning !== "off" ? `  reasoning mode: ${reasoning} (a deliberation with decoy answers before each answer)\n` : "") +
          (refusals.rate > 0
            ? `  refusals: ${(refusals.rate * 100).toFixed(1)}% of requests on refusal-prone cells are declined (${refusals.values.join(", ")}; Task 1 ${refusals.scenarios.map((x) => `${x.country} x ${x.topic}`).join(", ")})\n`
            : "") +
          (bias > 0 ? `  position bias: ${(bias * 100).toFixed(1)}% of cells answer Task 2 "Option 1" whatever the options (cached answers of an unbiased server on this port would be reused: run with --no-cache)\n` : "") +
          `  use: OPENAI_BASE_URL=${server.url} OPENAI_API_KEY=sim   ground truth: ${server.url.replace(/\/v1$/, "")}/ground-truth\n` +
          `  Ctrl-C to stop\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          const s = server.stats();
          const schemas = Object.values(s.responseFormat.schemas).reduce((a, b) => a + b, 0);
          const rf = schemas + s.responseFormat.refused > 0 ? `, ${schemas} answered under a json_schema, ${s.responseFormat.refused} response_format refused` : "";
          const decoys = reasoning !== "off" ? `, ${s.decoys} with a decoy in the reasoning` : "";
          const declined = s.refusals > 0 ? `, ${s.refusals} declined` : "";
          process.stdout.write(`\nstopping simulator: ${s.requests} requests, ${s.malformed} malformed${rf}${decoys}${declined}, faults ${JSON.stringify(s.faults)}\n`);
          server.close().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
