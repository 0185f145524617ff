// A form's save: send JSON, and on a 4xx read the API's `{ error, issues }` so each message can
// land under its field.

export interface SaveRefused {
  error: string;
  issues: { path: string; message: string }[];
}

function isIssue(v: unknown): v is { path: string; message: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof Reflect.get(v, 'path') === 'string' &&
    typeof Reflect.get(v, 'message') === 'string'
  );
}

/**
 * Sends `body` as JSON; null when the server took it, else what it refused and why.
 * @example const refused = await sendJson('/api/settings/prices', 'PUT', { prices });
 */
export async function sendJson(
  url: string,
  method: 'POST' | 'PUT',
  body: unknown,
): Promise<SaveRefused | null> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.ok) return null;
  const answer: unknown = await res.json().catch(() => null);
  const error = typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'error') : null;
  const issues =
    typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'issues') : null;
  return {
    error: typeof error === 'string' ? error : `Save failed (${res.status}).`,
    issues: Array.isArray(issues) ? issues.filter(isIssue) : [],
  };
}
