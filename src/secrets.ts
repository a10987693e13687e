/**
 * Secret hygiene. Keys come from the environment only; these helpers keep them
 * out of anything we print or write (errors, manifests, cache entries).
 */

/** Environment variables whose values are treated as secrets. */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i;

/** Values of secret-looking environment variables (8+ characters, so short flags never match). */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([k, v]) => SECRET_NAME.test(k) && typeof v === "string" && v.length >= 8)
    .map(([, v]) => v as string);
}

/**
 * Remove secrets from a text: every occurrence of the given values, bearer
 * tokens, and OpenAI-style `sk-...` keys (providers echo masked keys in 401s).
 */
export function scrubSecrets(text: string, secrets: readonly string[] = secretsFromEnv()): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  return out
    .replace(/\bBearer\s+[^\s"',;]+/gi, "Bearer [redacted]")
    .replace(/\bsk-[A-Za-z0-9_*.\-]{6,}/g, "sk-[redacted]");
}

/** Does any of the secrets occur in `text`? */
export function containsSecret(text: string, secrets: readonly string[] = secretsFromEnv()): boolean {
  return secrets.some((s) => s.length >= 4 && text.includes(s));
}

/**
 * A base URL fit to be written down: credentials in the URL (user:pass@) and
 * the query string (some gateways take `?api-key=`) are dropped.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    u.search = "";
    u.hash = "";
    return u.toString().replace(/\/+$/, "");
  } catch {
    return "(invalid URL)";
  }
}
