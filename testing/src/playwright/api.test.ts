import { describe, expect, it } from 'vitest';
import { YatraApiError } from './api';

describe('YatraApiError', () => {
  it("carries the server's message and names each bad field", () => {
    const error = new YatraApiError('POST', '/api/events', 400, {
      error: 'The event is invalid; nothing was stored.',
      issues: [{ path: 'properties.total', message: 'total is integer paise (₹1 = 100)' }],
    });
    expect(error.message).toBe(
      'POST /api/events → 400: The event is invalid; nothing was stored.\n' +
        '  - properties.total: total is integer paise (₹1 = 100)',
    );
    expect(error.issues).toEqual([
      { path: 'properties.total', message: 'total is integer paise (₹1 = 100)' },
    ]);
  });

  it('lists compile errors by node for a refused publish, and keeps a non-JSON body as text', () => {
    const refused = new YatraApiError('POST', '/api/journeys/j1/publish', 422, {
      error: 'The journey does not compile (1 problem).',
      issues: [],
      errors: [{ nodeId: 'confirm', code: 'config_invalid', message: 'templateId: Too small' }],
    });
    expect(refused.message).toContain('\n  - confirm: templateId: Too small');
    expect(refused.issues).toEqual([]);
    const proxy = new YatraApiError('GET', '/api/messages', 502, 'Bad Gateway');
    expect(proxy.message).toBe('GET /api/messages → 502: Bad Gateway');
  });
});
