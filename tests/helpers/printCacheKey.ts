// Prints cacheKey and recordId for a request given as JSON in argv[2]: used to
// check that keys are the same in another process (and another key order).
import { cacheKey } from "../../src/llm/cache";
import { recordId } from "../../src/runs/id";

const { baseUrl, request } = JSON.parse(process.argv[2]);
process.stdout.write(JSON.stringify({ cacheKey: cacheKey(baseUrl, request), recordId: recordId(request) }));
