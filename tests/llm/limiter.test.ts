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
  const windowMs = 300; // a shrunken minute
  // A start is recorded on the task's first line, a scheduling delay after the limiter granted it;
  // on a loaded machine that delay made a correct limiter fail with no slack (starts 2..6 within
  // 142 ms of a 150 ms window).
  const grants: number[] = [];
  const lim = createLimiter({ concurrency: 10, requestsPerMinute: 4, windowMs, now });
  let ran = 0;
  await Promise.all(
    Array.from({ length: 10 }, () =>
      lim.run(async () => {
        ran++;
        grants.push(now());
      }),
    ),
  );
  assert.equal(ran, 10);
  // Four starts at once, then the window holds the rest back: the 5th start comes a window after
  // the 1st, the 9th a window after the 5th (a broken window would start all ten at once).
  // 40 ms of slack absorbs that delay.
  for (let i = 0; i + 4 < grants.length; i++) {
    assert.ok(grants[i + 4] - grants[i] >= windowMs - 40, `starts ${i}..${i + 4} within ${grants[i + 4] - grants[i]} ms`);
  }
  assert.ok(grants[9] - grants[0] >= 2 * windowMs - 40, `ten starts at 4 per window took ${grants[9] - grants[0]} ms`);
});

test("a fractional rate spaces single starts", async () => {
  const now = () => performance.now();
  const lim = createLimiter({ concurrency: 5, requestsPerMinute: 0.5, windowMs: 100, now }); // one start per 200 ms
  const starts: number[] = [];
  await Promise.all(Array.from({ length: 3 }, () => lim.run(async () => void starts.push(now()))));
  // As above, a start is recorded a scheduling delay after its grant (a correct limiter once showed 59.9 ms of 60):
  // 20 ms of slack, against a limiter without the rate that would start all three at once.
  assert.ok(starts[1] - starts[0] >= 180 && starts[2] - starts[1] >= 180, JSON.stringify(starts));
});
