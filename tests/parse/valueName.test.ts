import { test } from "node:test";
import assert from "node:assert/strict";
import { VALUES } from "../../src/catalog/values";
import { matchValueName, readLikert } from "../../src/parse";

test("every value name, and its lower-case, spaced, underscored and unhyphenated forms, matches itself", () => {
  for (const v of VALUES) {
    assert.deepEqual(matchValueName(v), { value: v, exact: true });
    for (const variant of [
      v.toLowerCase(),
      v.toUpperCase(),
      ` ${v} `,
      v.replace(/[ -]/g, "_"),
      v.replace(/-/g, " "),
      v.replace(/[ -]/g, ""),
      `12. ${v}`,
      `${v}: some definition`,
    ])
      assert.deepEqual(matchValueName(variant), { value: v, exact: variant === v }, variant);
  }
});

test("loose key forms the published outputs use", () => {
  const cases: Array<[string, string]> = [
    ["Spiritual Life", "A Spiritual Life"],
    ["Honoring Parents and Elders", "Honoring of Parents and Elders"],
    ["Accepting My Portion in Life", "Accepting my Portion in Life"],
    ["Preserving My Public Image", "Preserving my Public Image"],
    ["Self-Discipline ", "Self-Discipline"],
    ["Honoring of Parents & Elders", "Honoring of Parents and Elders"],
    ["**Wealth**", "Wealth"],
  ];
  for (const [key, want] of cases) assert.equal(matchValueName(key)?.value, want, key);
});

test("no spelling correction, partial words or stray characters", () => {
  for (const key of ["Power", "Secure", "Loya{l", "Loya l", "Weal th", "World Peace", "Self.Respect", "", "a", "Equality Wealth", "Helpfull"])
    assert.equal(matchValueName(key), null, key);
});

test("readLikert: the scale, labels and what stays null", () => {
  const cases: Array<[unknown, number | null]> = [
    [1, 1], [4, 4], ["3", 3], [" 2 ", 2], ["1: strongly agree", 1], ["2 - like me", 2], ["(3) disagree", 3], ["4.", 4],
    ["strongly agree", 1], ["Agree", 2], ["DISAGREE", 3], ["strongly disagree", 4], ["very much like me", 1],
    ["like me", 2], ["not like me", 3], ["Not like me at all", 4], ["**2**", 2], ["2.0", 2],
    [0, null], [5, null], [2.5, null], ["5", null], ["2: strongly agree", null], ["2-3", null], ["2 or 3", null],
    ["somewhat agree", null], ["N/A", null], ["", null], [null, null], [true, null], [[1], null], [{ a: 1 }, null], [NaN, null],
  ];
  for (const [x, want] of cases) assert.equal(readLikert(x), want, JSON.stringify(x));
});

test("a key the lenient parser ran into the next member matches nothing (its value is not another value's)", () => {
  // '{"Freedom: "4", "Social Power": "1"}': the key is 'Freedom: "4", "Social Power' and "1" is Social Power's answer
  assert.equal(matchValueName('Freedom: "4", "Social Power'), null);
  assert.equal(matchValueName('Freedom: "4: strongly disagree"\n"Social Power'), null);
  assert.equal(matchValueName("Freedom: being free\nto choose"), null);
  // a definition on the key's own line still trims
  assert.deepEqual(matchValueName("Freedom: freedom of action and thought"), { value: "Freedom", exact: false });
  assert.deepEqual(matchValueName("Wealth (material possessions, money)"), { value: "Wealth", exact: false });
});
