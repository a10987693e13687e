import { startSimServer, SIM_MODEL, type SimServer } from "../sim/index";
import { redactUrl } from "../secrets";

/**
 * The model a notebook talks to. A real endpoint when one is configured,
 * otherwise the built-in simulator on 127.0.0.1, announced loudly, because
 * simulated numbers must never be read as a finding about a real model.
 */
export interface NotebookEndpoint {
  /** OpenAI-compatible base URL (ends in /v1). Credentials and query are never part of it. */
  baseUrl: string;
  model: string;
  /** True when this is the built-in simulator (a real endpoint may still turn out simulated: the run manifest says). */
  simulated: boolean;
  /** One line for the notebook: which endpoint, which model, simulated or not, where the config came from. */
  banner: string;
  /** Stop the simulator (no-op for a real endpoint). Safe to call twice. */
  close(): Promise<void>;
}

export const DEFAULT_REAL_MODEL = "gpt-4o-mini";
export const NOTEBOOK_SIM_SEED = 7;

/**
 * Which endpoint the environment configures, without starting anything:
 * `VAG_BASE_URL`, else `OPENAI_BASE_URL`, else OpenAI itself when
 * `OPENAI_API_KEY` is set; null when none is (-> simulator). The model is
 * `VAG_MODEL` (default gpt-4o-mini). The key is never read here: the llm
 * layer reads it from the environment when it sends a request.
 */
export function configuredEndpoint(env: NodeJS.ProcessEnv = process.env): { baseUrl: string; model: string; from: string } | null {
  const model = env.VAG_MODEL?.trim() || DEFAULT_REAL_MODEL;
  if (env.VAG_BASE_URL?.trim()) return { baseUrl: env.VAG_BASE_URL.trim(), model, from: "VAG_BASE_URL" };
  if (env.OPENAI_BASE_URL?.trim()) return { baseUrl: env.OPENAI_BASE_URL.trim(), model, from: "OPENAI_BASE_URL" };
  if (env.OPENAI_API_KEY?.trim()) return { baseUrl: "https://api.openai.com/v1", model, from: "OPENAI_API_KEY" };
  return null;
}

export interface EndpointOptions {
  env?: NodeJS.ProcessEnv;
  /** Simulator seed (default 7, the demo's). */
  seed?: number;
  /** Where the banner goes (default console.log); pass `() => {}` to silence. */
  log?: (line: string) => void;
}

/**
 * A real endpoint when configured (see `configuredEndpoint`), else start the
 * simulator and say loudly that every number below is SIMULATED.
 *
 * @example
 *   const ep = await endpointOrSimulator();   // prints the banner
 *   ... runTask({ baseUrl: ep.baseUrl, model: ep.model, ... })
 *   await ep.close();
 */
export async function endpointOrSimulator(o: EndpointOptions = {}): Promise<NotebookEndpoint> {
  const log = o.log ?? ((s: string) => console.log(s));
  const real = configuredEndpoint(o.env ?? process.env);
  if (real) {
    const baseUrl = redactUrl(real.baseUrl);
    const banner = `endpoint: ${baseUrl} (from ${real.from}), model ${real.model}. Calls may cost money; results are cached under .cache/llm.`;
    log(banner);
    return { baseUrl, model: real.model, simulated: false, banner, close: async () => {} };
  }
  const sim: SimServer = await startSimServer({ port: 0, seed: o.seed ?? NOTEBOOK_SIM_SEED });
  const banner =
    `*** SIMULATED MODEL *** No endpoint is configured (OPENAI_API_KEY / OPENAI_BASE_URL / VAG_BASE_URL), so this notebook ` +
    `uses the built-in simulator at ${sim.url} (seed ${sim.seed}, a known planted gap). Every number below is SIMULATED, not a result about any real model.`;
  log(banner);
  let closed = false;
  return {
    baseUrl: sim.url,
    model: SIM_MODEL,
    simulated: true,
    banner,
    close: async () => {
      if (closed) return;
      closed = true;
      await sim.close();
    },
  };
}
