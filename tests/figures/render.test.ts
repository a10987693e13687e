import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COUNTRIES } from "../../src/catalog";
import { UserError } from "../../src/errors";
import { task1Heatmap } from "../../src/figures/alignmentHeatmaps";
import { rankingBars } from "../../src/figures/rankingBars";
import { pathToFileURL } from "node:url";
import { CHROMIUM_ARGS, chromiumMissing, chromiumPath, FigureRenderer, figuresHtml, plotlySource, writeFigures } from "../../src/figures/render";
import type { NamedFigure } from "../../src/figures/figure";
import { syntheticGrid } from "../helpers/figureData";

const skip = chromiumMissing() ?? false;

function pngSize(buf: Buffer): { width: number; height: number } {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  assert.equal(buf.subarray(12, 16).toString("latin1"), "IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const figs = (): NamedFigure[] => [
  { name: "m/heatmap-task1-country", title: "T1", model: "m", figure: task1Heatmap("m", "country", syntheticGrid(COUNTRIES, 1)) },
  { name: "m/ranking-country-india", title: "R", model: "m", figure: rankingBars({ axis: "country", name: "India", ranking: [["Wealth", 0.4], ["Clean", 0.2]] }) },
];

test("figures.html: plotly inlined once for many figures, figure JSON embedded safely", () => {
  const list = figs();
  list[1].title = "R </script><b>x</b>";
  const html = figuresHtml(list, { title: "Figures", files: { "m/ranking-country-india": ["m/ranking-country-india.png"] } });
  assert.equal(html.split("* plotly.js v").length - 1, 1);
  assert.ok(html.length < plotlySource().length + 200_000);
  assert.equal((html.match(/class="chart"/g) ?? []).length, 2);
  assert.doesNotMatch(html, /<\/script><b>/);
  assert.match(html, /href="m\/ranking-country-india.png"/);
  assert.doesNotMatch(plotlySource(), /<\/script/i);
});

test("a missing Chromium is one clear line telling how to install it, not a crash", async () => {
  const env = { ...process.env, VAG_CHROMIUM: "/nonexistent/chrome" };
  const msg = chromiumMissing(env);
  assert.ok(msg);
  assert.match(msg!, /^Chromium not found at \/nonexistent\/chrome: install it with `sudo apt-get install -y --no-install-recommends chromium` or set VAG_CHROMIUM/);
  assert.doesNotMatch(msg!, /\n/);
  await assert.rejects(FigureRenderer.open({ env }), (e: unknown) => e instanceof UserError && e.message === msg);
  await assert.rejects(writeFigures(figs(), mkdtempSync(join(tmpdir(), "vag-nochrome-")), { env }), UserError);
});

test("renderer: PNG at figure size x scale and SVG, one browser for all figures, plus figures.html", { skip, timeout: 120_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), "vag-render-"));
  const list = figs();
  const w = await writeFigures(list, out, { scale: 2 });
  assert.equal(w.files.length, 4);
  for (const f of list) {
    const png = readFileSync(join(out, `${f.name}.png`));
    const size = pngSize(png);
    assert.equal(size.width, f.figure.layout.width * 2);
    assert.equal(size.height, f.figure.layout.height * 2);
    assert.ok(png.length > 5_000, "a drawn figure, not an empty canvas");
    const svg = readFileSync(join(out, `${f.name}.svg`), "utf8");
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, new RegExp(`width="${f.figure.layout.width}"`));
    assert.match(svg, /Value Rankings|Social Power/);
  }
  // the heatmap draws its group labels and colour-bar title into the SVG
  const heat = readFileSync(join(out, "m/heatmap-task1-country.svg"), "utf8");
  assert.match(heat, /Universalism/);
  assert.match(heat, /0 = agree, 1 = disagree/);
  assert.ok(w.html && existsSync(w.html));
  assert.deepEqual(w.byName["m/heatmap-task1-country"], ["m/heatmap-task1-country.png", "m/heatmap-task1-country.svg"]);

  // figures.html draws every figure in a browser without console errors
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(w.html!).href);
    await page.waitForSelector("body[data-charts-ready]", { timeout: 60_000 });
    assert.equal(await page.getAttribute("body", "data-charts-ready"), "2");
    assert.equal(await page.locator(".chart .main-svg").count() >= 2, true);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
