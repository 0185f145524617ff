import { describe, expect, it } from 'vitest';
import { copySelection, parseFragment, pasteFragment, serializeFragment } from './clipboard';
import { connectionProblem } from './connect-rules';
import {
  addNode,
  addNote,
  blankDocument,
  connect,
  edgeIds,
  removeElements,
  setPositions,
  updateNode,
} from './document-ops';
import { layoutDocument } from './layout';
import { formatRuleValue, parseRuleValue } from './rules';
import { demoDocument, typeMap, typeOf } from './test-fixtures';

describe('document edits', () => {
  it('adds nodes with the example config and a fresh readable id', () => {
    let doc = blankDocument();
    const a = addNode(doc, typeOf('message.send'), { x: 10.4, y: 20.6 });
    doc = a.doc;
    const b = addNode(doc, typeOf('message.send'), { x: 0, y: 0 });
    const t = addNode(b.doc, typeOf('trigger.event'), { x: 0, y: 0 });
    expect([a.id, b.id, t.id]).toEqual(['send_1', 'send_2', 'trigger_1']);
    expect(a.doc.nodes[0]).toEqual({
      id: 'send_1',
      type: 'message.send',
      version: typeOf('message.send').version,
      position: { x: 10, y: 21 },
      config: typeOf('message.send').example,
    });
    expect(a.doc.nodes[0]?.config).not.toBe(typeOf('message.send').example);
  });

  it('removes nodes with their edges, and edges by id', () => {
    const doc = demoDocument();
    const ids = edgeIds(doc.edges);
    const without = removeElements(doc, { nodes: ['is_cod'] });
    expect(without.nodes.find((n) => n.id === 'is_cod')).toBeUndefined();
    expect(without.edges.some((e) => e.source === 'is_cod' || e.target === 'is_cod')).toBe(false);
    const oneEdge = removeElements(doc, { edges: [ids[0] ?? ''] });
    expect(oneEdge.edges).toHaveLength(doc.edges.length - 1);
    expect(removeElements(doc, { nodes: ['nope'] })).toBe(doc);
  });

  it('moves, relabels and annotates without touching other nodes', () => {
    const doc = demoDocument();
    const moved = setPositions(doc, new Map([['confirm', { x: 5, y: 6 }]]));
    expect(moved.nodes.find((n) => n.id === 'confirm')?.position).toEqual({ x: 5, y: 6 });
    expect(moved.nodes.find((n) => n.id === 'is_cod')).toBe(
      doc.nodes.find((n) => n.id === 'is_cod'),
    );
    expect(setPositions(doc, new Map([['confirm', { x: 0, y: 120 }]]))).toBe(doc);
    const relabelled = updateNode(doc, 'confirm', { label: '' });
    expect(relabelled.nodes.find((n) => n.id === 'confirm')).not.toHaveProperty('label');
    const noted = addNote(doc, { x: 1, y: 2 }, 'Day 0');
    expect(noted.doc.notes).toEqual([{ id: 'note_1', text: 'Day 0', position: { x: 1, y: 2 } }]);
  });
});

describe('connection rules', () => {
  const doc = demoDocument();
  const check = (source: string, port: string, target: string) =>
    connectionProblem(doc, typeMap, { source, sourceHandle: port, target });

  it('refuses edges that make no sense, with a reason', () => {
    expect(check('confirm', 'next', 'confirm')).toMatch(/itself/);
    expect(check('done', 'next', 'first_order')).toMatch(/trigger/);
    expect(check('is_cod', 'yes', 'done')).toMatch(/already leads to "Hassle-free returns"/);
  });

  it('accepts a free port, and loops only when something on them waits', () => {
    const open = removeElements(doc, {
      edges: [edgeIds(doc.edges)[edgeIds(doc.edges).length - 1] ?? ''],
    });
    expect(
      connectionProblem(open, typeMap, {
        source: 'delivery_check',
        sourceHandle: 'next',
        target: 'done',
      }),
    ).toBeNull();
    // delivery_check → confirm → is_cod → … → await_delivery (waits) → delivery_check: allowed.
    expect(
      connectionProblem(open, typeMap, {
        source: 'delivery_check',
        sourceHandle: 'next',
        target: 'confirm',
      }),
    ).toBeNull();
    let spin = blankDocument();
    spin = addNode(spin, typeOf('message.send'), { x: 0, y: 0 }).doc;
    spin = addNode(spin, typeOf('flow.condition'), { x: 0, y: 0 }).doc;
    spin = connect(spin, { source: 'send_1', sourcePort: 'next', target: 'condition_1' });
    expect(
      connectionProblem(spin, typeMap, {
        source: 'condition_1',
        sourceHandle: 'yes',
        target: 'send_1',
      }),
    ).toMatch(/never waits/);
  });
});

