import { test } from "node:test";
import assert from "node:assert/strict";
import { readPythonLiteral } from "../../src/via/pythonLiteral";

test("python literal: dict reprs as pandas writes them, with both quote styles and escapes", () => {
  assert.deepEqual(readPythonLiteral("{'Human Action': \"I join my family's prayers\", 'Feature Attributions': ['join', 'prayers'], 'Natural Language Explanation': 'It\\'s a \"must\"\\n'}"), {
    "Human Action": "I join my family's prayers",
    "Feature Attributions": ["join", "prayers"],
    "Natural Language Explanation": 'It\'s a "must"\n',
  });
  assert.deepEqual(readPythonLiteral("[1, -2.5, 1e3, True, False, None, (1,), ()]"), [1, -2.5, 1000, true, false, null, [1], []]);
  assert.equal(readPythonLiteral("'caf\\xe9 \\u20ac \\U0001F600 \\q'"), "café € 😀 \\q");
  assert.deepEqual(readPythonLiteral("  {}  "), {});
});

test("python literal: anything but exactly one literal is undefined (never a partial value)", () => {
  for (const bad of ["", "{'a': 1", "{'a' 1}", "{'a': 1} trailing", "{a: 1}", "'unterminated", "[1, 2", "{'a': nan}", "'bad \\x4'"]) {
    assert.equal(readPythonLiteral(bad), undefined, bad);
  }
});
