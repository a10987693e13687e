/** The simulated model: an OpenAI-compatible server answering from a seeded latent respondent with a planted gap. */
export { startSimServer, SIM_MODEL, type SimServer, type SimServerOptions, type SimStats } from "./server";
export { answer, requestKey, requestHash, unknownAnswer, cueFires, hedge, type ChatRequestBody, type SimAnswer, type AnswerOptions } from "./answers";
export { recognise, splitOptions, type PromptInfo, type PromptKind } from "./prompt-kind";
export { respondent, contested, groundTruth, positionBiased, type SimBehaviour, likertDistribution, gapProbability, type Respondent, type RespondentCell, type RespondentOptions, type GroundTruth, type GroundTruthCell, type Rates } from "./respondent";
export { simulatedAction, type SimAction } from "./actions";
export { positiveOption, markedPolarity, negativityScore } from "./polarity";
export { FAULT_KINDS, MAX_CONSECUTIVE_FAULTS, faultFor, type FaultKind, type FaultOptions } from "./faults";
export { MALFORMED_KINDS, malform, pythonRepr, type MalformedKind } from "./malformed";
export * from "./planted";
export { keyHash, unit, normal } from "./random";
