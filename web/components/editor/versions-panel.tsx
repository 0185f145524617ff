'use client';

import Link from 'next/link';
import { memo } from 'react';
import { formatDateTime } from '../../lib/format';
import type { VersionSummary } from '../../lib/editor/types';
import { EyeIcon } from '../icons';

/** Version history: the draft, then each published version (who, when), openable read-only. */
export const VersionsPanel = memo(function VersionsPanel({
  journeyId,
  versions,
  viewing,
  draftChanged,
}: {
  journeyId: string;
  versions: VersionSummary[];
  /** The version open read-only, or null for the draft. */
  viewing: number | null;
  draftChanged: boolean;
}) {
  return (
    <div data-testid="versions" className="min-h-0 flex-1 overflow-y-auto p-4">
      <ol className="relative space-y-1 border-l border-slate-200 pl-4">
        <li data-testid="version-draft" className="relative">
          <Dot tone={viewing === null ? 'indigo' : 'slate'} />
          <Link
            href={`/journeys/${journeyId}`}
            className={`block rounded-lg px-2.5 py-2 text-sm transition ${
              viewing === null ? 'bg-indigo-50 ring-1 ring-indigo-100' : 'hover:bg-slate-50'
            }`}
          >
            <span className="font-semibold text-slate-800">Draft</span>
            <span className="ml-2 text-xs text-slate-500">
              {draftChanged
                ? 'unpublished changes'
                : versions.length
                  ? 'same as the live version'
                  : 'not published yet'}
            </span>
          </Link>
        </li>
        {versions.map((v) => (
          <li key={v.id} data-testid="version-item" data-version={v.version} className="relative">
            <Dot tone={v.live ? 'emerald' : 'slate'} />
            <div
              className={`flex items-start justify-between gap-2 rounded-lg px-2.5 py-2 ${
                viewing === v.version ? 'bg-amber-50 ring-1 ring-amber-200' : ''
              }`}
            >
              <div className="min-w-0">
                <div className="flex items-center gap-2">
                  <span className="text-sm font-semibold text-slate-800 tabular-nums">
                    v{v.version}
                  </span>
                  {v.live && (
                    <span className="rounded-full bg-emerald-50 px-1.5 py-px text-[10px] font-semibold text-emerald-700 ring-1 ring-emerald-600/20">
                      Live
                    </span>
                  )}
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {v.publishedAt ? formatDateTime(v.publishedAt) : ''} · by{' '}
                  <span className="font-medium text-slate-600">{v.publishedBy || 'unknown'}</span>
                </p>
                <p className="text-[11px] text-slate-400">
                  trigger <code className="font-mono">{v.triggerEvent}</code>
                </p>
              </div>
              {viewing !== v.version && (
                <Link
                  href={`/journeys/${journeyId}?version=${v.version}`}
                  data-testid="open-version"
                  className="inline-flex shrink-0 items-center gap-1 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-50"
                >
                  <EyeIcon className="size-3.5" /> Open
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
      {versions.length === 0 ? (
        <p className="mt-4 text-xs text-slate-500">
          Publishing compiles the draft into version 1. Each publish adds an immutable version.
        </p>
      ) : (
        <p className="mt-4 text-xs leading-relaxed text-slate-500">
          Versions never change. Customers stay on the version they entered with; editing the draft
          and publishing affects new entrants only. Open a version to see it or restore it as the
          draft.
        </p>
      )}
    </div>
  );
});

function Dot({ tone }: { tone: 'indigo' | 'emerald' | 'slate' }) {
  const c = { indigo: 'bg-indigo-500', emerald: 'bg-emerald-500', slate: 'bg-slate-300' }[tone];
  return (
    <span
      aria-hidden
      className={`absolute top-3.5 -left-[21px] size-2.5 rounded-full ring-4 ring-white ${c}`}
    />
  );
}
