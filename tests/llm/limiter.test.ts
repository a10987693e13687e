import { test } from "node:test";
import assert from "node:assert/strict";
import { createLimiter } from "../../src/llm/limiter";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("never more than `concurrency` tasks in flight, and all of them run, in FIFO order", async () => {
  const lim = createLimiter({ concurrency: 3 });
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      lim.run(async () => {
        order.push(i);
        active++;
        peak = Math.max(peak, active);
        await tick(5 + (i % 3) * 5);
        active--;
      }),
    ),
  );
  assert.equal(peak, 3);
  assert.deepEqual(order, Array.from({ length: 20 }, (_, i) => i));
  assert.equal(lim.active, 0);
  assert.equal(lim.pending, 0);
});

test("a failing task frees its slot and its error reaches the caller", async () => {
  const lim = createLimiter({ concurrency: 1 });
  await assert.rejects(lim.run(async () => { throw new Error("boom"); }), /boom/);
  assert.equal(await lim.run(async () => 42), 42);
});

/**
 * The rate tests run on a mocked clock (node:test mock timers: setTimeout and
 * Date), so a start time is exact and no assertion depends on how loaded the
 * machine is: the clock only moves when the test ticks it.
 */
const settle = () => new Promise<void>((r) => setImmediate(r)); // setImmediate is not mocked: lets granted tasks run

test("requests per minute: no window holds more starts than allowed (on a mocked clock)", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  const windowMs = 1000; // a shrunken minute
  const lim = createLimiter({ concurrency: 10, requestsPerMinute: 4, windowMs, now: () => Date.now() });
  const starts: number[] = [];
  const all = Promise.all(Array.from({ length: 10 }, () => lim.run(async () => void starts.push(Date.now()))));
  await settle();
  // Four starts at once, then the window holds the rest back until the first four leave it.
  assert.deepEqual(starts, [0, 0, 0, 0]);
  t.mock.timers.tick(windowMs - 1);
  await settle();
  assert.equal(starts.length, 4, "a start before the window had passed");
  t.mock.timers.tick(1);
  await settle();
  assert.deepEqual(starts, [0, 0, 0, 0, 1000, 1000, 1000, 1000]);
  t.mock.timers.tick(windowMs);
  await settle();
  await all;
  assert.deepEqual(starts, [0, 0, 0, 0, 1000, 1000, 1000, 1000, 2000, 2000]);
});

test("a fractional rate spaces single starts", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  const lim = createLimiter({ concurrency: 5, requestsPerMinute: 0.5, windowMs: 100, now: () => Date.now() }); // one start per 200 ms
  const starts: number[] = [];
  const all = Promise.all(Array.from({ length: 3 }, () => lim.run(async () => void starts.push(Date.now()))));
  await settle();
  assert.deepEqual(starts, [0]);
  t.mock.timers.tick(199);
  await settle();
  assert.deepEqual(starts, [0], "a second start within 200 ms");
  t.mock.timers.tick(1);
  await settle();
  t.mock.timers.tick(200);
  await settle();
  await all;
  assert.deepEqual(starts, [0, 200, 400]);
});
