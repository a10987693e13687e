/** An OpenAI-shaped error body, marked as coming from the simulator. */
export function errorBody(message: string, type: string, code: string | null = null): string {
  return JSON.stringify({ error: { message: `[simulated] ${message}`, type, param: null, code } });
}
