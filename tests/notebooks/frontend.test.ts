import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromiumMissing, chromiumPath, CHROMIUM_ARGS } from "../../src/figures/render";
import { buildLibrary } from "../helpers/build";
import { ROOT } from "../helpers/cli";

/**
 * The real front-end, end to end: `npm run jupyter`'s launcher starts the
 * classic Notebook (Debian's jupyter-notebook) headless on 127.0.0.1 with a
 * token; Chromium opens a copy of 00-quickstart, runs its first cells on the
 * simulator, and the page shows a table and a chart that answers a mouse
 * hover with a value. Bounded: every wait has a deadline, the server is
 * stopped (its process group killed if it does not exit).
 */
const frontEnd = ["/usr/bin/jupyter-notebook", "/usr/bin/jupyter-lab"].find((p) => existsSync(p));
const skip = chromiumMissing() ?? (frontEnd ? false : "no Jupyter front-end: sudo apt-get install -y --no-install-recommends jupyter-notebook (setup does it as root)");

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the front-end exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the front-end did not answer ${url} within ${ms / 1000} s:\n${log()}`);
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill("SIGTERM");
  });
}

test("npm run jupyter: the classic Notebook runs 00-quickstart's first cells in Chromium; a table and an interactive chart appear", { skip, timeout: 300_000 }, async () => {
  buildLibrary();
  const base = mkdtempSync(join(tmpdir(), "vag-frontend-"));
  const nbDir = join(base, "notebooks");
  mkdirSync(nbDir);
  copyFileSync(join(ROOT, "notebooks", "00-quickstart.ipynb"), join(nbDir, "00-quickstart.ipynb"));
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "VAG_BASE_URL", "VAG_MODEL"]) delete env[k];
  Object.assign(env, {
    JUPYTER_TOKEN: token,
    JUPYTER_CONFIG_DIR: join(base, "config"),
    JUPYTER_RUNTIME_DIR: join(base, "runtime"),
    VAG_FIGURES_DIR: join(base, "figures"),
    VAG_RUNS_DIR: join(base, "runs"),
    VAG_CACHE_DIR: join(base, "cache"),
  });
  let log = "";
  const server = spawn(process.execPath, [join(ROOT, "scripts", "jupyter.mjs"), "--no-watch", "--no-browser", `--port=${port}`, "--port-retries=0", `--notebook-dir=${nbDir}`], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForServer(`${url}/api/status?token=${token}`, server, () => log, 60_000);
    assert.equal((await fetch(`${url}/api/contents`)).status, 403, "the server must require its token");
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${url}/notebooks/00-quickstart.ipynb?token=${token}`, { timeout: 60_000 });
    await page.waitForFunction(() => {
      const nb = (globalThis as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean; info_reply?: unknown } } } }).Jupyter?.notebook;
      return Boolean(nb?.kernel?.is_connected() && nb.kernel.info_reply);
    }, undefined, { timeout: 60_000 });

    // Code cells: 2 library + endpoint, 4 runStudy + status table, 6 analysis + scenario table, 10 the stated-vs-acted chart.
    await page.evaluate(() => (globalThis as unknown as { Jupyter: { notebook: { execute_cells(i: number[]): void } } }).Jupyter.notebook.execute_cells([2, 4, 6, 10]));
    // The chart cell runs last: wait until it is drawn, failing early on the first failed cell.
    const deadline = Date.now() + 120_000;
    for (;;) {
      // A string, not a function: tsx would wrap a function's inner helpers in its own `__name`, unknown in the page.
      const state = (await page.evaluate(`(() => {
        const texts = (s) => Array.from(document.querySelectorAll(s)).map((e) => e.textContent || "");
        return { errors: texts(".output_stderr, .output_error"), ready: document.querySelectorAll('.vag-figure[data-plotly-ready="1"]').length, outputs: texts(".output_area") };
      })()`)) as { errors: string[]; ready: number; outputs: string[] };
      if (state.errors.length > 0) assert.fail(`a cell failed in the front-end:\n${state.errors.join("\n")}`);
      if (state.ready > 0) break;
      if (Date.now() > deadline)
        assert.fail(`no chart drawn within 120 s; outputs:\n${state.outputs.map((t) => t.slice(0, 300)).join("\n---\n")}\npage errors: ${pageErrors.join("; ")}\nserver:\n${log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const chart = page.locator(".vag-figure.js-plotly-plot");

    // A table: the status table of cell 4, as the front-end renders it.
    const tables = await page.locator(".output_area pre").allInnerTexts();
    assert.ok(tables.some((t) => /task/.test(t) && /generate/.test(t) && /task2/.test(t)), `no status table among the outputs:\n${tables.join("\n---\n")}`);
    assert.ok(tables.some((t) => /SIMULATED/.test(t)), "the notebook says it runs on the simulator");

    // The chart is drawn by plotly.js in the page (not a picture), and a hover shows a value.
    await chart.first().waitFor({ timeout: 10_000 });
    const point = page.locator(".vag-figure .scatterlayer .point").first();
    await point.scrollIntoViewIfNeeded();
    const box = await point.boundingBox();
    assert.ok(box, "the chart has points");
    // A real pointer: approach the point so plotly's drag layer sees mouse moves, then rest on it.
    await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2 - 30);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    const hover = page.locator(".vag-figure .hoverlayer .hovertext");
    await hover.first().waitFor({ timeout: 10_000 });
    const hoverText = (await hover.first().textContent()) ?? "";
    assert.match(hoverText, /\d\.\d/, `hover text without a value: ${hoverText}`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(base, { recursive: true, force: true });
  }
  assert.doesNotMatch(log, new RegExp(`token=${token}.*0\\.0\\.0\\.0`), "bound to 127.0.0.1 only");
});
