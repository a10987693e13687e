/**
 * Throughput of the simulated model alone: N Task 2 requests through the real
 * openai SDK at a given concurrency and latency (defaults: 2,000, 32, 100 ms;
 * ideal = concurrency / latency = 320 req/s). Prints req/s, the share of the
 * ideal, CPU per request (client and server share this process) and the load
 * average, since on a shared box the CPU share decides the figure.
 *
 *   npx tsx bench/sim.ts [requests] [concurrency] [latencyMs]
 *
 * Ends with the harness's `BENCH {json}` line (bench/lib.ts), so `npm run bench -- sim` can run it.
 */
import { loadavg } from "node:os";
import OpenAI from "openai";
import { COUNTRIES, TOPICS, VALUES } from "../src/catalog";
import { task2Messages } from "../src/prompts";
import { simulatedAction, startSimServer } from "../src/sim";
import { report } from "./lib";

async function main(): Promise<void> {
  const [n, concurrency, latencyMs] = [Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 32), Number(process.argv[4] ?? 100)];
  const sim = await startSimServer({ seed: 1, latencyMs });
  const client = new OpenAI({ baseURL: sim.url, apiKey: "sim", maxRetries: 0 });
  const bodies: ReturnType<typeof task2Messages>[] = [];
  for (const country of COUNTRIES)
    for (const topic of TOPICS)
      for (const value of VALUES) {
        const positive = simulatedAction(1, country, topic, value, "positive", 0).action;
        const negative = simulatedAction(1, country, topic, value, "negative", 0).action;
        bodies.push(task2Messages({ country, topic, value, positive, negative }, 5, "paper"));
      }
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const messages = bodies[next++ % bodies.length];
        await client.chat.completions.create({ model: "sim-respondent", messages });
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await sim.close();
  const rate = n / seconds;
  const ideal = (concurrency * 1000) / latencyMs;
  console.log(
    `sim: ${n} Task 2 requests, concurrency ${concurrency}, latency ${latencyMs} ms: ${seconds.toFixed(2)} s, ` +
      `${rate.toFixed(0)} req/s = ${((100 * rate) / ideal).toFixed(0)}% of ideal ${ideal.toFixed(0)}; ` +
      `CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms/request (client + server); ` +
      `load average ${loadavg()[0].toFixed(1)}; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  report("sim", [
    {
      label: `simulator + SDK client in one process: ${n} Task 2 requests, ${latencyMs} ms latency, concurrency ${concurrency}`,
      value: rate,
      unit: "req/s",
      note: `${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU per request; load average ${loadavg()[0].toFixed(1)}`,
    },
  ]);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
