import { describe, it, expect } from 'vitest';
import { postPurchase45 } from '../demo/post-purchase-45';
import { compile } from './compile';
import type { JourneyDocumentInput } from './document';
import { isCompiledJourney, type CompileError, type CompileResult } from './ir';

type Doc = JourneyDocumentInput;
type NodeIn = Doc['nodes'][number];
type EdgeIn = NonNullable<Doc['edges']>[number];

const trigger = (id = 'start'): NodeIn => ({
  id,
  type: 'trigger.event',
  config: { event: 'order.placed', filters: [] },
});
const exit = (id = 'end', reason = 'completed'): NodeIn => ({
  id,
  type: 'flow.exit',
  config: { reason },
});
const send = (id: string, templateId = id): NodeIn => ({
  id,
  type: 'message.send',
  config: { templateId },
});
const waitDays = (id: string, amount: number): NodeIn => ({
  id,
  type: 'flow.wait',
  config: { mode: 'duration', duration: { amount, unit: 'days' } },
});
const isCod = (id: string): NodeIn => ({
  id,
  type: 'flow.condition',
  config: { rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] },
});
const edge = (source: string, target: string, sourcePort = 'next'): EdgeIn => ({
  source,
  sourcePort,
  target,
});

const doc = (nodes: NodeIn[], edges: EdgeIn[], extra: Partial<Doc> = {}): Doc => ({
  name: 'test',
  nodes,
  edges,
  ...extra,
});

/** trigger → hello (send) → end: compiles. */
const minimal = () =>
  doc([trigger(), send('hello'), exit()], [edge('start', 'hello'), edge('hello', 'end')]);

function errorsOf(result: CompileResult): CompileError[] {
  expect(result.ok).toBe(false);
  return result.errors;
}

describe('compile: the demo post-purchase playbook', () => {
  const result = compile(postPurchase45);

  it('compiles without errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('derives the facts shown before publishing', () => {
    if (!result.ok) throw new Error('demo does not compile');
    expect(result.ir.facts).toEqual({
      nodeCount: 17,
      // first_order → confirm → is_cod → cod_reassure → await_delivery → how_to_use → wait_csat →
      // csat → day14 → cross_sell_split → cross_sell → day30 → loyalty_invite → window_end → done
      maxPathLength: 15,
      maxMessagesPerCustomer: 6,
      messageNodesByChannel: { whatsapp: 7 },
    });
  });

  it('builds the IR: trigger, window, goals and resolved successors', () => {
    if (!result.ok) throw new Error('demo does not compile');
    const { ir } = result;
    expect(ir.irVersion).toBe(1);
    expect(ir.name).toBe('45-day post-purchase playbook');
    expect(ir.windowDays).toBe(45);
    expect(ir.reentry).toEqual({ policy: 'once' });
    expect(ir.trigger).toEqual({ nodeId: 'first_order', event: 'order.placed', filters: [] });
    expect(ir.goals).toEqual([
      { id: 'second_order', label: 'Second order placed', event: 'order.placed', filters: [] },
    ]);
    expect(ir.nodes.is_cod?.next).toEqual({ yes: 'cod_reassure', no: 'await_delivery' });
    expect(ir.nodes.cross_sell_split?.next).toEqual({ treatment: 'cross_sell', holdout: 'day30' });
    expect(ir.nodes.confirm).toMatchObject({
      type: 'message.send',
      typeVersion: 1,
      kind: 'action',
      label: 'Order confirmation',
    });
    expect(ir.nodes.done?.next).toEqual({});
  });

  it('stores parsed configs with defaults filled in', () => {
    if (!result.ok) throw new Error('demo does not compile');
    expect(result.ir.nodes.await_delivery?.config).toEqual({
      event: 'order.delivered',
      filters: [],
      sameOrder: true,
      timeout: { amount: 7, unit: 'days' },
    });
  });

  it('survives storage as JSON and is recognised by isCompiledJourney', () => {
    if (!result.ok) throw new Error('demo does not compile');
    const stored: unknown = JSON.parse(JSON.stringify(result.ir));
    expect(isCompiledJourney(stored)).toBe(true);
    expect(stored).toEqual(result.ir);
    expect(isCompiledJourney({ ...result.ir, irVersion: 2 })).toBe(false);
    expect(isCompiledJourney(null)).toBe(false);
    expect(isCompiledJourney(postPurchase45)).toBe(false);
  });

  it('is a pure function of the document (same input, same IR)', () => {
    expect(compile(postPurchase45)).toEqual(result);
  });
});

