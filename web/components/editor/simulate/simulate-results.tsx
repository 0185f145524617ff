'use client';

// A simulation's timeline: each step at its virtual "Day N · HH:MM" in the customer's time
// zone, what happened there and the messages that would go out; a click focuses the step.
import { memo } from 'react';
import { dayLabel, type SimMessage, type SimulationView } from '../../../lib/editor/simulation';
import { AlertIcon } from '../../icons';

const CHANNELS: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' };

function Message({ m }: { m: SimMessage }) {
  const vars = Object.entries(m.variables);
  return (
    <div
      data-testid="sim-message"
      data-template-id={m.templateId}
      data-channel={m.channel}
      className="mt-1 rounded-md bg-emerald-50 px-2 py-1 text-[11px] text-emerald-900 ring-1 ring-emerald-600/15"
    >
      <span className="font-semibold">{CHANNELS[m.channel] ?? m.channel}</span> ·{' '}
      <code className="font-mono">{m.templateId}</code>
      <span className="text-emerald-700/70"> ({m.category})</span>
      {vars.length > 0 && (
        <dl className="mt-0.5 grid grid-cols-[auto_1fr] gap-x-2 font-mono text-[10.5px]">
          {vars.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-emerald-700/70">{k}</dt>
              <dd className="truncate" title={v}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export const SimulationResults = memo(function SimulationResults({
  view,
  stale,
  selectedNode,
  onFocusNode,
  onClear,
}: {
  view: SimulationView;
  /** The canvas changed since this run. */
  stale: boolean;
  selectedNode: string | null;
  onFocusNode(nodeId: string): void;
  onClear(): void;
}) {
  const { exit } = view;
  return (
    <section data-testid="simulate-result" aria-label="Simulation result" className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <p
          data-testid="simulate-exit"
          data-exit-reason={exit.reason}
          data-exit-node={exit.nodeId ?? ''}
          className="text-xs leading-relaxed text-slate-700"
        >
          Exits on <strong>{dayLabel(exit.day, exit.time)}</strong>:{' '}
          <code className="rounded bg-slate-100 px-1 font-mono">{exit.reason}</code>
          {' · '}
          {view.messageCount} message{view.messageCount === 1 ? '' : 's'}, times in {view.timeZone}
        </p>
        <button
          type="button"
          data-testid="simulate-clear"
          onClick={onClear}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          Clear
        </button>
      </div>
      {[
        ...view.warnings,
        ...(stale ? ['The canvas changed since this run; run again to see the new path.'] : []),
      ].map((w) => (
        <p
          key={w}
          data-testid="simulate-warning"
          className="flex gap-1.5 rounded-md bg-amber-50 px-2 py-1.5 text-[11px] text-amber-900"
        >
          <AlertIcon className="mt-px size-3.5 shrink-0" />
          {w}
        </p>
      ))}
      <ol data-testid="simulate-timeline" aria-label="Steps" className="space-y-1">
        {view.rows.map((row) => (
          <li key={row.seq}>
            <button
              type="button"
              data-testid="sim-row"
              data-node-id={row.nodeId}
              data-day={row.day}
              data-kind={row.kind}
              data-port={row.port ?? ''}
              aria-current={selectedNode === row.nodeId ? 'step' : undefined}
              title="Show this step on the canvas"
              onClick={() => onFocusNode(row.nodeId)}
              className={`w-full rounded-lg border px-2.5 py-1.5 text-left transition hover:border-indigo-300 hover:bg-indigo-50/40 ${
                selectedNode === row.nodeId
                  ? 'border-indigo-400 bg-indigo-50/60'
                  : 'border-slate-200'
              } ${row.kind === 'wait' ? 'bg-slate-50/70' : ''}`}
            >
              <div className="flex items-baseline gap-2">
                <span
                  data-testid="sim-row-time"
                  className="shrink-0 font-mono text-[10.5px] font-semibold text-slate-500 tabular-nums"
                >
                  {dayLabel(row.day, row.time)}
                </span>
                <span className="min-w-0 truncate text-xs font-semibold text-slate-800">
                  {row.nodeLabel}
                </span>
              </div>
              <div
                data-testid="sim-row-outcome"
                className={`text-[11px] ${row.kind === 'exit' ? 'font-semibold text-slate-800' : 'text-slate-500'}`}
              >
                {row.outcome}
              </div>
              {row.messages.map((m, i) => (
                <Message key={i} m={m} />
              ))}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
});
