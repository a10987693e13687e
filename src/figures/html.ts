/** Small HTML helpers shared by figures.html and the report. */

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * JSON that is safe inside an inline <script>: `<` is written as `\u003c` so no
 * `</script>` or `<!--` can end or confuse the script element, and the two
 * line separators that JavaScript (before ES2019) rejects in strings are escaped.
 */
export function scriptJson(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