describe('compile: a minimal journey', () => {
  it('compiles and defaults the window, reentry and goals', () => {
    const result = compile(minimal());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.ir.windowDays).toBe(45);
    expect(result.ir.reentry).toEqual({ policy: 'once' });
    expect(result.ir.goals).toEqual([]);
    expect(result.ir.facts).toEqual({
      nodeCount: 3,
      maxPathLength: 3,
      maxMessagesPerCustomer: 1,
      messageNodesByChannel: { whatsapp: 1 },
    });
  });

  it('accepts the sourcePort default of next', () => {
    const d = doc([trigger(), exit()], [{ source: 'start', target: 'end' }]);
    expect(compile(d).ok).toBe(true);
  });
});

describe('compile: per-node errors', () => {
  it('an invalid document (no name) → document_invalid with a path', () => {
    const { name: _name, ...noName } = minimal();
    const errors = errorsOf(compile(noName));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'document_invalid', path: 'name' }),
    );
  });

  it('a document error inside a node names the node', () => {
    const d = minimal();
    const errors = errorsOf(
      compile({ ...d, nodes: [...d.nodes, { id: 'bad', type: '', config: {} }] }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'document_invalid', path: 'nodes.3.type', nodeId: 'bad' }),
    );
  });

  it('a non-object input → document_invalid', () => {
    expect(errorsOf(compile(null))[0]?.code).toBe('document_invalid');
    expect(errorsOf(compile('journey'))[0]?.code).toBe('document_invalid');
  });

  it('two nodes sharing an id → document_invalid on that id', () => {
    const d = minimal();
    const errors = errorsOf(compile({ ...d, nodes: [...d.nodes, send('hello', 'other')] }));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'document_invalid', nodeId: 'hello' }),
    );
  });

  it('an unwired port → port_unwired naming the node and port', () => {
    const d = doc(
      [trigger(), isCod('check'), send('cod'), exit()],
      [edge('start', 'check'), edge('check', 'cod', 'yes'), edge('cod', 'end')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'port_unwired', nodeId: 'check', path: 'no' }),
    ]);
  });

  it('a bad node config → config_invalid with the path inside the config', () => {
    const d = doc(
      [
        trigger(),
        {
          id: 'await',
          type: 'flow.wait_for_event',
          config: { event: 'order.delivered', timeout: { amount: -1 } },
        },
        exit(),
        exit('late'),
      ],
      [edge('start', 'await'), edge('await', 'end', 'event'), edge('await', 'late', 'timeout')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'config_invalid', nodeId: 'await', path: 'timeout.amount' }),
    );
  });

  it('a missing required config field → config_invalid naming the field', () => {
    const d = doc(
      [trigger(), { id: 'hello', type: 'message.send', config: {} }, exit()],
      [edge('start', 'hello'), edge('hello', 'end')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'config_invalid', nodeId: 'hello', path: 'templateId' }),
    );
    expect(errors.find((e) => e.code === 'config_invalid')?.message).toMatch(
      /^Send message: templateId: /,
    );
  });

  it('cohort split arms not adding up to 100 → config_invalid', () => {
    const d = doc(
      [
        trigger(),
        {
          id: 'split',
          type: 'audience.cohort_split',
          config: {
            mode: 'random',
            arms: [
              { id: 'a', percent: 50 },
              { id: 'b', percent: 30 },
            ],
            holdoutPercent: 10,
          },
        },
        exit('ea'),
        exit('eb'),
        exit('eh'),
      ],
      [
        edge('start', 'split'),
        edge('split', 'ea', 'a'),
        edge('split', 'eb', 'b'),
        edge('split', 'eh', 'holdout'),
      ],
    );
    const errors = errorsOf(compile(d));
    const splitError = errors.find((e) => e.code === 'config_invalid' && e.nodeId === 'split');
    expect(splitError?.path).toBe('arms');
    expect(splitError?.message).toMatch(/add up to 100% \(now 90%\)/);
  });

  it('cohort split refuses duplicate and reserved arm ids', () => {
    const split = (arms: Array<{ id: string; percent: number }>) =>
      doc(
        [
          trigger(),
          { id: 'split', type: 'audience.cohort_split', config: { mode: 'random', arms } },
        ],
        [edge('start', 'split')],
      );
    const dup = errorsOf(
      compile(
        split([
          { id: 'a', percent: 50 },
          { id: 'a', percent: 50 },
        ]),
      ),
    );
    expect(dup).toContainEqual(
      expect.objectContaining({
        code: 'config_invalid',
        nodeId: 'split',
        message: expect.stringMatching(/unique/),
      }),
    );
    const reserved = errorsOf(compile(split([{ id: 'holdout', percent: 100 }])));
    expect(reserved).toContainEqual(
      expect.objectContaining({
        code: 'config_invalid',
        nodeId: 'split',
        message: expect.stringMatching(/reserved/),
      }),
    );
  });

  it('a wait longer than the window → wait_exceeds_window', () => {
    const d = doc(
      [trigger(), waitDays('long', 50), exit()],
      [edge('start', 'long'), edge('long', 'end')],
      { window: { days: 45 } },
    );
    const errors = errorsOf(compile(d));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'wait_exceeds_window', nodeId: 'long' }),
    ]);
    expect(errors[0]?.message).toMatch(/50\.0 days.*45 days/);
  });

  it('a wait exactly as long as the window, and an until-wait within it, compile', () => {
    const exact = doc(
      [trigger(), waitDays('w', 45), exit()],
      [edge('start', 'w'), edge('w', 'end')],
    );
    expect(compile(exact).ok).toBe(true);
    const until = doc(
      [
        trigger(),
        { id: 'w', type: 'flow.wait', config: { mode: 'until', daysAfterEntry: 46, at: '10:00' } },
        exit(),
      ],
      [edge('start', 'w'), edge('w', 'end')],
    );
    expect(errorsOf(compile(until))).toEqual([
      expect.objectContaining({ code: 'wait_exceeds_window', nodeId: 'w' }),
    ]);
  });

  it('a wait_for_event timeout longer than the window → wait_exceeds_window', () => {
    const d = doc(
      [
        trigger(),
        {
          id: 'await',
          type: 'flow.wait_for_event',
          config: { event: 'order.delivered', timeout: { amount: 31, unit: 'days' } },
        },
        exit(),
        exit('late'),
      ],
      [edge('start', 'await'), edge('await', 'end', 'event'), edge('await', 'late', 'timeout')],
      { window: { days: 30 } },
    );
    expect(errorsOf(compile(d))).toEqual([
      expect.objectContaining({ code: 'wait_exceeds_window', nodeId: 'await' }),
    ]);
  });

  it('no trigger → missing_trigger', () => {
    const d = doc([send('hello'), exit()], [edge('hello', 'end')]);
    const errors = errorsOf(compile(d));
    expect(errors).toEqual([expect.objectContaining({ code: 'missing_trigger' })]);
  });

  it('two triggers → multiple_triggers on the second', () => {
    const d = doc(
      [trigger('start'), trigger('again'), exit()],
      [edge('start', 'end'), edge('again', 'end')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'multiple_triggers', nodeId: 'again' }),
    );
    expect(errors.some((e) => e.code === 'multiple_triggers' && e.nodeId === 'start')).toBe(false);
  });

  it('an unknown node type → unknown_type on that node', () => {
    const d = doc(
      [trigger(), { id: 'mystery', type: 'custom.nope', config: {} }, exit()],
      [edge('start', 'mystery'), edge('mystery', 'end')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'unknown_type',
        nodeId: 'mystery',
        message: expect.stringContaining('custom.nope'),
      }),
    );
  });

  it('an unknown version of a known type → unknown_type naming the version', () => {
    const d = doc(
      [
        trigger(),
        { id: 'hello', type: 'message.send', version: 9, config: { templateId: 'x' } },
        exit(),
      ],
      [edge('start', 'hello'), edge('hello', 'end')],
    );
    expect(errorsOf(compile(d))).toContainEqual(
      expect.objectContaining({
        code: 'unknown_type',
        nodeId: 'hello',
        message: expect.stringContaining('v9'),
      }),
    );
  });

  it('an edge to a missing node → unknown_node for that edge', () => {
    const d = minimal();
    const errors = errorsOf(
      compile({ ...d, edges: [edge('start', 'hello'), edge('hello', 'ghost')] }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'unknown_node',
        edgeIndex: 1,
        message: expect.stringContaining('"ghost"'),
      }),
    );
    // The edge does not count as wiring, so the port is still reported, on the node to fix.
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'port_unwired', nodeId: 'hello', path: 'next' }),
    );
  });

  it('an edge from an undeclared port → unknown_port on the source node', () => {
    const d = minimal();
    const errors = errorsOf(
      compile({ ...d, edges: [...(d.edges ?? []), edge('hello', 'end', 'maybe')] }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'unknown_port', nodeId: 'hello', edgeIndex: 2 }),
    ]);
    expect(errors[0]?.message).toMatch(/No port "maybe" \(ports: next\)/);
  });

  it('a port wired twice → port_wired_twice on the source node', () => {
    const d = doc(
      [trigger(), send('hello'), exit('a'), exit('b')],
      [edge('start', 'hello'), edge('hello', 'a'), edge('hello', 'b')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'port_wired_twice', nodeId: 'hello', edgeIndex: 2 }),
    );
  });

  it('an edge into the trigger → trigger_has_input', () => {
    const d = doc(
      [trigger(), send('hello'), exit()],
      [edge('start', 'hello'), edge('hello', 'start')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'trigger_has_input', nodeId: 'start', edgeIndex: 1 }),
    );
  });

  it('a node no path reaches → unreachable on that node', () => {
    const d = doc(
      [trigger(), send('hello'), send('orphan'), exit()],
      [edge('start', 'hello'), edge('hello', 'end'), edge('orphan', 'end')],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toEqual([expect.objectContaining({ code: 'unreachable', nodeId: 'orphan' })]);
  });

  it('a loop without a wait → loop_without_wait on a node of the loop', () => {
    // start → check: yes → end; no → nudge → check (spins forever for prepaid customers).
    const d = doc(
      [trigger(), isCod('check'), send('nudge'), exit()],
      [
        edge('start', 'check'),
        edge('check', 'end', 'yes'),
        edge('check', 'nudge', 'no'),
        edge('nudge', 'check'),
      ],
    );
    const errors = errorsOf(compile(d));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'loop_without_wait' });
    expect(['check', 'nudge']).toContain(errors[0]?.nodeId);
    expect(errors[0]?.message).toMatch(/check/);
    expect(errors[0]?.message).toMatch(/nudge/);
  });

  it('a self-loop without a wait → loop_without_wait', () => {
    const d = doc(
      [trigger(), isCod('check'), exit()],
      [edge('start', 'check'), edge('check', 'end', 'yes'), edge('check', 'check', 'no')],
    );
    expect(errorsOf(compile(d))).toEqual([
      expect.objectContaining({ code: 'loop_without_wait', nodeId: 'check' }),
    ]);
  });

  it('a loop with a wait compiles', () => {
    const d = doc(
      [trigger(), isCod('check'), send('nudge'), waitDays('pause', 1), exit()],
      [
        edge('start', 'check'),
        edge('check', 'end', 'yes'),
        edge('check', 'nudge', 'no'),
        edge('nudge', 'pause'),
        edge('pause', 'check'),
      ],
    );
    const result = compile(d);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.ir.facts.maxMessagesPerCustomer).toBe(1);
  });

  // BUG: an `until` wait (N days after entry at HH:MM) waits only on its first visit; on every
  // later visit its instant is already past, so it passes straight through. A loop whose only
  // wait is one compiles, then spins until MAX_VISITS: simulating this journey sends 499
  // messages at the same instant, then exits step_limit.
  it('a loop whose only wait is an until-wait (absolute time) → loop_without_wait', () => {
    const d = doc(
      [
        trigger(),
        {
          id: 'day1',
          type: 'flow.wait',
          config: { mode: 'until', daysAfterEntry: 1, at: '10:00' },
        },
        send('nudge'),
      ],
      [edge('start', 'day1'), edge('day1', 'nudge'), edge('nudge', 'day1')],
    );
    expect(errorsOf(compile(d))).toContainEqual(
      expect.objectContaining({ code: 'loop_without_wait' }),
    );
  });

  it('reports every problem at once, each pinned to its node', () => {
    const d = doc(
      [
        trigger(),
        { id: 'mystery', type: 'custom.nope' },
        { id: 'bad', type: 'message.send', config: { templateId: '' } },
        waitDays('long', 90),
        exit(),
      ],
      [edge('start', 'long'), edge('long', 'end')],
    );
    const codes = errorsOf(compile(d)).map((e) => `${e.code}:${e.nodeId}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'unknown_type:mystery',
        'config_invalid:bad',
        'wait_exceeds_window:long',
      ]),
    );
  });
});

describe('compile: one mistake, one error', () => {
  it('a node with a bad config is reported once, not as unwired/unreachable downstream', () => {
    const doc = {
      name: 'cascade',
      nodes: [
        { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
        { id: 'hello', type: 'message.send', config: { templateId: '' } },
        { id: 'pause', type: 'flow.wait', config: { mode: 'duration', duration: { amount: 1 } } },
        { id: 'mystery', type: 'custom.nope', config: {} },
        { id: 'end', type: 'flow.exit', config: {} },
      ],
      edges: [
        { source: 'start', target: 'hello' },
        { source: 'hello', target: 'pause' },
        { source: 'pause', target: 'mystery' },
        { source: 'mystery', target: 'end' },
      ],
    };
    const result = compile(doc);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.code, e.nodeId])).toEqual([
      ['config_invalid', 'hello'],
      ['unknown_type', 'mystery'],
    ]);
  });
});
