// Usage: node bench/parse_task1.cjs REPO_ROOT [think]  (needs REPO_ROOT/dist built and ../shared/via).
// Parse every published Task 1 answer (6 files, 6,152 texts) with the robust and paper parsers, 5 times, from a repo's dist/.
const root = process.argv[2];
const { readCsvFile } = require(`${root}/dist/via/csv.js`);
const { parseTask1 } = require(`${root}/dist/parse/index.js`);
const files = ["claude-sonnet-4-20250514","gemma-2-9b-it","gpt-3.5-turbo","gpt-4o-mini","gpt-4o","llama-3.3-70b-instruct"];
const texts = files.flatMap((f) => readCsvFile(`${process.env.VAL_DATA_DIR ?? require("node:path").join(root, "..", "shared", "via")}/t1/${f}_t1.csv`, { columns: ["response"] }).rows.map((r) => r.response));
const wrap = process.argv[3] === "think";
const input = wrap ? texts.map((t, i) => `<think>\nDraft: {"Equality": "${1 + (i % 4)}", "Wealth": "strongly agree"}. Hmm.\n</think>\n${t}`) : texts;
const t0 = performance.now();
let ok = 0;
for (let k = 0; k < 5; k++) for (const t of input) { if (parseTask1(t, "robust").ok) ok++; parseTask1(t, "paper"); }
console.log(JSON.stringify({ texts: input.length, ok: ok / 5, ms: Math.round(performance.now() - t0) }));
