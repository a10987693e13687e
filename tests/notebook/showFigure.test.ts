import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { chromiumMissing } from "../../src/figures/render";
import { setDisplaySink, type DisplayBundle } from "../../src/notebook/display";
import { barFigure } from "../../src/notebook/barFigure";
import { closeFigures, PLOTLY_MIME, showFigure } from "../../src/notebook/showFigure";

const fig = barFigure({ title: "Test bars", categories: ["Power", "Security"], series: [{ name: "positive", values: [3, 5] }] });

async function capture<T>(fn: () => Promise<T>): Promise<{ value: T; bundles: DisplayBundle[] }> {
  const bundles: DisplayBundle[] = [];
  const prev = setDisplaySink((b) => bundles.push(b));
  try {
    return { value: await fn(), bundles };
  } finally {
    setDisplaySink(prev);
  }
}

test("showFigure writes PNG + SVG and displays one bundle with the PNG and the plotly JSON", { skip: chromiumMissing() ?? false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-showfig-"));
  try {
    const { value, bundles } = await capture(() => showFigure(fig, { file: "nb/bars", dir }));
    assert.deepEqual(value.files, [join(dir, "nb/bars.png"), join(dir, "nb/bars.svg")]);
    assert.equal(value.note, null);
    const png = readFileSync(join(dir, "nb/bars.png"));
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.match(readFileSync(join(dir, "nb/bars.svg"), "utf8"), /^<svg/);
    assert.equal(bundles.length, 1);
    assert.equal(bundles[0]["image/png"], png.toString("base64"));
    assert.deepEqual(bundles[0][PLOTLY_MIME], { data: fig.data, layout: fig.layout });
    assert.match(String(bundles[0]["text/plain"]), /Test bars/);
    assert.match(inspect(value), /^\(written: .*bars\.png/);
    // The second figure reuses the browser; display: false writes without showing.
    const second = await capture(() => showFigure(fig, { file: "nb/only-png", dir, formats: ["png"], display: false }));
    assert.equal(second.bundles.length, 0);
    assert.ok(existsSync(join(dir, "nb/only-png.png")) && !existsSync(join(dir, "nb/only-png.svg")));
  } finally {
    await closeFigures();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without Chromium nothing is written and the plotly bundle is shown with the reason", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vag-showfig-"));
  const prev = process.env.VAG_CHROMIUM;
  process.env.VAG_CHROMIUM = join(dir, "no-such-chrome");
  try {
    const { value, bundles } = await capture(() => showFigure(fig, { file: "nb/bars", dir }));
    assert.deepEqual(value.files, []);
    assert.equal(value.png, null);
    assert.match(value.note ?? "", /Chromium not found/);
    assert.equal(bundles.length, 1);
    assert.equal(bundles[0]["image/png"], undefined);
    assert.ok(bundles[0][PLOTLY_MIME]);
    assert.ok(!existsSync(join(dir, "nb")));
  } finally {
    if (prev === undefined) delete process.env.VAG_CHROMIUM;
    else process.env.VAG_CHROMIUM = prev;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file stem must stay inside the figures directory", async () => {
  for (const bad of ["../x", "/abs/x", "a/../../x", "a b", ""]) {
    await assert.rejects(showFigure(fig, { file: bad, dir: tmpdir(), formats: [] }), /relative stem/);
  }
});
