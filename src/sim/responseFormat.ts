import type { ReasoningMode } from "./reasoningModes";

/**
 * Structured outputs in the simulator (issue 15): `response_format` is
 * checked as OpenAI checks it (a malformed one is a 400
 * invalid_request_error), honoured as guided decoding honours it (the answer
 * is JSON that conforms to the schema: never fenced, prose-wrapped, single-
 * quoted or cut off, whatever `malformedRate` says), and can be refused as a
 * model without structured outputs refuses it (`rejectResponseFormat`).
 *
 * Only the JSON Schema subset that strict mode allows is understood: type,
 * properties, required, additionalProperties, items, enum, minimum, maximum,
 * anyOf.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
}

/** What a model without structured outputs answers (a 400, as vLLM/OpenAI do for an unsupported parameter). */
export const REJECTED_MESSAGE = "response_format json_schema is not supported by this model";

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Why a request's `response_format` is refused (the 400 message), or null
 * when it is absent or acceptable. `reject`: this model does not do
 * json_schema at all (text and json_object still pass).
 */
export function responseFormatProblem(rf: unknown, reject: boolean): string | null {
  if (rf === undefined || rf === null) return null;
  if (!isObject(rf)) return "Invalid type for 'response_format': expected an object.";
  if (rf.type === "text" || rf.type === "json_object") return null;
  if (rf.type !== "json_schema") return `Invalid value for 'response_format.type': ${JSON.stringify(rf.type)}; supported values are 'text', 'json_object' and 'json_schema'.`;
  if (reject) return REJECTED_MESSAGE;
  const js = rf.json_schema;
  if (!isObject(js)) return "Missing required parameter: 'response_format.json_schema'.";
  if (typeof js.name !== "string" || !/^[a-zA-Z0-9_-]{1,64}$/.test(js.name))
    return "Invalid 'response_format.json_schema.name': must be 1-64 characters of a-z, A-Z, 0-9, '_' or '-'.";
  if (!isObject(js.schema)) return "Missing required parameter: 'response_format.json_schema.schema'.";
  if (js.strict !== undefined && js.strict !== null && typeof js.strict !== "boolean") return "Invalid type for 'response_format.json_schema.strict': expected a boolean.";
  if (js.strict === true) {
    const why = strictProblem(js.schema as JsonSchema, "");
    if (why) return `Invalid schema for response_format '${js.name}': ${why}`;
  }
  return null;
}

