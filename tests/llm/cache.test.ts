import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CACHE_FILE, cacheKey, openCache, type CacheEntry } from "../../src/llm/cache";
import type { CompletionRequest } from "../../src/llm/types";
import { recordId } from "../../src/runs/id";

const root = join(__dirname, "../..");
const BASE = "http://127.0.0.1:8000/v1";
const request: CompletionRequest = {
  model: "m",
  messages: [{ role: "system", content: "You are…" }, { role: "user", content: "Rate \"Wealth\"\nfrom 1 to 4" }],
  temperature: 0.7,
  maxTokens: 256,
  seed: 3,
  replicate: 2,
};

const entry = (key: string, output: string): CacheEntry => ({
  key, createdAt: "2026-01-01T00:00:00.000Z", endpoint: BASE, model: "m", output, usage: { promptTokens: 1, completionTokens: 2 }, simulated: false,
});

test("the cache key covers endpoint, model, messages, sampling parameters and replicate", () => {
  const k = cacheKey(BASE, request);
  assert.match(k, /^[0-9a-f]{64}$/);
  const variants: Array<[string, CompletionRequest]> = [
    ["http://127.0.0.1:8001/v1", request],
    [BASE, { ...request, model: "m2" }],
    [BASE, { ...request, messages: [...request.messages, { role: "user", content: "more" }] }],
    [BASE, { ...request, temperature: 0 }],
    [BASE, { ...request, temperature: undefined }],
    [BASE, { ...request, maxTokens: 257 }],
    [BASE, { ...request, seed: undefined }],
    [BASE, { ...request, replicate: 0 }],
  ];
  const keys = new Set([k, ...variants.map(([b, r]) => cacheKey(b, r))]);
  assert.equal(keys.size, variants.length + 1);
  // ...but not the spelling of the endpoint, nor credentials in it, nor replicate 0 vs absent
  assert.equal(cacheKey(`${BASE}/`, request), k);
  assert.equal(cacheKey("http://user:secret@127.0.0.1:8000/v1", request), k);
  assert.equal(cacheKey(BASE, { ...request, replicate: 0 }), cacheKey(BASE, { ...request, replicate: undefined }));
});

test("cache keys and record ids are the same in another process, whatever the key order", () => {
  const reordered = { replicate: 2, seed: 3, maxTokens: 256, temperature: 0.7, messages: request.messages.map((m) => ({ content: m.content, role: m.role })), model: "m" };
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "tests/helpers/printCacheKey.ts"), JSON.stringify({ baseUrl: BASE, request: reordered })], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { cacheKey: cacheKey(BASE, request), recordId: recordId(request) });
});

test("a torn last line is ignored on load and never glued to the next append; later lines win", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-cache-"));
  const c = openCache(dir);
  c.put(entry("a".repeat(64), "first"));
  c.put(entry("b".repeat(64), "second"));
  const file = join(dir, CACHE_FILE);
  appendFileSync(file, JSON.stringify(entry("c".repeat(64), "torn")).slice(0, 50));
  const reloaded = openCache(dir, { reload: true });
  assert.equal(reloaded.size, 2);
  assert.equal(reloaded.get("a".repeat(64))?.output, "first");
  assert.equal(reloaded.has("c".repeat(64)), false);
  reloaded.put(entry("a".repeat(64), "refreshed"));
  const lines = readFileSync(file, "utf8").split("\n");
  assert.equal(lines.pop(), "");
  assert.equal(lines.length, 4);
  assert.deepEqual(lines.filter((l) => l.endsWith("}")).map((l) => JSON.parse(l).output), ["first", "second", "refreshed"]);
  const after = openCache(dir, { reload: true });
  assert.equal(after.get("a".repeat(64))?.output, "refreshed");
  assert.equal(after.get("b".repeat(64))?.output, "second");
  assert.equal(after.skippedLines, 1);
});

test("a damaged line in the middle is skipped, not fatal (it is only a cache)", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-cache-"));
  const c = openCache(dir);
  c.put(entry("a".repeat(64), "one"));
  appendFileSync(join(dir, CACHE_FILE), "garbage\n");
  c.put(entry("b".repeat(64), "two"));
  const r = openCache(dir, { reload: true });
  assert.equal(r.skippedLines, 1);
  assert.deepEqual([r.get("a".repeat(64))?.output, r.get("b".repeat(64))?.output], ["one", "two"]);
});

test("entries keep text with newlines, quotes and unicode intact; the file opens once per process", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-cache-"));
  assert.equal(existsSync(join(dir, CACHE_FILE)), false);
  const c = openCache(dir);
  const text = 'line 1\n"quoted" — ünïcödé 🙂\r\n{"action": "Option 2"}';
  c.put(entry("d".repeat(64), text));
  assert.equal(openCache(dir), c);
  assert.equal(openCache(dir, { reload: true }).get("d".repeat(64))?.output, text);
});
