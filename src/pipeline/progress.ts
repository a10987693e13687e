import { SingleBar, Presets } from "cli-progress";
import type { ProgressEvent } from "./execute";

/**
 * A progress bar on stderr (done/total, rate, ETA, cache hits, failures) when
 * stderr is a terminal; otherwise silent, so logs and tests stay clean.
 */
export function progressBar(label: string, enabled = Boolean(process.stderr.isTTY)): { update: (e: ProgressEvent) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    {
      format: `${label.padEnd(9)} {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | cache {cache} | failed {failed}`,
      stream: process.stderr,
      etaBuffer: 200,
      fps: 5,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  const t0 = Date.now();
  let first = 0;
  return {
    update(e) {
      if (!started) {
        bar.start(e.total, e.done, { rate: "0", cache: 0, failed: 0 });
        started = true;
        first = e.done;
      }
      const secs = (Date.now() - t0) / 1000;
      bar.update(e.done, { rate: secs > 0 ? ((e.done - first) / secs).toFixed(1) : "0", cache: e.cacheHits, failed: e.failures });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
