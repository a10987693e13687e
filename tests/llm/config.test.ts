import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { isLocalUrl, loadModelsFile, LOCAL_DUMMY_KEY, manifestModelOf, resolveLlmConfig } from "../../src/llm/config";
import { checkEndpoint } from "../../src/llm/preflight";
import { createLlmClient } from "../../src/llm/client";
import { FileLineError, UserError } from "../../src/errors";
import { startFakeOpenAi, type FakeOpenAi } from "../helpers/fakeOpenAi";

const CANARY = "sk-test-CANARY-1234567890abcdef";
const root = join(__dirname, "../..");
let server: FakeOpenAi;
let closedPort: number;
before(async () => {
  server = await startFakeOpenAi();
  const gone = await startFakeOpenAi();
  closedPort = gone.port;
  await gone.close();
});
after(() => server.close());

/** Run the CLI asynchronously (the test server lives in this process and must keep answering). */
function vag(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/cli/main.ts"), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

test("a missing key for a remote endpoint is one actionable line", () => {
  assert.throws(() => resolveLlmConfig({ model: "gpt-4o-mini" }, {}), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, "OPENAI_API_KEY is not set; export it (export OPENAI_API_KEY=...) or use --base-url for a local server (e.g. --base-url http://127.0.0.1:8000/v1)");
    return true;
  });
});

test("local endpoints need no key; the key is not enumerable, so it never serialises", () => {
  const local = resolveLlmConfig({ model: "m", baseUrl: "http://localhost:8000/v1/" }, {});
  assert.equal(local.local, true);
  assert.equal(local.apiKey, LOCAL_DUMMY_KEY);
  assert.equal(local.baseUrl, "http://localhost:8000/v1");
  const remote = resolveLlmConfig({ model: "m" }, { OPENAI_API_KEY: CANARY });
  assert.equal(remote.apiKey, CANARY);
  assert.equal(remote.baseUrl, "https://api.openai.com/v1");
  for (const text of [JSON.stringify(remote), inspect(remote, { depth: 9 }), JSON.stringify({ ...remote }), JSON.stringify(manifestModelOf(remote))]) {
    assert.ok(!text.includes(CANARY), text);
  }
  assert.deepEqual([isLocalUrl("http://127.0.0.1:1/v1"), isLocalUrl("http://[::1]:1"), isLocalUrl("https://api.groq.com")], [true, true, false]);
});

