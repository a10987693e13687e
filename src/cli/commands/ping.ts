import type { Command } from "commander";
import { intOption } from "../options";

/**
 * `vag ping --model ID [--base-url URL] [--models FILE]`: is the endpoint
 * configured, reachable, and does it take the key? Sends no completion, so
 * it costs nothing. Problems are one actionable line.
 */
export function register(program: Command): void {
  program
    .command("ping")
    .description("check that an OpenAI-compatible endpoint is reachable and accepts the key (sends no completion)")
    .requiredOption("--model <id>", "model id (looked up in --models when given)")
    .option("--base-url <url>", "endpoint, e.g. http://127.0.0.1:8000/v1 (default: the model's baseUrl, OPENAI_BASE_URL, OpenAI)")
    .option("--models <file>", "models file (JSON) with per-model endpoint, key variable, sampling, prices and limits")
    .option("--timeout-ms <n>", "how long to wait for the endpoint", intOption("--timeout-ms", { min: 1 }), 5000)
    .action(async (opts: { model: string; baseUrl?: string; models?: string; timeoutMs: number }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { resolveLlmConfig } = require("../../llm/config") as typeof import("../../llm/config");
      const { checkEndpoint } = require("../../llm/preflight") as typeof import("../../llm/preflight");
      const config = resolveLlmConfig({ model: opts.model, baseUrl: opts.baseUrl, modelsFile: opts.models });
      const { models } = await checkEndpoint(config, { timeoutMs: opts.timeoutMs });
      const listed = models === null ? "no model list" : models.includes(config.model) ? `lists ${config.model}` : `${models.length} models, ${config.model} not among them`;
      process.stdout.write(`ok: ${config.baseUrl} answers (${listed}; key from ${config.local ? "none needed (local)" : config.apiKeyEnv})\n`);
    });
}
