import { resolve } from "node:path";

/**
 * The layout of the published data (../shared/via/MANIFEST.md), kept as data:
 * where each file lives under the data directory, its expected sha256, size and
 * row count, and where it comes from in the authors' repository
 * (github.com/huashen218/value_action_gap). `data fetch` downloads from
 * `source`; files with `source: null` are derived and are rebuilt locally
 * (see fetch.ts). Readers never need more than `path`.
 */

export const AUTHORS_REPO = "huashen218/value_action_gap";
/** HEAD of the authors' repository (2025-09-18), short form 3c5e013 as in MANIFEST.md. */
export const HEAD_COMMIT = "3c5e0133221499619abcc8c7fc802b31e7c4a144";
/** The GPT-4o-mini Task 2 log is present in commits db32c70..f09260e only (not at HEAD). */
export const GPT4O_MINI_LOG_COMMIT = "db32c707714978f2729e07def724d22762e2a38f";
/** The version of Hua's annotation sheet that kappa.ipynb was run on (blob 8f612b1). */
export const HUA_2024_12_11_COMMIT = "7a48d380cb1ba5a69d78f4e67c9939117627abec";

export type ViaKind =
  | "dataset"
  | "explanations"
  | "explanations_pilot"
  | "human_annotation"
  | "misaligned_examples"
  | "t1"
  | "t2_logs"
  | "t2_reconstructed"
  | "task2_prompt_agreement";

export interface ViaSource {
  /** Repository-relative path in the authors' repository. */
  path: string;
  commit: string;
  /** The file is the single entry of this zip archive. */
  zipped?: boolean;
}

export interface ViaFile {
  /** Path relative to the data directory. */
  path: string;
  kind: ViaKind;
  /** Data rows (CSV rows without header, or JSONL lines). */
  rows: number;
  bytes: number;
  sha256: string;
  /** null: derived file, rebuilt from other files by `data fetch`. */
  source: ViaSource | null;
}