describe('copy / paste', () => {
  it('pastes a selection with fresh ids and the edges inside it, but no second trigger', () => {
    const doc = demoDocument();
    const fragment = copySelection(
      doc,
      new Set(['first_order', 'is_cod', 'cod_reassure', 'note:x']),
    );
    expect(fragment?.edges).toEqual([
      { source: 'is_cod', sourcePort: 'yes', target: 'cod_reassure' },
    ]);
    const text = serializeFragment(fragment ?? { nodes: [], edges: [], notes: [] });
    const parsed = parseFragment(text);
    expect(parsed).toEqual(fragment);
    expect(parseFragment('hello')).toBeNull();
    const pasted = pasteFragment(
      doc,
      parsed ?? { nodes: [], edges: [], notes: [] },
      { x: 40, y: 40 },
      typeMap,
    );
    expect(pasted.skippedTrigger).toBe(true);
    expect(pasted.keys).toEqual(['condition_1', 'send_1']);
    expect(pasted.doc.edges.at(-1)).toEqual({
      source: 'condition_1',
      sourcePort: 'yes',
      target: 'send_1',
    });
    const original = doc.nodes.find((n) => n.id === 'is_cod');
    expect(pasted.doc.nodes.find((n) => n.id === 'condition_1')?.position).toEqual({
      x: (original?.position.x ?? 0) + 40,
      y: (original?.position.y ?? 0) + 40,
    });
  });

  it('keeps ids that are free in the target journey', () => {
    const fragment = copySelection(demoDocument(), new Set(['confirm']));
    const pasted = pasteFragment(
      blankDocument(),
      fragment ?? { nodes: [], edges: [], notes: [] },
      { x: 0, y: 0 },
      typeMap,
    );
    expect(pasted.keys).toEqual(['confirm']);
  });
});

describe('auto-layout', () => {
  it('lays the journey out top to bottom without overlaps, branches in port order', () => {
    const doc = demoDocument();
    const positions = layoutDocument(
      doc,
      () => ({ width: 220, height: 72 }),
      (id) =>
        id === 'is_cod' ? ['yes', 'no'] : id === 'await_delivery' ? ['event', 'timeout'] : ['next'],
    );
    const at = (id: string) => positions.get(id) ?? { x: NaN, y: NaN };
    expect(at('first_order')).toEqual(doc.nodes[0]?.position);
    expect(at('confirm').y).toBeGreaterThan(at('first_order').y);
    expect(at('done').y).toBeGreaterThan(at('loyalty_invite').y);
    expect(at('how_to_use').x).toBeLessThan(at('delivery_check').x);
    const boxes = [...positions.values()];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 72).toBe(true);
  });
});

describe('condition rule values', () => {
  it.each([
    ['eq', 'cod', 'cod'],
    ['gt', '50000', 50000],
    ['gt', 'abc', 'abc'],
    ['in', 'en, hi ,', ['en', 'hi']],
    ['exists', 'x', undefined],
  ])('%s %j → %j', (op, text, value) => {
    expect(parseRuleValue(op, text)).toEqual(value);
  });
  it('formats lists back', () => {
    expect(formatRuleValue(['en', 'hi'])).toBe('en, hi');
    expect(formatRuleValue(undefined)).toBe('');
  });
});
