import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../../src/errors";
import { checkDerived, fetchData, rawUrl, sha256, type RebuildSpec } from "../../src/via/fetch";
import { AUTHORS_REPO, HEAD_COMMIT, type ViaFile } from "../../src/via/files";
import { makeZip } from "./makeZip";

// A local raw-file host serving a temp dir as /<repo>/<commit>/<path>, with
// small synthetic files (never the published data): the real fetch code, real sockets.
const REPO = "someone/repo";
const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const root = mkdtempSync(join(tmpdir(), "vag-fetch-srv-"));
let server: Server;
let base = "";
const requests: string[] = [];

function serve(path: string, bytes: Buffer) {
  const p = join(root, REPO, COMMIT, path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, bytes);
}

const dataset = Buffer.from(
  ",Unnamed: 0,country,topic,value,polarity,generation_prompt\n" +
    '0,0,Egypt,Religion,Wealth,positive,"{""Human Action"": ""I save.""}"\n' +
    '1,1,Egypt,Religion,Wealth,negative,"{""Human Action"": ""I spend.""}"\n',
);
const logText = Buffer.from('{"index": 1, "model_choice": true, "prompt_index": "5"}\n{"index": 0, "model_choice": false, "prompt_index": "5"}\n');
const plain = Buffer.from("label,result\nTrue,Label: True\n");
// Written by hand from the two files above: what the rebuild must produce.
const expectedDerived = Buffer.from(
  "dataset_row,country,topic,value,polarity,model_choice,prompt_index\n0,Egypt,Religion,Wealth,positive,False,5\n1,Egypt,Religion,Wealth,negative,True,5\n",
);

const entry = (path: string, bytes: Buffer, source: ViaFile["source"]): ViaFile => ({
  path,
  kind: "dataset",
  rows: 0,
  bytes: bytes.length,
  sha256: sha256(bytes),
  source,
});
const FILES: ViaFile[] = [
  entry("dataset/data.csv", dataset, { path: "release/data.zip", commit: COMMIT, zipped: true }),
  entry("t2_logs/run.jsonl", logText, { path: "logs/eval log:1.jsonl", commit: COMMIT }),
  entry("explanations/plain.csv", plain, { path: "out/plain.csv", commit: COMMIT }),
  entry("t2_reconstructed/run.csv", expectedDerived, null),
];
const REBUILDS: Record<string, RebuildSpec> = {
  "t2_reconstructed/run.csv": { log: "t2_logs/run.jsonl", dataset: "dataset/data.csv", rowOf: (i) => i },
};

before(async () => {
  serve("release/data.zip", makeZip([{ name: "__MACOSX/._data.csv", data: Buffer.from("x") }, { name: "data.csv", data: dataset }]));
  serve("logs/eval log:1.jsonl", logText);
  serve("out/plain.csv", plain);
  serve("out/tampered.csv", Buffer.from("label,result\nTrue,Label: False\n"));
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const p = join(root, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!p.startsWith(root) || !existsSync(p)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(p));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

test("rawUrl percent-encodes each path segment", () => {
  assert.equal(
    rawUrl("https://host/", "o/r", { path: "a b/c:d.csv", commit: "abc" }),
    "https://host/o/r/abc/a%20b/c%3Ad.csv",
  );
});

test("fetch: downloads, unzips, checks sha256, rebuilds the derived file; a second run downloads nothing", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vag-fetch-"));
  const lines: string[] = [];
  const r = await fetchData({ dataDir, baseUrl: base, repo: REPO, files: FILES, rebuilds: REBUILDS, log: (s) => lines.push(s) });
  assert.deepEqual(r.downloaded, ["dataset/data.csv", "t2_logs/run.jsonl", "explanations/plain.csv"]);
  assert.deepEqual(r.rebuilt, ["t2_reconstructed/run.csv"]);
  assert.deepEqual(readFileSync(join(dataDir, "dataset/data.csv")), dataset);
  assert.deepEqual(readFileSync(join(dataDir, "t2_reconstructed/run.csv")), expectedDerived);
  assert.ok(requests.some((u) => u.endsWith("/logs/eval%20log%3A1.jsonl")));
  assert.deepEqual(checkDerived(dataDir, REBUILDS), [{ path: "t2_reconstructed/run.csv", matches: true }]);
  writeFileSync(join(dataDir, "t2_reconstructed/run.csv"), expectedDerived.toString().replace("True", "False"));
  assert.deepEqual(checkDerived(dataDir, REBUILDS), [{ path: "t2_reconstructed/run.csv", matches: false }]);
  writeFileSync(join(dataDir, "t2_reconstructed/run.csv"), expectedDerived);
  const before2 = requests.length;
  const again = await fetchData({ dataDir, baseUrl: base, repo: REPO, files: FILES, rebuilds: REBUILDS });
  assert.equal(again.present.length, 4);
  assert.equal(requests.length, before2);
});

test("fetch: a sha256 mismatch is one line, and leaves no file (not even a temp file)", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vag-fetch-"));
  const tampered = entry("explanations/plain.csv", plain, { path: "out/tampered.csv", commit: COMMIT });
  await assert.rejects(
    fetchData({ dataDir, baseUrl: base, repo: REPO, files: [tampered], rebuilds: {} }),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /^explanations\/plain\.csv: sha256 mismatch: expected [0-9a-f]{64}, got [0-9a-f]{64}/);
      assert.ok(!e.message.includes("\n"));
      return true;
    },
  );
  assert.equal(existsSync(join(dataDir, "explanations/plain.csv")), false);
  const leftovers = existsSync(join(dataDir, "explanations")) ? readdirSync(join(dataDir, "explanations")) : [];
  assert.deepEqual(leftovers, []);
});

test("fetch: HTTP 404 and an unreachable host are one-line errors", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vag-fetch-"));
  const gone = entry("explanations/plain.csv", plain, { path: "out/missing.csv", commit: COMMIT });
  await assert.rejects(fetchData({ dataDir, baseUrl: base, repo: REPO, files: [gone], rebuilds: {} }), /^UserError: explanations\/plain\.csv: download failed: HTTP 404/);
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  await assert.rejects(
    fetchData({ dataDir, baseUrl: `http://127.0.0.1:${port}`, repo: REPO, files: [gone], rebuilds: {}, timeoutMs: 5000 }),
    /download failed: ECONNREFUSED/,
  );
});

/** Run the CLI asynchronously: a sync spawn would block this process's server. */
function runCli(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: resolve(__dirname, "../.."), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => done({ status, stderr }));
  });
}

test("vag data fetch: sha256 mismatch exits non-zero with one stderr line and writes nothing", async () => {
  // The CLI fetches the real layout; this server has a wrong (tiny) dataset zip
  // at the real path of the first file, so its sha256 check fails.
  const zipPath = join(root, AUTHORS_REPO, HEAD_COMMIT, "outputs/data_release/value_action_gap_full_data_generation.zip");
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, makeZip([{ name: "value_action_gap_full_data_generation.csv", data: dataset }]));
  const dataDir = mkdtempSync(join(tmpdir(), "vag-fetch-cli-"));
  const r = await runCli(["data", "fetch", "--data-dir", dataDir, "--base-url", base]);
  assert.equal(r.status, 1);
  const err = r.stderr.trim().split("\n");
  assert.equal(err.length, 1, r.stderr);
  assert.match(err[0], /^vag: dataset\/value_action_gap_full_data_generation\.csv: sha256 mismatch: expected 892e5258/);
  assert.deepEqual(readdirSync(dataDir), []);
});