export const VIA_FILES: readonly ViaFile[] = [
  { path: "dataset/value_action_gap_full_data_generation.csv", kind: "dataset", rows: 14784, bytes: 10187781, sha256: "892e52588d9b9ffa0c3316200dec4ceec4e893793aa2a47ae6f11415e4f9209d", source: { path: "outputs/data_release/value_action_gap_full_data_generation.zip", commit: HEAD_COMMIT, zipped: true } },
  { path: "explanations/chatgpt_explanation_outputs_attribution.csv", kind: "explanations", rows: 200, bytes: 37312, sha256: "fa3ab7dc6a76da0e82120ceb9090860e9ef88d83167094e1470751a5a6e0baa8", source: { path: "outputs/evaluation/explanations/chatgpt_explanation_outputs_attribution.csv", commit: HEAD_COMMIT } },
  { path: "explanations/chatgpt_explanation_outputs_attribution_explanation.csv", kind: "explanations", rows: 200, bytes: 86749, sha256: "b31f8f1f9f0af66cd1c41e7bbcaa578d97094d7795d8ccc9c66842a9652a3e9c", source: { path: "outputs/evaluation/explanations/chatgpt_explanation_outputs_attribution_explanation.csv", commit: HEAD_COMMIT } },
  { path: "explanations/chatgpt_explanation_outputs_default.csv", kind: "explanations", rows: 200, bytes: 4255, sha256: "f4a7b9ae76c6c5e0298302d6a2cfdb01a9ec7f32d35d5a412715db751ce11597", source: { path: "outputs/evaluation/explanations/chatgpt_explanation_outputs_default.csv", commit: HEAD_COMMIT } },
  { path: "explanations/chatgpt_explanation_outputs_explanation.csv", kind: "explanations", rows: 200, bytes: 57209, sha256: "c3fb4e94691ef50c1b4b76ebb32eb1168223cd89d70bce3e413aad3f3c563c81", source: { path: "outputs/evaluation/explanations/chatgpt_explanation_outputs_explanation.csv", commit: HEAD_COMMIT } },
  { path: "explanations/llama3_explanation_outputs_attribution.csv", kind: "explanations", rows: 200, bytes: 34738, sha256: "ce8a0530667bbeaaea283c077b112d51389567d712d8a33b8359263e74fca861", source: { path: "outputs/evaluation/explanations/llama3_explanation_outputs_attribution.csv", commit: HEAD_COMMIT } },
  { path: "explanations/llama3_explanation_outputs_attribution_explanation.csv", kind: "explanations", rows: 200, bytes: 83743, sha256: "61f3408d75307d2e268e5557b4a3a312c906344ea2065231dd908ec775fca131", source: { path: "outputs/evaluation/explanations/llama3_explanation_outputs_attribution_explanation.csv", commit: HEAD_COMMIT } },
  { path: "explanations/llama3_explanation_outputs_default.csv", kind: "explanations", rows: 200, bytes: 4247, sha256: "3c603f76de3a49713f54311fba80db284729ba79c0a307569cb0a45fa3965fa9", source: { path: "outputs/evaluation/explanations/llama3_explanation_outputs_default.csv", commit: HEAD_COMMIT } },
  { path: "explanations/llama3_explanation_outputs_explanation.csv", kind: "explanations", rows: 200, bytes: 56723, sha256: "88cb09d5a8d5a85172beb35c202245d3c1daf4e83964f561de889e6829874a1b", source: { path: "outputs/evaluation/explanations/llama3_explanation_outputs_explanation.csv", commit: HEAD_COMMIT } },
  { path: "explanations_pilot/explanation_outputs_attribution.csv", kind: "explanations_pilot", rows: 10, bytes: 1788, sha256: "d1bb71de3de0b78d076ac260e85c0c340901c282139532dcbcd4525b6129faa6", source: { path: "outputs/evaluation/explanation_outputs_attribution.csv", commit: HEAD_COMMIT } },
  { path: "explanations_pilot/explanation_outputs_attribution_explanation.csv", kind: "explanations_pilot", rows: 10, bytes: 4036, sha256: "1e54697ab768c139d39bd61eef7e18a98e0f67dc6d5fd20b2ceb5aa25d7a4a6f", source: { path: "outputs/evaluation/explanation_outputs_attribution_explanation.csv", commit: HEAD_COMMIT } },
  { path: "explanations_pilot/explanation_outputs_default.csv", kind: "explanations_pilot", rows: 10, bytes: 210, sha256: "4633d5c88fcb1b5c0108582da45327e098c0c6c6c9ad8e1bd81e11d02d08b683", source: { path: "outputs/evaluation/explanation_outputs_default.csv", commit: HEAD_COMMIT } },
  { path: "explanations_pilot/explanation_outputs_explanation.csv", kind: "explanations_pilot", rows: 10, bytes: 2668, sha256: "b881122011dc0c199103c79994886496369f81360983077302cfc30367bc6c40", source: { path: "outputs/evaluation/explanation_outputs_explanation.csv", commit: HEAD_COMMIT } },
  { path: "human_annotation/human_annotation_value_actions_evaluation_gpt_4o_mini.csv", kind: "human_annotation", rows: 92, bytes: 416230, sha256: "60001e1b3d747149e2a9f0a3ab3d3085c921b1878e107153eb4fcc8ccb1472b6", source: { path: "src/outputs/human_annotation/human_annotation_value_actions_evaluation_gpt_4o_mini.csv", commit: HEAD_COMMIT } },
  { path: "human_annotation/human_annotation_value_actions_gpt_4o_Hua.csv", kind: "human_annotation", rows: 92, bytes: 414753, sha256: "4e1c48e87171a46c471104acc50f4eb2f8f3d12673002e20cadbff40caf812b5", source: { path: "outputs/human_annotation/human_annotation_value_actions_gpt_4o - Hua.csv", commit: HEAD_COMMIT } },
  { path: "human_annotation/human_annotation_value_actions_gpt_4o_Hua_2024-12-11.csv", kind: "human_annotation", rows: 93, bytes: 415449, sha256: "27c517a5f1c40437b9037025edc94813acd3b74eb6f045270697b05929828e35", source: { path: "src/outputs/human_annotation/human_annotation_value_actions_gpt_4o - Hua.csv", commit: HUA_2024_12_11_COMMIT } },
  { path: "human_annotation/human_annotation_value_actions_gpt_4o_Nick.csv", kind: "human_annotation", rows: 82, bytes: 414599, sha256: "ad0bc00eb52b806dc35b38f5e43cf55600eb2af854ce31231e34593533aa982c", source: { path: "outputs/human_annotation/human_annotation_value_actions_gpt_4o - Nick.csv", commit: HEAD_COMMIT } },
  { path: "misaligned_examples/chatgpt_misaligned_example.csv", kind: "misaligned_examples", rows: 1246, bytes: 824203, sha256: "fb9154177d24d6bd1b985f98b6f47e9763f977091dca8e5874a0f414bc9e2612", source: { path: "outputs/evaluation/misaligned_examples/chatgpt_misaligned_example.csv", commit: HEAD_COMMIT } },
  { path: "misaligned_examples/chatgpt_misaligned_example_early.csv", kind: "misaligned_examples", rows: 1421, bytes: 278060, sha256: "d3979fc7e2c7bdd7fafea0a17e434336c9194a2f43d783db4dae043c1456d850", source: { path: "outputs/evaluation/chatgpt_misaligned_example.csv", commit: HEAD_COMMIT } },
  { path: "misaligned_examples/deepseek_misaligned_example.csv", kind: "misaligned_examples", rows: 1107, bytes: 768111, sha256: "67ffef1d1159ec1d48c1e203e6c0a922f387d90476d5a9caa41ab6024ad3cef6", source: { path: "outputs/evaluation/misaligned_examples/deepseek_misaligned_example.csv", commit: HEAD_COMMIT } },
  { path: "misaligned_examples/gemma_misaligned_example.csv", kind: "misaligned_examples", rows: 1085, bytes: 731110, sha256: "da79eba4221c43eee153eab028819fcdb4a0411981457290750e566f3266e1ed", source: { path: "outputs/evaluation/misaligned_examples/gemma_misaligned_example.csv", commit: HEAD_COMMIT } },
  { path: "misaligned_examples/gpt4o_misaligned_example.csv", kind: "misaligned_examples", rows: 1050, bytes: 709309, sha256: "0fb1b04dea79a7a93a438fcd82bbab610fa2f5933fbfea0b3ad7a93315b50826", source: { path: "outputs/evaluation/misaligned_examples/gpt4o_misaligned_example.csv", commit: HEAD_COMMIT } },
  { path: "misaligned_examples/llama3_misaligned_example.csv", kind: "misaligned_examples", rows: 1002, bytes: 694374, sha256: "283434657a5a79a11acd5c0f62dc13513994e188726adbba816d4245281704b5", source: { path: "outputs/evaluation/misaligned_examples/llama3_misaligned_example.csv", commit: HEAD_COMMIT } },
  { path: "misaligned_examples/qwen_misaligned_example.csv", kind: "misaligned_examples", rows: 1616, bytes: 1122865, sha256: "c1e6a679f8fbe3156e1001b87b5ae4c2ca59c8a9bfab904193ce2e4354df9a23", source: { path: "outputs/evaluation/misaligned_examples/qwen_misaligned_example.csv", commit: HEAD_COMMIT } },
  { path: "t1/claude-sonnet-4-20250514_t1.csv", kind: "t1", rows: 1056, bytes: 1702105, sha256: "d2f58b79cb73f2a0b218c8c47d3685bce1111f82628a94600ac5c20862ee8abf", source: { path: "outputs/evaluation/anthropic-claude-sonnet-4-20250514_t1.csv", commit: HEAD_COMMIT } },
  { path: "t1/gemma-2-9b-it_t1.csv", kind: "t1", rows: 1056, bytes: 2419832, sha256: "7d2c87e69f40e4cbbbb72fb8b211112cabccaaeda263deb29580430fc1ec1b3b", source: { path: "outputs/evaluation/gemma-2-9b-it_t1.csv", commit: HEAD_COMMIT } },
  { path: "t1/gpt-3.5-turbo_t1.csv", kind: "t1", rows: 1056, bytes: 1666899, sha256: "73924ac302c3da31d3a9e996ab25fea9bcc365fe6f6d60d0677d496dae1636e1", source: { path: "outputs/evaluation/gpt-3.5-turbo_t1.csv", commit: HEAD_COMMIT } },
  { path: "t1/gpt-4o-mini_t1.csv", kind: "t1", rows: 1056, bytes: 1789085, sha256: "47a91a9f2c4664213f3f731efe01f17ef163baeea807ca1ea1e9d81c1ab471c5", source: { path: "outputs/evaluation/gpt-4o-mini_t1.csv", commit: HEAD_COMMIT } },
  { path: "t1/gpt-4o_t1.csv", kind: "t1", rows: 872, bytes: 1562698, sha256: "1ec17ab45ca79fa0dbd586534eb878ce3009be9dfd89c7ba2670006f9932a1c4", source: { path: "outputs/evaluation/openai-gpt-4o_t1.csv", commit: HEAD_COMMIT } },
  { path: "t1/llama-3.3-70b-instruct_t1.csv", kind: "t1", rows: 1056, bytes: 2515306, sha256: "ffe3fe6facbbd8949b0dd706604afee9d92b66fe541c4ff8394e33f890d9df01", source: { path: "outputs/evaluation/Llama-3.3-70B-Instruct_t1.csv", commit: HEAD_COMMIT } },
  { path: "t2_logs/claude-sonnet-4-20250514_t2_eval_log_20250628_154645.jsonl", kind: "t2_logs", rows: 14658, bytes: 2811059, sha256: "f87a171284a4c1930c36be2304247a54d84e3da6c5c979e7463b192c245f5538", source: { path: "outputs/evaluation/eval_log_20250628_154645.jsonl", commit: HEAD_COMMIT } },
  { path: "t2_logs/gpt-4o-mini_t2_eval_log_20241218_220449.jsonl", kind: "t2_logs", rows: 14388, bytes: 2082442, sha256: "18b9a0f34e4a43b4d9695d3ee5bd0078d4d20bc6c19693d193525852d37f2d44", source: { path: "src/outputs/final/logs/eval_log_20241218_220449.jsonl", commit: GPT4O_MINI_LOG_COMMIT } },
  { path: "t2_reconstructed/claude-sonnet-4_t2_reconstructed.csv", kind: "t2_reconstructed", rows: 14658, bytes: 902818, sha256: "59e2f49426683ad27985d986133bcf2462f57767126b79f7e0dab2db2ebd2007", source: null },
  { path: "t2_reconstructed/gpt-4o-mini_t2_reconstructed.csv", kind: "t2_reconstructed", rows: 14388, bytes: 884855, sha256: "b2b696e25ef5d5d2bc6393646351c2f8a338ccec053bf01cf3d7fd8b81dc2784", source: null },
  { path: "task2_prompt_agreement/task2_results_claude_sonnet_4.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 184485, sha256: "1c8c459526aec18217bff2c70684609c7b1f3dc68804cc026faf0e2f21eec033", source: { path: "src/outputs/task2_results_claude_sonnet_4.csv", commit: HEAD_COMMIT } },
  { path: "task2_prompt_agreement/task2_results_deepseek-r1-distill-llama-70b.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 87610, sha256: "9fb79699ebfad2f6b17b751015bf49ecd526537c5a59fd97583218c7d8fcdd35", source: { path: "src/outputs/task2_results_deepseek-r1-distill-llama-70b.csv", commit: HEAD_COMMIT } },
  { path: "task2_prompt_agreement/task2_results_gemma2.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 106515, sha256: "3b9c43e6cb1a7867c3a2446a61d1382a293591659baa1438d8425b4059843b1f", source: { path: "src/outputs/task2_results_gemma2.csv", commit: HEAD_COMMIT } },
  { path: "task2_prompt_agreement/task2_results_gpt_35_turbo.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 87135, sha256: "1f9f973f26a08cd3575beae68ffe9a3b973b90c6263d7ee41000cce110b0d76b", source: { path: "src/outputs/task2_results_gpt_35_turbo.csv", commit: HEAD_COMMIT } },
  { path: "task2_prompt_agreement/task2_results_gpt_4o.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 113543, sha256: "7327348224580222621f857212aed006b25bdbab4690ce770c5b95a24e29e161", source: { path: "src/outputs/task2_results_gpt_4o.csv", commit: HEAD_COMMIT } },
  { path: "task2_prompt_agreement/task2_results_gpt_4o_mini.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 102621, sha256: "163d61318f18c4c6d60a33a315f25d74274994f27fc2aef3d86409ee95088b20", source: { path: "src/outputs/task2_results_gpt_4o_mini.csv", commit: HEAD_COMMIT } },
  { path: "task2_prompt_agreement/task2_results_llama33.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 135298, sha256: "f3c7a20731bf36bf0d8f6803243cc83912c44a244ae9f585145567b4952446f3", source: { path: "src/outputs/task2_results_llama33.csv", commit: HEAD_COMMIT } },
  { path: "task2_prompt_agreement/task2_results_qwen.csv", kind: "task2_prompt_agreement", rows: 50, bytes: 119169, sha256: "49516358f77054e875bbb3fa597fe2092549f6a74b42d1ce592b5c5478af3774", source: { path: "src/outputs/task2_results_qwen.csv", commit: HEAD_COMMIT } },
];

/** The layout entry of a data-directory-relative path, or undefined. */
export function viaFile(path: string): ViaFile | undefined {
  return VIA_FILES.find((f) => f.path === path);
}

/** All layout entries of one kind, in layout order. */
export function viaFiles(kind: ViaKind): ViaFile[] {
  return VIA_FILES.filter((f) => f.kind === kind);
}

export const DEFAULT_DATA_DIR = "data/via";

/**
 * The data directory: `--data-dir` if given, else `VAL_DATA_DIR`, else
 * `data/via` (relative to the working directory). Returned absolute.
 */
export function resolveDataDir(opt: { dataDir?: string } = {}, env: NodeJS.ProcessEnv = process.env): string {
  const dir = opt.dataDir ?? (env.VAL_DATA_DIR && env.VAL_DATA_DIR.trim() !== "" ? env.VAL_DATA_DIR : DEFAULT_DATA_DIR);
  return resolve(dir);
}
