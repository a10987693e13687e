import { test } from "node:test";
import assert from "node:assert/strict";
import { barFigure } from "../../src/notebook/barFigure";
import { figureHtml, resetFigureHtml } from "../../src/notebook/figureHtml";

test("figureHtml: plotly.js once per kernel process, AMD hidden while it loads, the PNG as fallback, model text only as escaped data", () => {
  resetFigureHtml();
  const evil = "</script><img src=x onerror=alert(1)>";
  const fig = barFigure({ title: `Bars ${evil}`, categories: ["Power", evil], series: [{ name: "positive", values: [3, 5] }] });
  const first = figureHtml(fig, "iVBORw0KGgo=", `Bars ${evil}`);
  const second = figureHtml(fig, null, "Bars");
  assert.ok(first.length > 1_000_000, "the first figure carries plotly.js");
  assert.match(first, /window\.define = undefined; try \{/);
  assert.ok(second.length < 10_000, "later figures reuse window.Plotly");
  assert.match(first, /<img alt="Bars &#60;\/script&#62;&#60;img src=x onerror=alert\(1\)&#62;" src="data:image\/png;base64,iVBORw0KGgo=">/);
  assert.doesNotMatch(second, /<img/);
  // The only "</script" sequences are the closing tags this function wrote itself.
  for (const html of [first, second]) {
    const closing = html.match(/<\/script/gi)?.length ?? 0;
    const opening = html.match(/<script>/g)?.length ?? 0;
    assert.equal(closing, opening);
    assert.ok(!html.includes("<img src=x"), "model text inserted as markup");
  }
  const ids = [first, second].map((h) => /id="(vag-figure-[0-9-]+)"/.exec(h)?.[1]);
  assert.notEqual(ids[0], ids[1]);
  assert.match(second, new RegExp(`getElementById\\("${ids[1]}"\\)`));
  assert.match(second, /Plotly\.newPlot\(el, f\.data, f\.layout/);
});
