import { describe, expect, it } from 'vitest';
import { updateNode } from './document-ops';
import {
  documentToFlow,
  flowToDocument,
  stepSize,
  syncFlowEdges,
  syncFlowNodes,
} from './flow-mapping';
import { portKey } from './live-counts';
import { demoDocument, typeMap } from './test-fixtures';

describe('journey document ↔ React Flow graph', () => {
  it('round-trips the demo playbook unchanged', () => {
    const doc = { ...demoDocument(), notes: [{ id: 'n1', text: 'hi', position: { x: 5, y: 6 } }] };
    const { nodes, edges } = documentToFlow(doc, { types: typeMap });
    expect(nodes.filter((n) => n.type === 'step')).toHaveLength(doc.nodes.length);
    expect(nodes.find((n) => n.id === 'note:n1')?.type).toBe('note');
    expect(edges).toHaveLength(doc.edges.length);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    expect(flowToDocument(doc, nodes, edges)).toEqual(doc);
  });

  it('draws one source handle per declared port and labels branching edges', () => {
    const doc = demoDocument();
    const { nodes, edges } = documentToFlow(doc, { types: typeMap });
    const step = (id: string) => nodes.find((n) => n.id === id);
    const data = (id: string) => {
      const n = step(id);
      return n?.type === 'step' ? n.data : undefined;
    };
    expect(data('is_cod')?.ports).toEqual(['yes', 'no']);
    expect(data('await_delivery')?.ports).toEqual(['event', 'timeout']);
    expect(data('done')?.ports).toEqual([]);
    expect(edges.find((e) => e.source === 'is_cod')?.data?.showLabel).toBe(true);
    expect(edges.find((e) => e.source === 'confirm')?.data?.showLabel).toBe(false);
    expect(edges.find((e) => e.source === 'confirm')?.sourceHandle).toBe('next');
  });

  it('takes config-dependent ports from the server and keeps ports edges still use', () => {
    const doc = demoDocument();
    const ctx = { types: typeMap, serverPorts: { cross_sell_split: ['a', 'b', 'holdout'] } };
    const node = documentToFlow(doc, ctx).nodes.find((n) => n.id === 'cross_sell_split');
    expect(node?.type === 'step' && node.data.ports).toEqual(['a', 'b', 'holdout']);
    expect(node?.type === 'step' && node.data.stalePorts).toEqual(['treatment']);
  });

  it('reuses the objects of everything an edit did not touch', () => {
    const doc = demoDocument();
    const ctx = { types: typeMap };
    const first = documentToFlow(doc, ctx);
    const edited = updateNode(doc, 'confirm', { label: 'Confirmed!' });
    const nodes = syncFlowNodes(first.nodes, edited, ctx);
    const edges = syncFlowEdges(first.edges, edited, ctx);
    const changed = nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['confirm']);
    expect(edges.every((e, i) => e === first.edges[i])).toBe(true);
  });

  it('pins problems to nodes and can force a selection', () => {
    const doc = demoDocument();
    const nodes = syncFlowNodes([], doc, {
      types: typeMap,
      problems: new Map([['csat', ['Port "next" is not connected']]]),
      select: new Set(['csat']),
    });
    const csat = nodes.find((n) => n.id === 'csat');
    expect(csat?.selected).toBe(true);
    expect(csat?.type === 'step' && csat.data.problems).toEqual(['Port "next" is not connected']);
    expect(nodes.filter((n) => n.selected)).toHaveLength(1);
  });
});

describe('card geometry', () => {
  it('knows each card’s size and handle boxes, so off-screen cards need not be drawn', () => {
    const nodes = documentToFlow(demoDocument(), { types: typeMap }).nodes;
    const step = (id: string) => nodes.find((n) => n.id === id);
    expect(step('confirm')?.measured).toEqual({ width: 220, height: 81 });
    expect(step('is_cod')?.measured).toEqual({ width: 220, height: 101 });
    const handles = step('is_cod')?.handles ?? [];
    expect(handles.map((h) => [h.type, h.id])).toEqual([
      ['source', 'yes'],
      ['source', 'no'],
      ['target', null],
    ]);
    expect(handles[0]).toMatchObject({ x: 220 / 3 - 6, y: 95, width: 12, height: 12 });
    expect(step('first_order')?.handles?.some((h) => h.type === 'target')).toBe(false);
    expect(stepSize(1, false)).toEqual({ width: 220, height: 52 });
  });

  it('marks a simulation path and live counts, redrawing only what they change', () => {
    const doc = demoDocument();
    const ctx = { types: typeMap };
    const plainNodes = syncFlowNodes([], doc, ctx);
    const plainEdges = syncFlowEdges([], doc, ctx);
    const sim = {
      nodes: new Set(['first_order', 'confirm']),
      edges: new Set(['first_order.next->confirm']),
    };
    const lit = syncFlowNodes(plainNodes, doc, { ...ctx, sim });
    const dataOf = (nodes: typeof lit, id: string) => {
      const n = nodes.find((x) => x.id === id);
      return n?.type === 'step' ? n.data : undefined;
    };
    expect(dataOf(lit, 'confirm')?.sim).toBe('visited');
    expect(dataOf(lit, 'is_cod')?.sim).toBe('dimmed');
    const litEdges = syncFlowEdges(plainEdges, doc, { ...ctx, sim });
    expect(litEdges.find((e) => e.id === 'first_order.next->confirm')?.data?.sim).toBe('visited');
    expect(litEdges.find((e) => e.id === 'confirm.next->is_cod')?.data?.sim).toBe('dimmed');
    // Cleared: no marks at all.
    expect(dataOf(syncFlowNodes(lit, doc, ctx), 'confirm')?.sim).toBeUndefined();

    const counts = { entered: 3, waitingNow: 1, exited: 0, stopped: 0, stoppedBy: '' };
    const live = {
      nodes: new Map([['await_delivery', counts]]),
      edges: new Map([[portKey('is_cod', 'yes'), 2]]),
    };
    const withCounts = syncFlowNodes(plainNodes, doc, { ...ctx, live });
    expect(dataOf(withCounts, 'await_delivery')?.counts).toBe(counts);
    // Nodes without counts keep their objects: only the counted card redraws.
    expect(withCounts.find((n) => n.id === 'confirm')).toBe(
      plainNodes.find((n) => n.id === 'confirm'),
    );
    const countedEdges = syncFlowEdges(plainEdges, doc, { ...ctx, live });
    expect(countedEdges.find((e) => e.id === 'is_cod.yes->cod_reassure')?.data?.runs).toBe(2);
    expect(countedEdges.find((e) => e.id === 'confirm.next->is_cod')).toBe(
      plainEdges.find((e) => e.id === 'confirm.next->is_cod'),
    );
  });
});
