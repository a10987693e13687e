import { test } from "node:test";
import assert from "node:assert/strict";
import OpenAI from "openai";
import { task2Messages, generationMessages } from "../../src/prompts";
import { FAULT_KINDS, MAX_CONSECUTIVE_FAULTS, faultFor, type FaultKind } from "../../src/sim";
import { ask, client, pool, withSim } from "./support";

const BODY = task2Messages(
  { country: "Uganda", topic: "Work Orientation", value: "Ambitious", negative: "I deliberately avoid working overtime.", positive: "I make a point of working hard to move up." },
  5,
  "paper",
);

/** What a client sees on one attempt. */
async function attempt(c: OpenAI): Promise<{ error: unknown } | { content: string | null; choices: number }> {
  try {
    const r = await c.chat.completions.create({ model: "x", messages: BODY });
    return { content: r.choices[0]?.message.content ?? null, choices: r.choices.length };
  } catch (error) {
    return { error };
  }
}

const EXPECT: Record<FaultKind, (e: unknown) => boolean> = {
  "429": (e) => e instanceof OpenAI.RateLimitError && e.headers?.get("retry-after") === "0",
  "500": (e) => e instanceof OpenAI.InternalServerError && e.status === 500,
  "503": (e) => e instanceof OpenAI.InternalServerError && e.status === 503,
  hang: (e) => e instanceof OpenAI.APIConnectionTimeoutError,
  reset: (e) => e instanceof OpenAI.APIConnectionError && !(e instanceof OpenAI.APIConnectionTimeoutError),
  "bad-body": (e) => e instanceof SyntaxError,
  "empty-choices": () => false,
};

for (const kind of FAULT_KINDS) {
  test(`fault "${kind}": three faulted attempts, then the fault-free answer`, async () => {
    const clean = await withSim({ seed: 5 }, (s) => ask(client(s.url), BODY));
    await withSim({ seed: 5, faults: { rate: 1, kinds: [kind], retryAfterSeconds: 0, hangMs: 5000 } }, async (s) => {
      // Short timeout only where the server hangs; a loaded machine must not fake a timeout elsewhere.
      const c = client(s.url, { maxRetries: 0, timeout: kind === "hang" ? 300 : 30_000 });
      for (let i = 0; i < MAX_CONSECUTIVE_FAULTS; i++) {
        const r = await attempt(c);
        if (kind === "empty-choices") assert.deepEqual(r, { content: null, choices: 0 });
        else assert.ok("error" in r && EXPECT[kind](r.error), `attempt ${i}: ${"error" in r ? String(r.error) : "no error"}`);
      }
      const ok = await attempt(client(s.url, { maxRetries: 0, timeout: 30_000 }));
      assert.deepEqual(ok, { content: clean, choices: 1 });
      assert.equal(s.stats().faults[kind], MAX_CONSECUTIVE_FAULTS);
      assert.equal(s.stats().requests, MAX_CONSECUTIVE_FAULTS + 1);
    });
  });
}

test("the SDK's own retries (429, 500, 503, reset) get through to the identical answer", async () => {
  const clean = await withSim({ seed: 6 }, (s) => ask(client(s.url), BODY));
  await withSim({ seed: 6, faults: { rate: 1, kinds: ["429", "500", "503", "reset"], retryAfterSeconds: 0.05 } }, async (s) => {
    const got = await ask(client(s.url, { maxRetries: 6 }), BODY);
    assert.equal(got, clean);
    const f = s.stats().faults;
    assert.equal(f["429"] + f["500"] + f["503"] + f.reset, 3);
  });
});

test("fault decisions: about `rate` of attempts, all kinds, never more than 3 in a row, pure per (seed, body, attempt)", () => {
  const counts: Record<string, number> = {};
  let faults = 0;
  const N = 20000;
  for (let body = 0; body < N; body++) {
    const k = faultFor(1, body, 0, 0, { rate: 0.2 });
    assert.equal(k, faultFor(1, body, 0, 0, { rate: 0.2 }));
    if (k) (faults++, (counts[k] = (counts[k] ?? 0) + 1));
  }
  assert.ok(Math.abs(faults / N - 0.2) < 0.015, `fault share ${faults / N}`);
  assert.deepEqual(Object.keys(counts).sort(), [...FAULT_KINDS].sort());
  for (const k of FAULT_KINDS) assert.ok(counts[k] > (0.2 * N) / 7 - 150, `${k}: ${counts[k]}`);
  assert.equal(faultFor(1, 7, 3, MAX_CONSECUTIVE_FAULTS, { rate: 1 }), null);
  assert.equal(faultFor(1, 7, 0, 0, { rate: 0 }), null);
  assert.equal(faultFor(1, 7, 0, 0, undefined), null);
});

test("20% faults: a client retrying up to 6 times gets every answer identical to a clean run", async () => {
  const bodies = Array.from({ length: 40 }, (_, i) =>
    generationMessages({ country: "Egypt", topic: "Religion", value: "Devout", polarity: i % 2 ? "positive" : "negative" }, i % 8, "robust").map((m) =>
      m.role === "system" ? { ...m, content: `${m.content} #${i}` } : m,
    ),
  );
  const clean = await withSim({ seed: 7 }, (s) => pool(bodies, 16, (m) => ask(client(s.url), m)));
  await withSim({ seed: 7, faults: { rate: 0.2, retryAfterSeconds: 0, hangMs: 10_000 } }, async (s) => {
    // The timeout must exceed a loaded machine's slowest real answer; hangs cost one timeout each.
    const c = client(s.url, { maxRetries: 0, timeout: 3000 });
    const faulty = await pool(bodies, 16, async (m) => {
      for (let i = 0; i < 7; i++) {
        try {
          const r = await c.chat.completions.create({ model: "x", messages: m });
          if (r.choices.length > 0) return r.choices[0].message.content;
        } catch {
          // retried below, like the project's client does for every fault kind
        }
      }
      return "gave up";
    });
    assert.deepEqual(faulty, clean);
    const st = s.stats();
    const total = Object.values(st.faults).reduce((a, b) => a + b, 0);
    assert.ok(total > 0, "some faults were injected");
    assert.equal(st.requests, 40 + total);
  });
});
