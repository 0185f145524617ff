'use client';

import type { CompileError, JourneyFacts } from '@yatra/nodes';
import type { ReactNode } from 'react';
import type { CanvasNodeView, CanvasView } from '../../lib/canvas/types';

/** A published version as the panel lists it (dates preformatted on the server). */
export interface PanelVersion {
  id: string;
  version: number;
  publishedAt: string;
  live: boolean;
}

export interface JourneyPanelProps {
  view: CanvasView | null;
  errors: CompileError[];
  facts: JourneyFacts | null;
  versions: PanelVersion[];
  windowDays: number | null;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
}

function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section data-testid={testId} className="border-b border-slate-200 px-4 py-4 last:border-b-0">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-[11px] text-slate-500">{label}</dt>
      <dd data-testid={testId} className="text-lg font-semibold text-slate-800 tabular-nums">
        {value}
      </dd>
    </div>
  );
}

function NodeDetails({ node, onClose }: { node: CanvasNodeView; onClose: () => void }) {
  return (
    <Section title="Selected step" testId="selected-node">
      <div className="flex items-start justify-between gap-2">
        <div>
          <div className="font-semibold text-slate-800">
            <span aria-hidden>{node.icon}</span> {node.label ?? node.title}
          </div>
          <div className="font-mono text-[11px] text-slate-500">
            {node.id} · {node.type}
          </div>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          aria-label="Close step details"
        >
          ×
        </button>
      </div>
      {node.problems.length > 0 && (
        <ul className="mt-2 space-y-1 text-xs text-red-700">
          {node.problems.map((p) => (
            <li key={p}>⚠ {p}</li>
          ))}
        </ul>
      )}
      {node.counts && (
        <p className="mt-2 text-xs text-slate-600">
          {node.counts.entered} entered · {node.counts.waitingNow} here now · {node.counts.exited}{' '}
          ended here
        </p>
      )}
      <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-slate-900 p-2 font-mono text-[11px] leading-relaxed text-slate-100">
        {JSON.stringify(node.config, null, 2)}
      </pre>
    </Section>
  );
}

/** Compile problems, compile facts and versions beside the canvas. */
export function JourneyPanel(props: JourneyPanelProps) {
  const { view, errors, facts, versions, selectedId, onSelect } = props;
  const byId = new Map((view?.nodes ?? []).map((n) => [n.id, n]));
  const selected = selectedId ? byId.get(selectedId) : undefined;

  return (
    <aside
      data-testid="journey-panel"
      className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white"
    >
      {selected && <NodeDetails node={selected} onClose={() => onSelect(null)} />}

      <Section title="Compile check" testId="compile-status">
        {errors.length === 0 ? (
          <p data-testid="compile-ok" className="flex items-center gap-2 text-sm text-emerald-700">
            <span aria-hidden>✓</span> The draft compiles and can be published.
          </p>
        ) : (
          <>
            <p className="mb-2 text-sm text-red-700">
              {errors.length} problem{errors.length === 1 ? '' : 's'} to fix before publishing:
            </p>
            <ul className="space-y-1.5">
              {errors.map((e, i) => {
                const node = e.nodeId ? byId.get(e.nodeId) : undefined;
                return (
                  <li
                    key={`${e.code}-${e.nodeId ?? ''}-${i}`}
                    data-testid="compile-problem"
                    data-node-id={e.nodeId}
                    data-code={e.code}
                  >
                    <button
                      type="button"
                      disabled={!node}
                      onClick={() => node && onSelect(node.id)}
                      className="w-full rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-left text-xs enabled:hover:border-red-300"
                    >
                      <span className="font-semibold text-red-800">
                        {node ? (node.label ?? node.title) : 'Journey'}
                      </span>{' '}
                      <span className="font-mono text-[10px] text-red-500">{e.code}</span>
                      <span className="mt-0.5 block text-red-700">{e.message}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Section>

      {facts && (
        <Section title="Per customer, at most" testId="compile-facts">
          <dl className="grid grid-cols-2 gap-2">
            <Fact
              label="Messages"
              value={facts.maxMessagesPerCustomer}
              testId="fact-max-messages"
            />
            <Fact label="Steps on a path" value={facts.maxPathLength} testId="fact-path-length" />
            <Fact label="Nodes" value={facts.nodeCount} testId="fact-node-count" />
            <Fact
              label="Window"
              value={props.windowDays === null ? '—' : `${props.windowDays} d`}
              testId="fact-window"
            />
          </dl>
          {Object.keys(facts.messageNodesByChannel).length > 0 && (
            <p className="mt-2 text-xs text-slate-500">
              Send steps by channel:{' '}
              {Object.entries(facts.messageNodesByChannel)
                .map(([channel, n]) => `${channel} ${n}`)
                .join(', ')}
            </p>
          )}
        </Section>
      )}

      <Section title="Versions" testId="journey-versions">
        {versions.length === 0 ? (
          <p className="text-sm text-slate-500">
            Not published yet. Publishing compiles this draft into version 1.
          </p>
        ) : (
          <>
            <ul className="space-y-1 text-sm">
              {versions.map((v) => (
                <li key={v.id} className="flex items-center justify-between">
                  <span className="font-medium tabular-nums">v{v.version}</span>
                  <span className="text-xs text-slate-500">
                    {v.live && (
                      <span className="mr-1.5 rounded bg-emerald-50 px-1 text-emerald-700">
                        live
                      </span>
                    )}
                    {v.publishedAt}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-slate-500">
              Editing the draft affects new entrants only; customers already inside stay on the
              version they entered with.
            </p>
          </>
        )}
      </Section>
    </aside>
  );
}
