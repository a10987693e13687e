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

test("requests per minute: no window holds more starts than allowed (measured on the limiter's clock)", async () => {
  const now = () => performance.now();
  const windowMs = 150; // a shrunken minute
  const lim = createLimiter({ concurrency: 10, requestsPerMinute: 4, windowMs, now });
  const starts: number[] = [];
  await Promise.all(Array.from({ length: 10 }, () => lim.run(async () => void starts.push(now()))));
  assert.equal(starts.length, 10);
  for (let i = 0; i + 4 < starts.length; i++) {
    assert.ok(starts[i + 4] - starts[i] >= windowMs, `starts ${i}..${i + 4} within ${starts[i + 4] - starts[i]} ms`);
  }
});

test("a fractional rate spaces single starts", async () => {
  const now = () => performance.now();
  const lim = createLimiter({ concurrency: 5, requestsPerMinute: 0.5, windowMs: 30, now }); // one start per 60 ms
  const starts: number[] = [];
  await Promise.all(Array.from({ length: 3 }, () => lim.run(async () => void starts.push(now()))));
  assert.ok(starts[1] - starts[0] >= 60 && starts[2] - starts[1] >= 60, JSON.stringify(starts));
});
