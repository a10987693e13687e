import { join, resolve } from "node:path";
import { writeFileAtomic } from "../io/atomic";
import { compareTables } from "./comparison";
import { reproductionMarkdown, tableCsv, tableMarkdown } from "./reproductionReport";
import { resultsJsonText, type Reproduction } from "./reproduce";

/** The tables `vag reproduce` writes as CSV and Markdown (Table 5 too: it reproduces exactly; Tables 9, 10, 2: the human evaluation). */
export const OUTPUT_TABLES = ["table3", "table4", "table8", "table13", "table14", "table5", "table9", "table10", "table2"] as const;

/**
 * Every output file of a reproduction, name -> content, all computed in
 * memory first so that nothing is written unless everything succeeded.
 */
export function reproductionOutputs(rep: Reproduction): Map<string, string> {
  const tables = compareTables(rep);
  const out = new Map<string, string>();
  out.set("results.json", resultsJsonText(rep.results));
  // For `vag figures` / `vag report --from out/reproduce`: heatmap grids and the published misaligned examples.
  out.set("matrices.json", JSON.stringify({ heatmaps: rep.detail.heatmaps }) + "\n");
  out.set("misaligned.json", JSON.stringify({ simulated: false, examples: rep.detail.examples }) + "\n");
  for (const id of OUTPUT_TABLES) {
    const t = tables.find((x) => x.id === id)!;
    out.set(`${id}.csv`, tableCsv(t));
    out.set(`${id}.md`, tableMarkdown(t));
  }
  out.set("REPRODUCTION.md", reproductionMarkdown(rep, tables, [...out.keys(), "REPRODUCTION.md"]));
  return out;
}

/** Write the outputs, each atomically (temp file + rename); returns the absolute paths. */
export function writeOutputs(outDir: string, outputs: Map<string, string>): string[] {
  const dir = resolve(outDir);
  return [...outputs].map(([name, text]) => {
    const path = join(dir, name);
    writeFileAtomic(path, text);
    return path;
  });
}
