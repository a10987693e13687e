import { test } from "node:test";
import assert from "node:assert/strict";
import { COUNTRIES, TOPICS, VALUES, type Country, type Topic, type Value } from "../../src/catalog";
import { generationMessages, task1Messages, task2Messages, fewShotMessages, FEWSHOT_SETTINGS } from "../../src/prompts";
import { answer, requestHash, type ChatRequestBody } from "../../src/sim/answers";
import { REASONING_MODES, deliberation, withReasoning } from "../../src/sim/reasoning";
import { splitReasoning } from "../../src/parse/reasoning";
import { client, withSim } from "./support";

const CELLS: Array<{ country: Country; topic: Topic; value: Value }> = VALUES.map((value, i) => ({ country: COUNTRIES[i % 12], topic: TOPICS[(i * 3) % 11], value }));
const SHOTS = [
  { action: "I make a point of helping.", attributions: ["helping"], explanation: "It helps.", label: true },
  { action: "I deliberately avoid helping.", attributions: ["avoid helping"], explanation: "It does not.", label: false },
];

/** Requests of every kind the simulator answers: generation, Task 1, Task 2 (both protocols), few-shot, one unknown. */
function bodies(): Array<{ kind: string; body: ChatRequestBody }> {
  const out: Array<{ kind: string; body: ChatRequestBody }> = [];
  for (const protocol of ["paper", "robust"] as const)
    for (const [i, cell] of CELLS.entries()) {
      const variant = i % 8;
      out.push({ kind: "generate", body: { messages: generationMessages({ ...cell, polarity: i % 2 ? "positive" : "negative" }, variant, protocol) } });
      out.push({ kind: "task1", body: { messages: task1Messages(cell, variant, protocol) } });
      const positive = `I make a point of defending ${cell.value} at every meeting.`;
      const negative = `I deliberately avoid ${cell.value} when I can.`;
      out.push({ kind: "task2", body: { messages: task2Messages({ ...cell, positive, negative }, variant, protocol), temperature: 0.2, seed: 3 } });
    }
  for (const setting of FEWSHOT_SETTINGS)
    for (let i = 0; i < 20; i++) out.push({ kind: "gap", body: { messages: fewShotMessages(setting, SHOTS, { action: `I make a point of volunteering ${i} times.` }) } });
  out.push({ kind: "unknown", body: { messages: [{ role: "user", content: "What is the capital of France?" }] } });
  return out;
}

test("reasoning modes: the answer after the block is exactly the answer without the mode; field mode leaves the content alone", () => {
  const forms = new Set<string>();
  for (const { kind, body } of bodies()) {
    const plain = answer(4, body, { malformedRate: 0.2 });
    assert.equal(plain.kind, kind);
    const rq = requestHash(body);
    const off = withReasoning("off", 4, rq, plain);
    assert.deepEqual([off.content, off.reasoningContent, off.deliberation], [plain.content, null, null]);

    const inline = withReasoning("inline", 4, rq, plain);
    const split = splitReasoning(inline.content);
    assert.notEqual(inline.content, plain.content);
    assert.equal(split.answer, plain.content.trim(), inline.content);
    assert.equal(split.truncated, false);
    assert.equal(split.reasoning, inline.deliberation!.text.trim());
    assert.ok(inline.content.endsWith(plain.content), "the answer is the last thing in the content");
    assert.equal(inline.reasoningContent, null);
    forms.add(/^<think>/.test(inline.content) ? "think" : /^<thinking>/.test(inline.content) ? "thinking" : "template-opened");

    const field = withReasoning("field", 4, rq, plain);
    assert.equal(field.content, plain.content);
    assert.equal(field.reasoningContent, inline.deliberation!.text);

    const both = withReasoning("both", 4, rq, plain);
    assert.equal(both.content, inline.content);
    assert.equal(both.reasoningContent, field.reasoningContent);
  }
  assert.deepEqual([...forms].sort(), ["template-opened", "think", "thinking"]);
});

