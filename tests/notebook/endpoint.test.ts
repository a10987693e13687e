import { test } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import { configuredEndpoint, endpointOrSimulator } from "../../src/notebook/endpoint";
import { SIM_MODEL } from "../../src/sim";

const CANARY = "sk-canary-notebook-0123456789abcdef";

test("configuredEndpoint: VAG_BASE_URL, then OPENAI_BASE_URL, then OpenAI when only a key is set, else none", () => {
  assert.equal(configuredEndpoint({}), null);
  assert.deepEqual(configuredEndpoint({ OPENAI_API_KEY: CANARY }), { baseUrl: "https://api.openai.com/v1", model: "gpt-4o-mini", from: "OPENAI_API_KEY" });
  assert.equal(configuredEndpoint({ OPENAI_BASE_URL: "http://127.0.0.1:9/v1", VAG_MODEL: "m" })?.from, "OPENAI_BASE_URL");
  assert.equal(configuredEndpoint({ OPENAI_BASE_URL: "http://a/v1", VAG_BASE_URL: "http://b/v1" })?.baseUrl, "http://b/v1");
  assert.equal(configuredEndpoint({ VAG_BASE_URL: "http://b/v1", VAG_MODEL: "llama" })?.model, "llama");
});

test("without configuration the simulator starts on 127.0.0.1 and the banner says SIMULATED", async () => {
  const lines: string[] = [];
  const ep = await endpointOrSimulator({ env: {}, log: (s) => lines.push(s) });
  try {
    assert.equal(ep.simulated, true);
    assert.equal(ep.model, SIM_MODEL);
    assert.match(ep.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.match(lines.join("\n"), /SIMULATED/);
    // A real answer over a real socket with the real SDK.
    const client = new OpenAI({ baseURL: ep.baseUrl, apiKey: "local-no-key" });
    const r = await client.chat.completions.create({ model: ep.model, messages: [{ role: "user", content: "hello" }] });
    assert.equal(typeof r.choices[0].message.content, "string");
  } finally {
    await ep.close();
    await ep.close();
  }
  await assert.rejects(fetch(ep.baseUrl + "/models"));
});

test("a configured endpoint starts nothing, and neither key nor URL credentials reach the banner", async () => {
  const lines: string[] = [];
  const ep = await endpointOrSimulator({
    env: { OPENAI_API_KEY: CANARY, VAG_BASE_URL: "https://user:pass@example.invalid/v1?api-key=" + CANARY },
    log: (s) => lines.push(s),
  });
  assert.equal(ep.simulated, false);
  assert.equal(ep.baseUrl, "https://example.invalid/v1");
  const text = lines.join("\n") + ep.banner + JSON.stringify(ep);
  assert.ok(!text.includes(CANARY));
  assert.ok(!text.includes("pass"));
  await ep.close();
});
