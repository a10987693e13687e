import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic";
import { gapMarkdown } from "./report";
import type { GapResults } from "./results";

/** Write results.json and results.md (atomically) into `outDir`; returns their paths. */
export function writeGapOutputs(results: GapResults, outDir: string): { json: string; markdown: string } {
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, "results.json");
  const markdown = join(outDir, "results.md");
  writeFileAtomic(json, JSON.stringify(results, null, 2) + "\n");
  writeFileAtomic(markdown, gapMarkdown(results));
  return { json, markdown };
}
