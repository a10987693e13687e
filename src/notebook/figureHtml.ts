import type { Figure } from "../figures/figure";
import { scriptJson } from "../figures/html";
import { INTERACTIVE_CONFIG, plotlySource } from "../figures/render";

/**
 * The `text/html` part of a figure's display bundle, for front-ends that run
 * the scripts of HTML outputs but do not render the plotly MIME type: the
 * classic Notebook 6 (the only front-end Debian 12 packages), also nbviewer-
 * style HTML exports. JupyterLab / VS Code with plotly support keep rendering
 * the `application/vnd.plotly.v1+json` part beside it.
 *
 * plotly.js (4.8 MB) goes out inline with the first figure of a kernel
 * process only; later charts reuse `window.Plotly`. It is loaded with AMD's
 * `define` hidden, because Notebook 6 ships require.js and plotly's UMD
 * wrapper would otherwise register an AMD module instead of `window.Plotly`.
 * When Plotly is absent (the page was reloaded but the kernel had already sent
 * the library), the PNG inside the div stays as the figure.
 * The figure JSON is embedded with `scriptJson` (no `</script>` can close it);
 * model text reaches the page only as data inside that JSON.
 */
let inlined = false;
let counter = 0;

/** Forget that plotly.js was sent (tests; a new kernel process starts with this state). */
export function resetFigureHtml(): void {
  inlined = false;
}

export function figureHtml(fig: Figure, pngBase64: string | null, alt: string): string {
  const id = `vag-figure-${process.pid}-${++counter}`;
  const library = inlined
    ? ""
    : `<script>if (!window.Plotly) { var vagDefine = window.define; window.define = undefined; try {\n${plotlySource().replace(/<\/script/gi, "<\\/script")}\n} finally { window.define = vagDefine; } }</script>`;
  inlined = true;
  const fallback = pngBase64 ? `<img alt="${alt.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}" src="data:image/png;base64,${pngBase64}">` : "";
  return (
    library +
    `<div class="vag-figure" id="${id}">${fallback}</div>` +
    `<script>(function () { var el = document.getElementById(${JSON.stringify(id)}); if (!el || !window.Plotly) return;` +
    ` var f = ${scriptJson({ data: fig.data, layout: fig.layout })}; el.innerHTML = "";` +
    ` window.Plotly.newPlot(el, f.data, f.layout, ${scriptJson(INTERACTIVE_CONFIG)}).then(function () { el.dataset.plotlyReady = "1"; }); })();</script>`
  );
}
