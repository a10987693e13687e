/**
 * Rich output for notebooks. A display bundle maps MIME types to data
 * (`image/png` as base64, `application/vnd.plotly.v1+json` as an object,
 * `text/plain` as a fallback); the front-end shows the richest type it can.
 *
 * Inside a tslab kernel the bundle goes out as ONE `display_data` message, so
 * JupyterLab with plotly support shows the interactive chart and every other
 * front-end (nbconvert, GitHub, VS Code without the extension) shows the PNG,
 * never both. tslab's public `display.raw` sends one MIME type per message,
 * so we call the function it calls (`lastWriteDisplayData` of
 * tslab/dist/jupyter, set while a cell runs). Outside a kernel
 * (tests, scripts) bundles go to the sink set with `setDisplaySink`, else
 * their `text/plain` part is printed.
 */
export type DisplayBundle = Record<string, unknown>;
export type DisplaySink = (bundle: DisplayBundle) => void;

let sink: DisplaySink | null = null;

/** Send bundles somewhere else (tests); `null` restores the default. Returns the previous sink. */
export function setDisplaySink(s: DisplaySink | null): DisplaySink | null {
  const prev = sink;
  sink = s;
  return prev;
}

type WriteDisplayData = (content: { data: DisplayBundle; metadata: object; transient: object }, update: boolean) => void;

/**
 * The running tslab kernel's display writer, or null outside a kernel. It is
 * looked up among modules already loaded (the kernel's own copy), since a
 * loader with its own module namespace could otherwise hand us a fresh,
 * never-connected copy.
 */
function tslabWriter(): WriteDisplayData | null {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) continue;
    const write = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof write === "function") return write as WriteDisplayData;
  }
  return null;
}

/** Show one bundle (see the file comment for where it goes). */
export function displayBundle(bundle: DisplayBundle): void {
  if (sink) return sink(bundle);
  const write = tslabWriter();
  if (write) return write({ data: bundle, metadata: {}, transient: {} }, false);
  const text = bundle["text/plain"];
  if (typeof text === "string") console.log(text);
}

/** Show HTML (with a plain-text fallback). */
export function displayHtml(html: string, text: string): void {
  displayBundle({ "text/html": html, "text/plain": text });
}
