import {
  localParts,
  type SimulatedMessage,
  type SimulatedStep,
  type SimulationResult,
} from '@yatra/nodes';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `d 3.00`: days after entry, two decimals. */
export function formatDay(day: number): string {
  return `d ${day.toFixed(2)}`;
}

/** `Fri 2026-01-02 10:00` in the customer's time zone. */
export function formatLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  const p = localParts(ms, timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()] ?? '';
  return `${weekday} ${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

function formatMessage(m: SimulatedMessage): string {
  const vars = Object.entries(m.variables).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${m.channel} ${m.templateId}${vars.length ? ` {${vars.join(', ')}}` : ''}`;
}

/** What happened at a step: the port taken, the wait, or the exit. */
export function describeOutcome(
  step: SimulatedStep,
  dayOf: (iso: string) => number,
  timeZone: string,
): string {
  const d = step.detail;
  if (typeof d.exit === 'string') {
    const why = [
      typeof d.goal === 'string' ? d.goal : '',
      typeof d.event === 'string' ? `on ${d.event}` : '',
      typeof d.error === 'string' ? d.error : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `exit: ${d.exit}${why ? ` (${why})` : ''}`;
  }
  if (step.port === null) {
    if (typeof d.waitingUntil === 'string') {
      const until = `until ${formatDay(dayOf(d.waitingUntil))} (${formatLocal(d.waitingUntil, timeZone)})`;
      return typeof d.forEvent === 'string'
        ? `waiting for ${d.forEvent}, at most ${until}`
        : `waiting ${until}`;
    }
    return 'waiting';
  }
  const notes = [
    typeof d.event === 'string' ? `on ${d.event}` : '',
    typeof d.bucket === 'number' ? `bucket ${d.bucket}` : '',
    d.value !== undefined ? `value ${JSON.stringify(d.value)}` : '',
    d.elapsed === true ? 'already elapsed' : '',
  ].filter(Boolean);
  return `→ ${step.port}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/**
 * The human report of a simulation: one row per step (virtual day, local time, node, type,
 * outcome, messages sent there), then the exit and a summary of the messages.
 */
export function renderSimulation(
  result: SimulationResult,
  opts: { timeZone: string; startAt: string },
): string {
  const startMs = Date.parse(opts.startAt);
  const dayOf = (iso: string) =>
    Math.round(((Date.parse(iso) - startMs) / 86_400_000) * 1000) / 1000;
  const unmatched = [...result.messages];
  const rows: string[][] = result.steps.map((step) => {
    const sent: SimulatedMessage[] = [];
    if (step.port !== null) {
      for (let i = unmatched.length - 1; i >= 0; i--) {
        const m = unmatched[i];
        if (m && m.nodeId === step.nodeId && m.at === step.at)
          sent.unshift(...unmatched.splice(i, 1));
      }
    }
    return [
      formatDay(step.day),
      formatLocal(step.at, opts.timeZone),
      step.nodeId,
      step.nodeType,
      describeOutcome(step, dayOf, opts.timeZone),
      sent.map(formatMessage).join('; '),
    ];
  });
  const header = ['day', `local time (${opts.timeZone})`, 'node', 'type', 'outcome', 'messages'];
  const widths = header.map((h, col) =>
    Math.max(h.length, ...rows.map((r) => (r[col] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => (col === cells.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const table = [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
  const { exit } = result;
  const summary = [
    '',
    `exit: ${exit.reason} on ${formatDay(exit.day)} (${formatLocal(exit.at, opts.timeZone)})${exit.nodeId ? ` at node ${exit.nodeId}` : ''}`,
    `messages: ${result.messages.length}${result.messages.length ? ` — ${result.messages.map((m) => `${m.templateId} (${formatDay(m.day)})`).join(', ')}` : ''}`,
    `path: ${result.path.join(' → ')}`,
  ];
  return [...table, ...summary].join('\n');
}
