import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { createLlmClient } from "../../src/llm/client";
import { resolveLlmConfig } from "../../src/llm/config";
import { scrubSecrets, redactUrl } from "../../src/secrets";
import { startFakeOpenAi } from "../helpers/fakeOpenAi";

const CANARY = "sk-test-CANARY-1234567890abcdef";

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

test("the API key reaches the server but never the cache, an error, a result or the stats", async () => {
  const server = await startFakeOpenAi({ fingerprint: "vag-sim-1" });
  try {
    const cacheDir = mkdtempSync(join(tmpdir(), "vag-cache-"));
    const config = resolveLlmConfig({ model: "fake-model", baseUrl: server.baseUrl, cacheDir, maxRetries: 1, timeoutMs: 500 }, { OPENAI_API_KEY: CANARY });
    const c = createLlmClient({ ...config, apiKey: config.apiKey, retry: { sleep: async () => {} } });
    server.queueFaults({ kind: "echo-key" }, { kind: "500" }, { kind: "500" }, { kind: "reset" }, { kind: "reset" }, { kind: "hang" }, { kind: "hang" });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await c.complete({ model: "fake-model", messages: [{ role: "user", content: `q${i}` }], temperature: 0 }));
    // the key was really used (else this test could not fail)
    assert.ok(server.requests.every((r) => r.authorization === `Bearer ${CANARY}`));
    const errors = results.map((r) => r.error).filter((e): e is string => e !== null);
    assert.equal(errors.length, 4);
    assert.match(errors[0], /^HTTP 401: .*Bearer \[redacted\]/);
    const everything = [JSON.stringify(results), inspect(c, { depth: 9, showHidden: true }), JSON.stringify(c.stats()), JSON.stringify(config)];
    for (const f of allFiles(cacheDir)) everything.push(readFileSync(f, "utf8"));
    assert.ok(allFiles(cacheDir).length > 0);
    for (const text of everything) assert.ok(!text.includes(CANARY), text.slice(0, 200));
    assert.ok(!everything.join("\n").includes("CANARY"));
  } finally {
    await server.close();
  }
});

test("scrubSecrets removes given values, bearer tokens and sk- keys; redactUrl drops credentials", () => {
  assert.equal(scrubSecrets(`bad key ${CANARY}!`, [CANARY]), "bad key [redacted]!");
  assert.equal(scrubSecrets("Authorization: Bearer abc.def-123", []), "Authorization: Bearer [redacted]");
  assert.equal(scrubSecrets("Incorrect API key provided: sk-proj-****cdef.", []), "Incorrect API key provided: sk-[redacted]");
  assert.equal(redactUrl(`https://me:${CANARY}@h.example/v1/?key=${CANARY}#x`), "https://h.example/v1");
});
