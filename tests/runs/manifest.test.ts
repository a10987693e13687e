import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeVersion, Manifest, manifestModel, readManifest, writeManifest, type ManifestInput } from "../../src/runs/manifest";
import { FileLineError } from "../../src/errors";

const CANARY = "sk-test-CANARY-1234567890abcdef";

function sample(): ManifestInput {
  return {
    schemaVersion: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:01:00.000Z",
    simulated: true,
    protocol: "robust",
    seed: 7,
    model: manifestModel({ id: "fake", baseUrl: "http://127.0.0.1:9/v1", apiKeyEnv: "OPENAI_API_KEY", temperature: 0, pricePerMillion: { input: 0.15, output: 0.6 } }),
    code: codeVersion(),
    scope: { countries: ["Nigeria"], variants: [5], order: "counterbalanced" },
    counts: { task2: { planned: 4, records: 4, ok: 2, repaired: 1, failed: 0, error: 1 } },
    calls: { total: 4, cacheHits: 1, requests: 6, failures: 1 },
    tokens: { prompt: 100, completion: 20 },
    costUsd: 0.0001,
    retries: { "429": 1, timeout: 1 },
    timings: { startedAt: "2026-01-01T00:00:00.000Z", finishedAt: "2026-01-01T00:01:00.000Z", wallMs: 60000, meanLatencyMs: 12 },
  };
}

test("a manifest round-trips through manifest.json", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-manifest-"));
  const written = writeManifest(dir, sample(), [CANARY]);
  assert.deepEqual(readManifest(dir), written);
  assert.equal(written.model.pricePerMillion?.output, 0.6);
  assert.match(written.code.packageVersion, /^\d+\.\d+\.\d+/);
});

test("the model section is a whitelist: URL credentials and query strings are dropped, extra fields cannot enter", () => {
  const m = manifestModel({
    id: "x",
    baseUrl: `https://user:${CANARY}@gateway.example/v1/?api-key=${CANARY}`,
    // a caller handing over a whole config object with its key and headers:
    ...({ apiKey: CANARY, headers: { Authorization: `Bearer ${CANARY}` } } as object),
  });
  assert.equal(m.baseUrl, "https://gateway.example/v1");
  assert.ok(!JSON.stringify(m).includes(CANARY));
  assert.equal(Manifest.safeParse({ ...sample(), apiKey: "x" }).success, false);
  assert.equal(Manifest.safeParse({ ...sample(), model: { ...sample().model, headers: {} } }).success, false);
});

test("writeManifest refuses text that contains a secret", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-manifest-"));
  assert.throws(() => writeManifest(dir, { ...sample(), scope: { note: CANARY } }, [CANARY]), /secret/);
  assert.throws(() => readManifest(dir), /no such file/);
});

test("a damaged manifest gives FILE:LINE: reason", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-manifest-"));
  writeFileSync(join(dir, "manifest.json"), '{\n  "schemaVersion": 1,\n  oops\n}');
  assert.throws(() => readManifest(dir), (e: unknown) => e instanceof FileLineError && e.line === 3);
  const text = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8").replace("oops", '"x": 1').replace(/,\n  "x": 1/, ""));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(text));
  assert.throws(() => readManifest(dir), FileLineError);
});
