import { postPurchase45 } from '@yatra/nodes';
import { describe, expect, it } from 'vitest';
import { demoDocument } from './test-fixtures';
import { exportFileName, exportJourney, importJourney } from './transfer';

describe('journey import / export', () => {
  it('a journey imported and exported again is unchanged', () => {
    const text = exportJourney(demoDocument());
    const imported = importJourney(text);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.document).toEqual(demoDocument());
    expect(exportJourney(imported.document)).toBe(text);
  });

  it('imports the documented format with defaults omitted, and the API wrapper', () => {
    const fromInput = importJourney(JSON.stringify(postPurchase45));
    const wrapped = importJourney(JSON.stringify({ document: postPurchase45 }));
    expect(fromInput).toEqual({ ok: true, document: demoDocument() });
    expect(wrapped).toEqual(fromInput);
  });

  it('explains what is wrong, by field', () => {
    const bad = importJourney(JSON.stringify({ name: 'x', nodes: [{ id: 'a b', type: 1 }] }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['nodes.0.id', 'nodes.0.type']),
    );

    const notJson = importJourney('{\n  "name": "x",\n  nodes: []\n}');
    expect(notJson.ok).toBe(false);
    if (notJson.ok) return;
    expect(notJson.errors[0]?.message).toMatch(/^Not JSON: .*line 3/);

    const dup = importJourney(
      JSON.stringify({
        name: 'x',
        nodes: [
          { id: 'a', type: 't' },
          { id: 'a', type: 't' },
        ],
      }),
    );
    expect(dup.ok).toBe(false);
  });

  it('names the download after the journey', () => {
    expect(exportFileName(demoDocument())).toBe('45-day-post-purchase-playbook.journey.json');
  });
});
