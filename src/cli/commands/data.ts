import type { Command } from "commander";
import { resolveDataDir, VIA_FILES } from "../../via/files";

/** Default of --base-url (equal to via/fetch.ts DEFAULT_BASE_URL, which tests/cli/startup.test.ts checks). */
const DEFAULT_BASE_URL = "https://raw.githubusercontent.com";

/** `vag data fetch | verify`: the authors' published files, sha256-checked. */
export function register(program: Command): void {
  const data = program.command("data").description("the published VIA data (download, verify)");
  data
    .command("fetch")
    .description("download the authors' files at the pinned commits, check every sha256, rebuild the derived Task 2 tables")
    .option("--data-dir <dir>", "where to put them (default: $VAL_DATA_DIR, else data/via)")
    .option("--base-url <url>", "raw-file host (a mirror)", DEFAULT_BASE_URL)
    .action(async (opts: { dataDir?: string; baseUrl: string }) => {
      // Loaded when the command runs, not when `vag` loads every command file at start-up.
      const { fetchData } = require("../../via/fetch") as typeof import("../../via/fetch");
      const dataDir = resolveDataDir({ dataDir: opts.dataDir });
      const log = (s: string) => process.stdout.write(s + "\n");
      const r = await fetchData({ dataDir, baseUrl: opts.baseUrl, log });
      log(`${dataDir}: ${r.downloaded.length} downloaded, ${r.rebuilt.length} rebuilt, ${r.present.length} already present; all ${VIA_FILES.length} files match MANIFEST.md sha256`);
    });
  data
    .command("verify")
    .description("check the sha256 of every published file, and the derived Task 2 tables against a rebuild from their logs")
    .option("--data-dir <dir>", "data directory (default: $VAL_DATA_DIR, else data/via)")
    .action((opts: { dataDir?: string }) => {
      const { checkDerived } = require("../../via/fetch") as typeof import("../../via/fetch");
      const { checkInputs } = require("../../reproduce/reproduce") as typeof import("../../reproduce/reproduce");
      const dataDir = resolveDataDir({ dataDir: opts.dataDir });
      const checks = checkInputs(dataDir);
      const present = new Set(checks.map((c) => c.path));
      const missing = VIA_FILES.filter((f) => !present.has(f.path));
      const bad = checks.filter((c) => !c.matches);
      for (const c of bad) process.stdout.write(`MISMATCH ${c.path}\n`);
      for (const f of missing) process.stdout.write(`MISSING  ${f.path}\n`);
      const derived = checkDerived(dataDir);
      for (const d of derived) process.stdout.write(`${d.matches ? "REBUILT  ok" : "REBUILT  MISMATCH"} ${d.path} (from its log and the dataset)\n`);
      process.stdout.write(`${dataDir}: ${checks.length - bad.length} ok, ${bad.length} mismatched, ${missing.length} missing of ${VIA_FILES.length}\n`);
      if (bad.length || missing.length || derived.some((d) => !d.matches)) process.exitCode = 1;
    });
}