test("base URL precedence: --base-url, models file, OPENAI_BASE_URL, OpenAI", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-models-"));
  const file = join(dir, "models.json");
  writeFileSync(file, JSON.stringify({ models: [{ id: "groq-llama", baseUrl: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY", temperature: 0, pricePerMillion: { input: 0.59, output: 0.79 }, concurrency: 4, requestsPerMinute: 30 }, { id: "plain" }] }));
  const env = { GROQ_API_KEY: CANARY, OPENAI_API_KEY: CANARY, OPENAI_BASE_URL: "https://env.example/v1" };
  const g = resolveLlmConfig({ model: "groq-llama", modelsFile: file }, env);
  assert.deepEqual([g.baseUrl, g.apiKeyEnv, g.concurrency, g.requestsPerMinute, g.price?.input], ["https://api.groq.com/openai/v1", "GROQ_API_KEY", 4, 30, 0.59]);
  assert.equal(resolveLlmConfig({ model: "groq-llama", modelsFile: file, baseUrl: "http://127.0.0.1:9/v1" }, env).baseUrl, "http://127.0.0.1:9/v1");
  assert.equal(resolveLlmConfig({ model: "plain", modelsFile: file }, env).baseUrl, "https://env.example/v1");
  assert.throws(() => resolveLlmConfig({ model: "groq-llama", modelsFile: file }, { OPENAI_API_KEY: CANARY }), /^UserError: GROQ_API_KEY is not set/);
  assert.throws(() => resolveLlmConfig({ model: "nope", modelsFile: file }, env), /model "nope" is not in .*known: groq-llama, plain/);
  assert.throws(() => resolveLlmConfig({ model: "m", baseUrl: "ftp://x" }, env), /not a valid http\(s\) URL/);
});

test("models file: a key in the file is refused without echoing it; bad fields give FILE:LINE", () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-models-"));
  const keyed = join(dir, "keyed.json");
  writeFileSync(keyed, `{\n  "models": [\n    { "id": "a",\n      "apiKey": "${CANARY}" }\n  ]\n}\n`);
  assert.throws(() => loadModelsFile(keyed), (e: unknown) => {
    assert.ok(e instanceof FileLineError);
    assert.equal(e.line, 4);
    assert.match(e.reason, /models\.0\.apiKey: keys do not belong in the models file/);
    assert.ok(!e.message.includes(CANARY));
    return true;
  });
  const envAsKey = join(dir, "envkey.json");
  writeFileSync(envAsKey, JSON.stringify({ models: [{ id: "a", apiKeyEnv: CANARY }] }));
  assert.throws(() => loadModelsFile(envAsKey), (e: unknown) => e instanceof FileLineError && /apiKeyEnv: must be the NAME/.test(e.reason) && !e.message.includes(CANARY));
  const hot = join(dir, "hot.json");
  writeFileSync(hot, '{\n  "models": [\n    {\n      "id": "a",\n      "temperature": 7\n    }\n  ]\n}\n');
  assert.throws(() => loadModelsFile(hot), (e: unknown) => e instanceof FileLineError && e.line === 5 && /^models\.0\.temperature: /.test(e.reason));
  const broken = join(dir, "broken.json");
  writeFileSync(broken, '{\n  "models": [\n    { "id": "a", }\n  ]\n}');
  assert.throws(() => loadModelsFile(broken), (e: unknown) => e instanceof FileLineError && e.line === 3 && /invalid JSON/.test(e.reason));
});

test("checkEndpoint: reachable, refused, rejected key", async () => {
  assert.deepEqual(await checkEndpoint({ baseUrl: server.baseUrl }), { models: ["fake-model"] });
  await assert.rejects(checkEndpoint({ baseUrl: `http://127.0.0.1:${closedPort}/v1` }), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, `cannot reach http://127.0.0.1:${closedPort}/v1 (connection refused); start the server or check --base-url / OPENAI_BASE_URL`);
    return true;
  });
  const locked = await startFakeOpenAi({ modelsStatus: 401 });
  try {
    await assert.rejects(checkEndpoint({ baseUrl: locked.baseUrl, apiKey: CANARY, apiKeyEnv: "GROQ_API_KEY" }), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.message, `${locked.baseUrl} rejected the key in GROQ_API_KEY (HTTP 401); check that it is valid for this endpoint`);
      return true;
    });
  } finally {
    await locked.close();
  }
});

test("vag ping: ok against a live endpoint; missing key and unreachable endpoint are one line each", async () => {
  const [ok, nokey, down] = await Promise.all([
    vag(["ping", "--model", "fake-model", "--base-url", server.baseUrl], {}),
    vag(["ping", "--model", "gpt-4o-mini"], {}),
    vag(["ping", "--model", "m", "--base-url", `http://127.0.0.1:${closedPort}/v1`], { OPENAI_API_KEY: CANARY }),
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^ok: .* answers \(lists fake-model; key from none needed \(local\)\)\n$/);
  assert.equal(nokey.code, 2);
  assert.equal(nokey.stdout, "");
  assert.match(nokey.stderr, /^vag: OPENAI_API_KEY is not set; export it .* or use --base-url for a local server .*\n$/);
  assert.equal(nokey.stderr.split("\n").length, 2);
  assert.equal(down.code, 1);
  assert.equal(down.stderr, `vag: cannot reach http://127.0.0.1:${closedPort}/v1 (connection refused); start the server or check --base-url / OPENAI_BASE_URL\n`);
});

test("a resolved config is passed to createLlmClient as is (its non-enumerable key included)", async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), "vag-cache-"));
  const config = resolveLlmConfig({ model: "fake-model", baseUrl: server.baseUrl, cacheDir }, { OPENAI_API_KEY: CANARY });
  const seen = server.requests.length;
  const r = await createLlmClient(config).complete({ model: config.model, messages: [{ role: "user", content: "hi" }] });
  assert.equal(r.output, "echo: hi");
  assert.equal(server.requests[seen].authorization, `Bearer ${CANARY}`);
  const local = resolveLlmConfig({ model: "fake-model", baseUrl: server.baseUrl, noCache: true }, {});
  await createLlmClient(local).complete({ model: "fake-model", messages: [{ role: "user", content: "hi" }] });
  assert.equal(server.requests.at(-1)!.authorization, `Bearer ${LOCAL_DUMMY_KEY}`);
});