/** OpenAI strict mode: every object closes its properties and requires all of them; the root is an object. */
function strictProblem(s: JsonSchema, at: string): string | null {
  const where = `In context=(${at}), `;
  if (at === "" && s.type !== "object") return `${where}the root schema must be of type 'object'.`;
  if (s.type === "object" || s.properties) {
    if (s.additionalProperties !== false) return `${where}'additionalProperties' is required to be supplied and to be false.`;
    const keys = Object.keys(s.properties ?? {});
    const missing = keys.filter((k) => !(s.required ?? []).includes(k));
    if (missing.length > 0) return `${where}'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
    for (const k of keys) {
      const why = strictProblem(s.properties![k], `${at ? at + ", " : ""}'properties', '${k}'`);
      if (why) return why;
    }
  }
  if (s.items) return strictProblem(s.items, `${at ? at + ", " : ""}'items'`);
  for (const [i, alt] of (s.anyOf ?? []).entries()) {
    const why = strictProblem(alt, `${at ? at + ", " : ""}'anyOf', '${i}'`);
    if (why) return why;
  }
  return null;
}

/** The schema a request's answer must follow, or null (no response_format, or not json_schema). */
export function jsonSchemaOf(rf: unknown): JsonSchema | null {
  if (!isObject(rf) || rf.type !== "json_schema" || !isObject(rf.json_schema) || !isObject(rf.json_schema.schema)) return null;
  return rf.json_schema.schema as JsonSchema;
}

/** The schema's name (for stats), or null. */
export function schemaNameOf(rf: unknown): string | null {
  return isObject(rf) && rf.type === "json_schema" && isObject(rf.json_schema) && typeof rf.json_schema.name === "string" ? rf.json_schema.name : null;
}

/** Under json_object or json_schema the decoder emits bare JSON: no malformed answer is possible. */
export function decodesJson(rf: unknown): boolean {
  return isObject(rf) && (rf.type === "json_object" || rf.type === "json_schema");
}

/**
 * A reasoning model's mode under a response format: guided decoding constrains the content
 * from its first token, so a deliberation can only come in the separate field (vLLM's
 * reasoning parser does this); inline blocks become the field, off and field stay.
 */
export function reasoningUnder(mode: ReasoningMode, rf: unknown): ReasoningMode {
  return decodesJson(rf) && (mode === "inline" || mode === "both") ? "field" : mode;
}

const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);

/**
 * How the schema types the property `key`: "string" or "number" (integer
 * counts as number), or null when it does not say. The Task 1 answer uses
 * it to write "2" or 2, as the schema asks.
 */
export function propertyType(schema: JsonSchema, key: string): "string" | "number" | null {
  const p = schema.properties?.[key];
  if (!p) return null;
  const t = typesOf(p);
  if (t.includes("string") || (p.enum ?? []).some((x) => typeof x === "string")) return "string";
  if (t.includes("number") || t.includes("integer")) return "number";
  return null;
}

/**
 * The value as guided decoding under `schema` would have let the model
 * write it: keys in schema order, unknown keys dropped when
 * additionalProperties is false, missing required keys filled with the
 * schema's first admissible value, enums and types enforced, numbers
 * clamped. The simulator's answers already match the study's schemas; this
 * makes any well-formed schema hold, as a real decoder's output does.
 */
export function conformTo(value: unknown, schema: JsonSchema): unknown {
  if (schema.anyOf && schema.anyOf.length > 0) {
    const fits = schema.anyOf.find((alt) => schemaErrors(value, alt).length === 0);
    return fits ? value : conformTo(value, schema.anyOf[0]);
  }
  if (schema.enum && schema.enum.length > 0) return schema.enum.some((x) => x === value) ? value : schema.enum[0];
  const types = typesOf(schema);
  if (types.length > 0 && value === null && types.includes("null")) return null;
  const type = types.find((t) => t !== "null") ?? (schema.properties ? "object" : schema.items ? "array" : undefined);
  switch (type) {
    case "object": {
      const src = isObject(value) ? value : {};
      const out: Record<string, unknown> = {};
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      for (const [k, p] of Object.entries(props)) {
        if (Object.hasOwn(src, k)) out[k] = conformTo(src[k], p);
        else if (required.has(k)) out[k] = conformTo(undefined, p);
      }
      if (schema.additionalProperties !== false) for (const [k, v] of Object.entries(src)) if (!Object.hasOwn(props, k)) out[k] = v;
      return out;
    }
    case "array":
      return Array.isArray(value) ? (schema.items ? value.map((x) => conformTo(x, schema.items!)) : value) : [];
    case "string":
      return typeof value === "string" ? value : value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    case "number":
    case "integer": {
      let x = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(x)) x = schema.minimum ?? 0;
      if (type === "integer") x = Math.round(x);
      if (schema.minimum !== undefined) x = Math.max(schema.minimum, x);
      if (schema.maximum !== undefined) x = Math.min(schema.maximum, x);
      return x;
    }
    case "boolean":
      return Boolean(value);
    case "null":
      return null;
    default:
      return value === undefined ? null : value;
  }
}

/**
 * The ways `value` breaks `schema` ("$.Equality: not one of ...") — empty
 * when it conforms. The same subset as above; enough to check the
 * simulator's answers, and (in tests) the study's schemas against them.
 */
export function schemaErrors(value: unknown, schema: JsonSchema, at = "$"): string[] {
  if (schema.anyOf) return schema.anyOf.some((alt) => schemaErrors(value, alt, at).length === 0) ? [] : [`${at}: matches no anyOf alternative`];
  const errors: string[] = [];
  if (schema.enum && !schema.enum.some((x) => x === value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  const types = typesOf(schema);
  if (types.length > 0 && !types.some((t) => hasType(value, t))) {
    errors.push(`${at}: expected ${types.join(" or ")}, got ${value === null ? "null" : Array.isArray(value) ? "array" : typeof value}`);
    return errors;
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: ${value} < minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: ${value} > maximum ${schema.maximum}`);
  }
  if (isObject(value)) {
    const props = schema.properties ?? {};
    for (const k of schema.required ?? []) if (!Object.hasOwn(value, k)) errors.push(`${at}: missing required ${JSON.stringify(k)}`);
    for (const [k, v] of Object.entries(value)) {
      if (Object.hasOwn(props, k)) errors.push(...schemaErrors(v, props[k], `${at}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected key ${JSON.stringify(k)}`);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((x, i) => errors.push(...schemaErrors(x, schema.items!, `${at}[${i}]`)));
  return errors;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    default:
      return true;
  }
}
