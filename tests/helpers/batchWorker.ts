import { readFileSync, writeFileSync } from "node:fs";

/**
 * An outside batch worker, as a provider or `vllm run-batch` would be: reads
 * batch input lines, sends each body to an OpenAI-compatible endpoint with
 * plain fetch (not our client), and writes batch output lines in a shuffled
 * order. `fail(i)` turns line i into a 500 response line, `errorLine(i)` into
 * a line with `error` and no response, as providers report them.
 */
export async function runBatchWorker(
  inputs: readonly string[],
  output: string,
  baseUrl: string,
  o: { seed?: number; fail?: (i: number) => boolean; errorLine?: (i: number) => boolean } = {},
): Promise<{ lines: number; failed: number }> {
  const requests = inputs.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as { custom_id: string; method: string; url: string; body: unknown }),
  );
  const out: string[] = [];
  let failed = 0;
  let i = 0;
  for (const r of requests) {
    const k = i++;
    if (o.errorLine?.(k)) {
      failed++;
      out.push(JSON.stringify({ id: `batch_req_${k}`, custom_id: r.custom_id, response: null, error: { code: "server_error", message: "worker lost this request" } }));
      continue;
    }
    if (o.fail?.(k)) {
      failed++;
      out.push(JSON.stringify({ id: `batch_req_${k}`, custom_id: r.custom_id, response: { status_code: 500, request_id: `req_${k}`, body: { error: { message: "Internal error", type: "server_error" } } }, error: null }));
      continue;
    }
    const res = await fetch(baseUrl.replace(/\/v1$/, "") + r.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(r.body) });
    out.push(JSON.stringify({ id: `batch_req_${k}`, custom_id: r.custom_id, response: { status_code: res.status, request_id: `req_${k}`, body: await res.json() }, error: null }));
  }
  // a seeded Fisher-Yates shuffle: results come back in any order
  let s = (o.seed ?? 1) >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let j = out.length - 1; j > 0; j--) {
    const m = Math.floor(rnd() * (j + 1));
    [out[j], out[m]] = [out[m], out[j]];
  }
  writeFileSync(output, out.map((l) => l + "\n").join(""));
  return { lines: out.length, failed };
}
