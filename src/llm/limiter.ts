import type { ClientLayer } from "./types";

/**
 * A small limiter: at most `concurrency` tasks in flight, and at most
 * `requestsPerMinute` task starts in any sliding 60 s window (a log of recent
 * start times; exact, and easy to test). Waiters start in FIFO order.
 *
 * A fractional rate is honoured as one start per 60000/rpm ms (rpm 0.5 = one
 * start per 2 minutes). `windowMs` exists so tests can shrink the minute.
 */
export interface LimiterOptions {
  concurrency: number;
  requestsPerMinute?: number;
  windowMs?: number;
  now?: () => number;
}

export interface Limiter {
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly pending: number;
}

export function createLimiter(options: LimiterOptions): Limiter {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const now = options.now ?? (() => performance.now());
  const rpm = options.requestsPerMinute;
  const minute = options.windowMs ?? 60_000;
  const limit = rpm === undefined ? Infinity : rpm >= 1 ? Math.floor(rpm) : 1;
  const window = rpm === undefined ? minute : rpm >= 1 ? minute : minute / rpm;
  const queue: Array<() => void> = [];
  const starts: number[] = [];
  let active = 0;
  let timer: NodeJS.Timeout | null = null;

  function pump(): void {
    while (queue.length > 0 && active < concurrency) {
      if (limit !== Infinity) {
        const t = now();
        while (starts.length > 0 && starts[0] <= t - window) starts.shift();
        if (starts.length >= limit) {
          if (!timer) {
            timer = setTimeout(() => {
              timer = null;
              pump();
            }, Math.max(1, Math.ceil(starts[0] + window - t)));
          }
          return;
        }
        starts.push(t);
      }
      active++;
      queue.shift()!();
    }
  }

  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        pump();
      });
      try {
        return await fn();
      } finally {
        active--;
        pump();
      }
    },
    get active() {
      return active;
    },
    get pending() {
      return queue.length;
    },
  };
}

/**
 * The limiter layer: every request through `inner` waits for a slot. Placed
 * below the retry layer, so each retry queues again like any other attempt.
 */
export function withLimiter(limiter: Limiter): ClientLayer {
  return (inner) => ({ complete: (req) => limiter.run(() => inner.complete(req)) });
}