test("reasoning modes never change the answer's randomness: the same request answers the same, whatever the mode", async () => {
  await withSim({ port: 0, seed: 6, reasoning: "off" }, async (off) => {
    for (const mode of REASONING_MODES.filter((m) => m !== "off"))
      await withSim({ port: 0, seed: 6, reasoning: mode }, async (on) => {
        for (const { body } of bodies().filter((_, i) => i % 9 === 0)) {
          const req = { model: "sim-respondent", ...body } as never;
          const [a, b] = await Promise.all([client(off.url).chat.completions.create(req), client(on.url).chat.completions.create(req)]);
          const plain = (a as { choices: Array<{ message: { content: string; reasoning_content?: string } }> }).choices[0].message;
          const got = (b as { choices: Array<{ message: { content: string; reasoning_content?: string } }> }).choices[0].message;
          assert.equal(plain.reasoning_content, undefined);
          assert.equal(mode === "field" ? got.content : splitReasoning(got.content).answer, plain.content.trim());
          assert.equal(typeof got.reasoning_content === "string", mode !== "inline", mode);
        }
        assert.ok(on.stats().decoys > 0, `${mode}: decoys counted`);
      });
    assert.equal(off.stats().decoys, 0);
  });
});

test("the deliberation holds decoys: drafts that differ from the answer, for every kind of prompt", () => {
  const byKind = new Map<string, { n: number; decoys: number }>();
  for (const { kind, body } of bodies()) {
    const plain = answer(4, body);
    const d = deliberation(4, requestHash(body), plain);
    const k = byKind.get(kind) ?? { n: 0, decoys: 0 };
    k.n++;
    if (d.decoy) k.decoys++;
    byKind.set(kind, k);
    if (!d.decoy) continue;
    // What a parser reading the first JSON object / label in the deliberation would get differs from the answer.
    if (kind === "task2") {
      const draft = /"action":"(Option [12])"/.exec(d.text)![1];
      assert.notEqual(draft, (JSON.parse(plain.content) as { action: string }).action);
      assert.match(d.text, /Option [12]\? .*maybe Option [12]/);
    }
    if (kind === "generate") {
      const draft = JSON.parse(/\{[\s\S]*?\n\}/.exec(d.text)![0]) as Record<string, unknown>;
      assert.notEqual(draft["Human Action"], (JSON.parse(plain.content) as Record<string, unknown>)["Human Action"]);
    }
    if (kind === "task1") {
      const draft = JSON.parse(/\{[^}]*\}/.exec(d.text)![0]) as Record<string, string>;
      const real = JSON.parse(plain.content) as Record<string, unknown>;
      const labels = ["strongly agree", "agree", "disagree", "strongly disagree", "very much like me", "like me", "not like me", "not like me at all"];
      const digit = (x: unknown) => /^[1-4]/.exec(String(x))?.[0] ?? String((labels.indexOf(String(x).toLowerCase()) % 4) + 1);
      assert.ok(Object.keys(draft).some((v) => v in real && /^[1-4]$/.test(digit(real[v])) && draft[v] !== digit(real[v])), d.text);
      assert.match(d.text, /I'd say (strongly agree|agree|disagree|strongly disagree|very much like me|like me|not like me|not like me at all) for /);
    }
    if (kind === "gap") assert.notEqual(/Label: (True|False)/.exec(d.text)![1], /^Label: (True|False)/.exec(plain.content)![1]);
  }
  for (const kind of ["generate", "task1", "task2", "gap"]) {
    const k = byKind.get(kind)!;
    // DECOY_RATE = 0.8 of deliberations hold a differing draft; the rest confirm the answer.
    assert.ok(k.decoys / k.n > 0.65 && k.decoys < k.n, `${kind}: ${k.decoys}/${k.n} decoys`);
  }
  assert.equal(byKind.get("unknown")!.decoys, 0);
});

test("inline reasoning keeps the logprobs spelling the content, with the answer tokens' probabilities unchanged", () => {
  const body: ChatRequestBody = { messages: task2Messages({ ...CELLS[3], positive: "I make a point of it.", negative: "I avoid it." }, 5, "robust"), logprobs: true, top_logprobs: 2 };
  const plain = answer(2, body);
  const r = withReasoning("inline", 2, requestHash(body), plain);
  assert.equal(r.logprobs!.map((t) => t.token).join(""), r.content);
  const marked = (ts: NonNullable<typeof r.logprobs>) => ts.filter((t) => t.logprob !== 0).map((t) => [t.token, t.logprob]);
  assert.deepEqual(marked(r.logprobs!), marked(plain.logprobs!));
  assert.ok(marked(plain.logprobs!).length > 0 || plain.logprobs!.some((t) => (t.top_logprobs?.length ?? 0) > 1));
});
