import { test } from "node:test";
import assert from "node:assert/strict";
import { displayBundle, setDisplaySink, type DisplayBundle } from "../../src/notebook/display";

test("bundles go to the sink when one is set, else their text is printed", () => {
  const got: DisplayBundle[] = [];
  const prev = setDisplaySink((b) => got.push(b));
  try {
    displayBundle({ "text/plain": "hello", "image/png": "AAAA" });
  } finally {
    setDisplaySink(prev);
  }
  assert.deepEqual(got, [{ "text/plain": "hello", "image/png": "AAAA" }]);

  const lines: string[] = [];
  const log = console.log;
  console.log = (s: string) => lines.push(s);
  try {
    displayBundle({ "text/plain": "outside a kernel", "image/png": "AAAA" });
  } finally {
    console.log = log;
  }
  assert.deepEqual(lines, ["outside a kernel"]);
});
