import OpenAI from "openai";
import { UserError } from "../errors";
import { redactUrl, scrubSecrets } from "../secrets";
import { errorCode } from "./classify";

/**
 * Before a run: is the endpoint there, and does it take our key? One
 * `GET {baseUrl}/models`. Failures become one actionable UserError line;
 * a server without /models (404, 405) counts as reachable.
 */
export async function checkEndpoint(
  config: { baseUrl: string; readonly apiKey?: string; apiKeyEnv?: string },
  options: { timeoutMs?: number } = {},
): Promise<{ models: string[] | null }> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const where = redactUrl(config.baseUrl);
  const apiKey = config.apiKey || "local-no-key";
  const sdk = new OpenAI({ apiKey, baseURL: config.baseUrl, maxRetries: 0, timeout: timeoutMs, logLevel: "off" });
  try {
    const page = await sdk.models.list();
    const ids = Array.isArray(page.data) ? page.data.map((m) => String(m.id)) : null;
    return { models: ids };
  } catch (e) {
    if (e instanceof OpenAI.APIConnectionTimeoutError) {
      throw new UserError(`${where} did not answer within ${timeoutMs} ms; check --base-url / OPENAI_BASE_URL or raise --timeout-ms`);
    }
    if (e instanceof OpenAI.APIConnectionError) {
      const code = errorCode(e);
      const why = code === "ECONNREFUSED" ? "connection refused" : code === "ENOTFOUND" || code === "EAI_AGAIN" ? "host not found" : `connection failed${code ? ` (${code})` : ""}`;
      throw new UserError(`cannot reach ${where} (${why}); start the server or check --base-url / OPENAI_BASE_URL`);
    }
    if (e instanceof OpenAI.APIError && (e.status === 401 || e.status === 403)) {
      throw new UserError(`${where} rejected the key in ${config.apiKeyEnv ?? "OPENAI_API_KEY"} (HTTP ${e.status}); check that it is valid for this endpoint`);
    }
    if (e instanceof OpenAI.APIError && typeof e.status === "number") return { models: null };
    const msg = e instanceof Error ? e.message : String(e);
    throw new UserError(`cannot use ${where}: ${scrubSecrets(msg.split("\n")[0], [apiKey])}`);
  }
}
