import { resolve } from "node:path";
import { UserError } from "../errors";
import type { Run } from "../runs/openRun";
import { publishedTargets } from "./published";
import type { GapTarget } from "./results";
import { runTargets } from "./runDir";

/** Where the gap predictor's targets come from: the published data or a run directory. */
export type GapSource = { dataDir: string } | { runDir: string } | { run: Run };

/** Load the targets of a source, with a `source: …` note first (and the run's notes). */
export function loadGapTargets(source: GapSource): { targets: GapTarget[]; notes: string[] } {
  if ("dataDir" in source) return { targets: publishedTargets(source.dataDir), notes: [`source: published data ${resolve(source.dataDir)}`] };
  const run = "run" in source ? source.run : source.runDir;
  const dir = typeof run === "string" ? run : run.dir;
  const r = runTargets(run);
  if (r.targets.length === 0) throw new UserError(`gap: no Task 2 choices found in run ${dir}`, 2);
  return { targets: r.targets, notes: [`source: run ${resolve(dir)}`, ...r.notes] };
}
