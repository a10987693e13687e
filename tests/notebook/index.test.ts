import { test } from "node:test";
import assert from "node:assert/strict";
import * as vag from "../../src";
import { buildLibrary } from "../helpers/build";

test("src/index exposes every layer as a namespace, notebooks' loader included", () => {
  const expect: Record<string, string[]> = {
    catalog: ["toCountry", "scenarioKey"],
    prompts: ["generationPrompt", "task1Prompt", "task2Prompt"],
    parse: ["parsed", "failed"],
    runs: ["readRecords", "readManifest"],
    llm: ["createLlmClient", "resolveLlmConfig"],
    sim: ["startSimServer", "groundTruth"],
    analysis: ["alignmentRate", "statedMatrix", "actedMatrix"],
    pipeline: ["runTask", "runDemoPipeline"],
    io: ["readJsonText", "writeFileAtomic", "appendJsonLines"],
    via: ["importTask1", "importTask2", "fetchData"],
    reproduce: ["reproduce", "compareTables"],
    gap: ["runGap", "runTargets", "withFeatures"],
    results: ["modelResults", "runResults", "analyzeRuns"],
    figures: ["figureSet", "writeFigures", "FigureRenderer", "loadInputs"],
    notebook: ["table", "showFigure", "endpointOrSimulator", "runStudy", "analyzeStudy", "frame", "cellRows", "rowsOf", "subsetResults", "figureHtml"],
  };
  for (const [layer, names] of Object.entries(expect)) {
    const ns = (vag as unknown as Record<string, Record<string, unknown>>)[layer];
    assert.ok(ns, `no namespace ${layer}`);
    for (const n of names) assert.equal(typeof ns[n], "function", `${layer}.${n}`);
  }
  assert.ok(Object.keys(vag.report).length > 0);
  buildLibrary();
  // The notebooks' entry point is the compiled library, with the same namespaces.
  const loaded = require("../../notebooks/vag.cjs") as Record<string, unknown>;
  assert.deepEqual(Object.keys(loaded).sort(), Object.keys(vag).sort());
});
