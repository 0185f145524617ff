// Shapes simulate()'s raw result into what the Simulate panel lists: one row per step with its
// virtual "Day N · HH:MM" in the customer's time zone, what happened there and the messages sent.
import { localParts, type SimulatedStep, type SimulationResult } from '@yatra/nodes';
import type { SimMessage, SimRow, SimulationView } from '../editor/simulation';
import { dayLabel } from '../editor/simulation';

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Calendar day and wall-clock time of instants relative to an entry, in one time zone. */
export function localClock(startAt: string, timeZone: string) {
  const dateOf = (ms: number) => {
    const p = localParts(ms, timeZone);
    return {
      date: Date.UTC(p.year, p.month - 1, p.day),
      time: `${pad2(p.hour)}:${pad2(p.minute)}`,
    };
  };
  const entryDate = dateOf(Date.parse(startAt)).date;
  return (iso: string) => {
    const { date, time } = dateOf(Date.parse(iso));
    return { day: Math.round((date - entryDate) / DAY_MS), time };
  };
}

function outcomeOf(step: SimulatedStep, clock: ReturnType<typeof localClock>): string {
  const d = step.detail;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  if (typeof d.exit === 'string') {
    const why = [text(d.goal), d.event ? `on ${text(d.event)}` : '', text(d.error)].filter(Boolean);
    return `exits: ${d.exit}${why.length ? ` (${why.join(', ')})` : ''}`;
  }
  if (step.port === null) {
    if (typeof d.waitingUntil !== 'string') return 'waits';
    const until = clock(d.waitingUntil);
    const when = dayLabel(until.day, until.time);
    return typeof d.forEvent === 'string'
      ? `waits for ${d.forEvent}, at most until ${when}`
      : `waits until ${when}`;
  }
  const notes = [
    typeof d.event === 'string' ? `on ${d.event}` : '',
    typeof d.bucket === 'number' ? `bucket ${d.bucket}` : '',
    d.elapsed === true ? 'already elapsed' : '',
  ].filter(Boolean);
  return `→ ${step.port}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/**
 * The panel's view of a simulation. Messages belong to the step that sent them (same node and
 * instant); `labels` names nodes as the canvas does.
 */
export function toSimulationView(
  result: SimulationResult,
  opts: {
    startAt: string;
    timeZone: string;
    labels: ReadonlyMap<string, string>;
    warnings?: string[];
  },
): SimulationView {
  const clock = localClock(opts.startAt, opts.timeZone);
  const unclaimed = [...result.messages];
  const rows = result.steps.map((step): SimRow => {
    const messages: SimMessage[] = [];
    if (step.port !== null) {
      for (let i = 0; i < unclaimed.length;) {
        const m = unclaimed[i];
        if (m && m.nodeId === step.nodeId && m.at === step.at) {
          unclaimed.splice(i, 1);
          messages.push({
            channel: m.channel,
            templateId: m.templateId,
            category: m.category,
            variables: m.variables,
          });
        } else i++;
      }
    }
    const { day, time } = clock(step.at);
    return {
      seq: step.seq,
      nodeId: step.nodeId,
      nodeType: step.nodeType,
      nodeLabel: opts.labels.get(step.nodeId) ?? step.nodeId,
      day,
      time,
      at: step.at,
      kind: typeof step.detail.exit === 'string' ? 'exit' : step.port === null ? 'wait' : 'step',
      port: step.port,
      outcome: outcomeOf(step, clock),
      messages,
    };
  });
  const traversed = new Map<string, { source: string; sourcePort: string }>();
  for (const s of result.steps) {
    if (s.port !== null)
      traversed.set(`${s.nodeId}\u0000${s.port}`, { source: s.nodeId, sourcePort: s.port });
  }
  const exitClock = clock(result.exit.at);
  return {
    timeZone: opts.timeZone,
    startAt: opts.startAt,
    rows,
    exit: {
      reason: result.exit.reason,
      nodeId: result.exit.nodeId ?? null,
      day: exitClock.day,
      time: exitClock.time,
      at: result.exit.at,
    },
    visitedNodes: [...new Set(result.steps.map((s) => s.nodeId))],
    traversed: [...traversed.values()],
    messageCount: result.messages.length,
    warnings: opts.warnings ?? [],
  };
}
