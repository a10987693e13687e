import { spawn, type ChildProcess } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";

/**
 * Shared bench plumbing. Every bench script is run as its own process by
 * bench/run.ts and ends by printing ONE line `BENCH {json}` (see `report`),
 * so peak memory is that process's own and scripts cannot disturb each other.
 */

export const ROOT = resolve(__dirname, "..");

export interface Metric {
  /** What was measured, e.g. "task2 2,000 pairs, 100 ms latency, concurrency 32". */
  label: string;
  value: number;
  unit: string;
  /** The target, as text (e.g. "<= 2 s", ">= 288 req/s"). */
  target?: string;
  /** Whether the target was met (omitted when there is none). */
  ok?: boolean;
  note?: string;
}

export function report(name: string, metrics: Metric[]): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`BENCH ${JSON.stringify({ name, metrics, peakRssMb })}\n`);
}

export function machine(): string {
  const c = cpus();
  return `${c.length} x ${c[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export const time = async <T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
};

/** Start `vag sim-server` in its own process (as a real endpoint would be) and return its base URL. */
export function startSimProcess(args: string[]): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", resolve(ROOT, "src/cli/main.ts"), "sim-server", "--port", "0", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /listening at (http:\/\/\S+)/.exec(out);
      if (m) {
        ok({
          url: m[1],
          child,
          stop: () =>
            new Promise((r) => {
              child.once("exit", () => r());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => fail(new Error(`sim-server exited (${code}) before listening: ${out}`)));
  });
}
