import { test } from "node:test";
import assert from "node:assert/strict";
import {
  COUNTRIES, TOPICS, VALUES, GROUPS, VALUE_GROUPS, CLAIM_ORDER, DEFINITION, PORTRAIT, SCENARIOS,
  scenarioIndex, toCountry, toValue, toTopic, UnknownNameError, GROUP_OF,
} from "../../src/catalog";

test("sizes: 12 countries, 11 topics, 56 values in 10 groups, 132 scenarios", () => {
  assert.equal(COUNTRIES.length, 12);
  assert.equal(TOPICS.length, 11);
  assert.equal(VALUES.length, 56);
  assert.equal(new Set(VALUES).size, 56);
  assert.equal(GROUPS.length, 10);
  assert.equal(SCENARIOS.length, 132);
});

test("group order starts with Power and ends with Security (matrix column order)", () => {
  assert.deepEqual(VALUES.slice(0, 3), ["Social Power", "Authority", "Wealth"]);
  assert.equal(VALUES[55], "Sense of Belonging");
  assert.equal(GROUP_OF["Unity With Nature"], "Universalism");
  assert.equal(VALUE_GROUPS.Hedonism.length, 2);
});

test("claim order is a permutation of the values starting Equality, Inner Harmony", () => {
  assert.equal(CLAIM_ORDER.length, 56);
  assert.deepEqual([...CLAIM_ORDER].sort(), [...VALUES].sort());
  assert.deepEqual(CLAIM_ORDER.slice(0, 3), ["Equality", "Inner Harmony", "Social Power"]);
  assert.equal(CLAIM_ORDER[55], "Clean");
});

test("definitions and portraits keep the original typos", () => {
  assert.equal(DEFINITION.Ambitious, "hardworking, aspriring");
  assert.equal(PORTRAIT.Wealth, "likesmaterial possessions and money");
  assert.equal(Object.keys(PORTRAIT).length, 56);
});

test("scenarios are country-major", () => {
  assert.equal(scenarioIndex("United States", "Politics"), 0);
  assert.equal(scenarioIndex("India", "Politics"), 11);
  assert.equal(scenarioIndex("Australia", "Health and Health Care"), 131);
  assert.deepEqual(SCENARIOS[12], { country: "India", topic: "Social Networks" });
});

test("names resolve case-insensitively; unknown names list the valid ones", () => {
  assert.equal(toCountry("united  states"), "United States");
  assert.equal(toTopic("religion"), "Religion");
  assert.equal(toValue("broad-minded"), "Broad-Minded");
  assert.throws(() => toCountry("Atlantis"), (e: unknown) => {
    assert.ok(e instanceof UnknownNameError);
    assert.match((e as Error).message, /unknown country "Atlantis"; valid country names: United States, India/);
    return true;
  });
});
