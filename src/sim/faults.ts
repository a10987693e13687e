import { pick, unit } from "./random";

/**
 * Injected transport faults (issue 3 item 2, issue 7 item 1), decided per
 * ATTEMPT so that retries behave like a flaky real endpoint:
 * - "429": Too Many Requests with a Retry-After header;
 * - "500", "503": server errors with an OpenAI-shaped error body;
 * - "hang": the request is held open and never answered (the socket is
 *   dropped after `hangMs`, by then the client has given up);
 * - "reset": the socket is destroyed without a response;
 * - "bad-body": 200 with a body that is not valid JSON;
 * - "empty-choices": 200 with a well-formed response whose `choices` is [].
 */
export const FAULT_KINDS = ["429", "500", "503", "hang", "reset", "bad-body", "empty-choices"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** Probability that one attempt faults, 0..1. */
  rate: number;
  /** Kinds to draw from (uniformly); default all. */
  kinds?: FaultKind[];
  /** Retry-After of a 429, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** How long a "hang" holds the socket before dropping it (default 10 minutes). */
  hangMs?: number;
}

/** A client with 6 retries (7 attempts) always gets through: at most this many faults in a row per body. */
export const MAX_CONSECUTIVE_FAULTS = 3;

/**
 * The fault of attempt `attempt` (0-based) of a request body: a pure function
 * of (seed, body hash, attempt) unless `consecutive` faults already happened in
 * a row for that body.
 */
export function faultFor(
  seed: number,
  bodyHash: number,
  attempt: number,
  consecutive: number,
  options: FaultOptions | undefined,
): FaultKind | null {
  if (!options || options.rate <= 0 || consecutive >= MAX_CONSECUTIVE_FAULTS) return null;
  if (unit(seed, "fault", bodyHash, attempt) >= options.rate) return null;
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : FAULT_KINDS;
  return pick(kinds, unit(seed, "fault-kind", bodyHash, attempt));
}

/** Counts attempts and consecutive faults per request body (the server's only state besides stats). */
export class AttemptTracker {
  private readonly state = new Map<number, { attempts: number; consecutive: number }>();

  constructor(
    private readonly seed: number,
    private readonly options: FaultOptions | undefined,
  ) {}

  /** Decide and record the fault (or none) of the next attempt of this body. */
  next(bodyHash: number): { attempt: number; fault: FaultKind | null } {
    // Without faults there is nothing to count: keep no state per body.
    if (!this.options || this.options.rate <= 0) return { attempt: 0, fault: null };
    const s = this.state.get(bodyHash) ?? { attempts: 0, consecutive: 0 };
    const attempt = s.attempts++;
    const fault = faultFor(this.seed, bodyHash, attempt, s.consecutive, this.options);
    s.consecutive = fault ? s.consecutive + 1 : 0;
    this.state.set(bodyHash, s);
    return { attempt, fault };
  }
}
