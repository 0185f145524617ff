'use client';

// Confirms a publish. For a live journey it first shows how many customers are inside each
// step of the running versions, and says plainly that they stay on their version.
import { useEffect, useRef, useState } from 'react';
import type { JourneyDocument, JourneyFacts, VersionSummary } from '../../lib/editor/types';
import { versionStats, type NodeCount } from './api';
import { inputClass } from './inspector/controls';

const PUBLISHER_KEY = 'yatra.publisher';

interface Inside {
  version: VersionSummary;
  nodes: NodeCount[];
  total: number;
}

export function PublishDialog({
  open,
  journeyId,
  doc,
  versions,
  triggerEvent,
  facts,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  journeyId: string;
  doc: JourneyDocument;
  versions: VersionSummary[];
  triggerEvent: string | null;
  facts: JourneyFacts | null;
  busy: boolean;
  error: string[] | null;
  onCancel(): void;
  onConfirm(publishedBy: string): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [inside, setInside] = useState<Inside[] | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [publisher, setPublisher] = useState('');
  const next = (versions[0]?.version ?? 0) + 1;
  const live = versions.find((v) => v.live);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    setPublisher(localStorage.getItem(PUBLISHER_KEY) ?? '');
    setInside(null);
    setStatsError(null);
    if (versions.length === 0) {
      setInside([]);
      return;
    }
    let cancelled = false;
    Promise.all(
      versions.map(async (version) => {
        const nodes = (await versionStats(journeyId, version.id)).filter((n) => n.waitingNow > 0);
        return { version, nodes, total: nodes.reduce((s, n) => s + n.waitingNow, 0) };
      }),
    )
      .then((list) => !cancelled && setInside(list.filter((v) => v.total > 0)))
      .catch(
        (e: unknown) => !cancelled && setStatsError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      cancelled = true;
    };
  }, [open, journeyId, versions]);

  const label = (nodeId: string) => {
    const node = doc.nodes.find((n) => n.id === nodeId);
    return node?.label ?? nodeId;
  };
  const totalInside = inside?.reduce((s, v) => s + v.total, 0) ?? 0;

  return (
    <dialog
      ref={dialog}
      data-testid="publish-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[32rem] max-w-[calc(100vw-2rem)] rounded-xl p-0 shadow-2xl ring-1 ring-slate-900/10 backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px]"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          localStorage.setItem(PUBLISHER_KEY, publisher.trim());
          onConfirm(publisher.trim() || 'canvas');
        }}
      >
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 className="text-base font-semibold text-slate-900">Publish version {next}</h2>
          <p className="mt-1 text-sm text-slate-500">
            {live
              ? `v${next} replaces v${live.version} for customers who enter from now on.`
              : `From now on, customers who trigger ${triggerEvent ?? 'the trigger event'} enter this journey.`}
          </p>
        </div>
        <div className="space-y-4 px-5 py-4 text-sm">
          {versions.length > 0 && (
            <section data-testid="publish-inside">
              <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Customers inside right now
              </h3>
              {inside === null && !statsError && <p className="text-slate-500">Counting…</p>}
              {statsError && <p className="text-red-600">Could not count: {statsError}</p>}
              {inside && inside.length === 0 && (
                <p data-testid="publish-inside-none" className="text-slate-600">
                  No customer is inside any version right now.
                </p>
              )}
              {inside && inside.length > 0 && (
                <div className="space-y-2">
                  {inside.map((v) => (
                    <div
                      key={v.version.id}
                      data-testid="publish-inside-version"
                      data-version={v.version.version}
                      data-total={v.total}
                      className="rounded-lg border border-slate-200"
                    >
                      <div className="flex justify-between border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-700">
                        <span>v{v.version.version}</span>
                        <span className="tabular-nums">
                          {v.total} customer{v.total === 1 ? '' : 's'}
                        </span>
                      </div>
                      <ul className="divide-y divide-slate-100">
                        {v.nodes.map((n) => (
                          <li key={n.nodeId} className="flex justify-between px-3 py-1 text-xs">
                            <span className="text-slate-600">{label(n.nodeId)}</span>
                            <span className="font-semibold text-slate-800 tabular-nums">
                              {n.waitingNow}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              )}
              <p
                data-testid="publish-stay"
                className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-xs leading-relaxed text-amber-900"
              >
                {totalInside === 1
                  ? 'This customer stays'
                  : totalInside > 1
                    ? `These ${totalInside} customers stay`
                    : 'Customers already inside stay'}{' '}
                on the version they entered with until they leave it. Only customers who enter after
                you publish follow v{next}.
              </p>
            </section>
          )}
          {facts && (
            <p className="text-xs text-slate-500">
              v{next}: {facts.nodeCount} steps, at most {facts.maxMessagesPerCustomer} message
              {facts.maxMessagesPerCustomer === 1 ? '' : 's'} per customer.
            </p>
          )}
          <label className="block">
            <span className="text-xs font-medium text-slate-700">Published by</span>
            <input
              data-testid="publish-by"
              value={publisher}
              onChange={(e) => setPublisher(e.target.value)}
              placeholder="Your name"
              className={`${inputClass} mt-1`}
            />
          </label>
          {error && (
            <ul data-testid="publish-error" className="space-y-1 text-xs text-red-700">
              {error.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex justify-end gap-2 border-t border-slate-100 bg-slate-50 px-5 py-3">
          <button
            type="button"
            onClick={onCancel}
            disabled={busy}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            Cancel
          </button>
          <button
            type="submit"
            data-testid="publish-confirm"
            disabled={busy || (versions.length > 0 && inside === null && !statsError)}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
          >
            {busy ? 'Publishing…' : `Publish v${next}`}
          </button>
        </div>
      </form>
    </dialog>
  );
}
