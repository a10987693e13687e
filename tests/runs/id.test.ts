import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { canonicalJson, recordId } from "../../src/runs/id";

test("canonicalJson sorts keys recursively and drops undefined members", () => {
  assert.equal(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] }), '{"a":[2,{"d":3}],"b":1}');
  assert.equal(canonicalJson({ x: "é\n" }), '{"x":"é\\n"}');
});

test("recordId is 16 hex chars, independent of key order, sensitive to every part", () => {
  const a = recordId({ task: "task2", country: "Nigeria", value: "Wealth", replicate: 0 });
  const b = recordId({ replicate: 0, value: "Wealth", country: "Nigeria", task: "task2" });
  assert.match(a, /^[0-9a-f]{16}$/);
  assert.equal(a, b);
  assert.notEqual(a, recordId({ task: "task2", country: "Nigeria", value: "Wealth", replicate: 1 }));
});

test("recordId is the same in another process", () => {
  const parts = { task: "task1", country: "India", topic: "Politics", variant: 3, model: "m", nested: { z: 1, a: [1, 2] } };
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "-e", `const { recordId } = require("./src/runs/id"); process.stdout.write(recordId(${JSON.stringify({ nested: { a: [1, 2], z: 1 }, model: "m", variant: 3, topic: "Politics", country: "India", task: "task1" })}))`],
    { cwd: join(__dirname, "../.."), encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, recordId(parts));
});
