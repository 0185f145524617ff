'use client';

import Link from 'next/link';
import { memo, useEffect, useRef, useState } from 'react';
import type { CostEstimate } from '@yatra/nodes/journey/cost';
import { JourneyCostBadge } from '../cost/journey-cost-badge';
import type { SaveState } from './use-editor-io';
import { AlertIcon, CheckIcon, CopyIcon, DotsIcon, DownloadIcon, UploadIcon } from '../icons';

export interface HeaderProps {
  name: string;
  onRename(name: string): void;
  liveVersion: number | null;
  versionCount: number;
  draftChanged: boolean;
  readOnlyVersion: number | null;
  runningCustomers: number;
  saveState: SaveState;
  saveError: string | null;
  publish: { disabled: boolean; reason: string | null; onClick(): void };
  onExport(): void;
  onImport(file: File): void;
  onDuplicate(): void;
  /** The live-counts switch (null: never published, nothing to count). */
  live: LiveToggle | null;
  /** Expected messaging cost per customer (absent while the draft does not compile). */
  cost?: CostEstimate | null;
}

export interface LiveToggle {
  on: boolean;
  onToggle(): void;
  updatedAt: Date | null;
  error: string | null;
}

const saveText: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  error: 'Couldn’t save — retrying',
};

/** Journey name, live / draft / version state, save state, import-export menu and Publish. */
export const EditorHeader = memo(function EditorHeader(props: HeaderProps) {
  const { liveVersion, readOnlyVersion, saveState } = props;
  const file = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    const close = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !menuRef.current?.contains(e.target)) setMenu(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [menu]);

  return (
    <div className="flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <Link href="/journeys" className="text-sm text-slate-400 hover:text-slate-700">
          Journeys
        </Link>
        <span className="text-slate-300">/</span>
        <input
          data-testid="journey-name"
          aria-label="Journey name"
          value={props.name}
          readOnly={readOnlyVersion !== null}
          onChange={(e) => props.onRename(e.target.value)}
          className="min-w-0 max-w-md flex-1 truncate rounded-md border border-transparent bg-transparent px-1.5 py-1 text-[15px] font-semibold text-slate-900 outline-none hover:border-slate-200 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 read-only:hover:border-transparent"
        />
        <div className="flex shrink-0 items-center gap-2">
          {liveVersion !== null ? (
            <span
              data-testid="status-badge"
              data-status="live"
              className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/20"
            >
              <span className="size-1.5 rounded-full bg-emerald-500" aria-hidden />
              Live <span data-testid="journey-live-version">v{liveVersion}</span>
            </span>
          ) : (
            <span
              data-testid="status-badge"
              data-status="draft"
              className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-500/20"
            >
              <span className="size-1.5 rounded-full bg-slate-400" aria-hidden />
              {props.versionCount > 0 ? `Not live (last v${props.versionCount})` : 'Draft'}
              <span data-testid="journey-live-version" className="sr-only">
                none
              </span>
            </span>
          )}
          {readOnlyVersion !== null ? (
            <span
              data-testid="draft-state"
              data-state="viewing"
              className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800"
            >
              Viewing v{readOnlyVersion} · read-only
            </span>
          ) : (
            liveVersion !== null && (
              <span
                data-testid="draft-state"
                data-state={props.draftChanged ? 'changed' : 'same'}
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                  props.draftChanged
                    ? 'bg-amber-50 text-amber-800 ring-1 ring-amber-500/20'
                    : 'text-slate-400'
                }`}
              >
                {props.draftChanged ? 'Draft changes' : 'Draft = live'}
              </span>
            )
          )}
          {props.runningCustomers > 0 && (
            <span data-testid="journey-running" className="text-xs text-slate-500 tabular-nums">
              {props.runningCustomers} customer{props.runningCustomers === 1 ? '' : 's'} inside
            </span>
          )}
        </div>
      </div>

      {props.cost && <JourneyCostBadge cost={props.cost} />}

      {props.live && <LiveCountsSwitch {...props.live} />}

      {readOnlyVersion === null && (
        <span
          data-testid="save-state"
          data-state={saveState}
          title={props.saveError ?? undefined}
          className={`inline-flex items-center gap-1.5 text-xs ${
            saveState === 'error'
              ? 'text-red-600'
              : saveState === 'saved'
                ? 'text-slate-400'
                : 'text-slate-500'
          }`}
        >
          {saveState === 'saved' ? (
            <CheckIcon className="size-3.5" />
          ) : saveState === 'error' ? (
            <AlertIcon className="size-3.5" />
          ) : (
            <span
              aria-hidden
              className={`size-1.5 rounded-full ${saveState === 'saving' ? 'animate-pulse bg-indigo-500' : 'bg-amber-500'}`}
            />
          )}
          {saveText[saveState]}
        </span>
      )}

      <div className="relative" ref={menuRef}>
        <button
          type="button"
          data-testid="journey-menu"
          aria-label="More actions"
          aria-haspopup="menu"
          aria-expanded={menu}
          onClick={() => setMenu((m) => !m)}
          className="grid size-8 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
          <DotsIcon className="size-5" />
        </button>
        {menu && (
          <div
            role="menu"
            className="absolute top-9 right-0 z-30 w-52 overflow-hidden rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-900/10"
          >
            <MenuItem
              testId="export-json"
              icon={<DownloadIcon className="size-4" />}
              onClick={() => {
                setMenu(false);
                props.onExport();
              }}
            >
              Export JSON
            </MenuItem>
            {readOnlyVersion === null && (
              <MenuItem
                testId="import-json"
                icon={<UploadIcon className="size-4" />}
                onClick={() => {
                  setMenu(false);
                  file.current?.click();
                }}
              >
                Import JSON…
              </MenuItem>
            )}
            <MenuItem
              testId="duplicate-journey"
              icon={<CopyIcon className="size-4" />}
              onClick={() => {
                setMenu(false);
                props.onDuplicate();
              }}
            >
              Duplicate journey
            </MenuItem>
          </div>
        )}
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          className="hidden"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) props.onImport(f);
            e.target.value = '';
          }}
        />
      </div>

      {readOnlyVersion === null && (
        <div className="flex items-center gap-2.5">
          {props.publish.reason && (
            <span data-testid="publish-reason" className="max-w-56 truncate text-xs text-slate-500">
              {props.publish.reason}
            </span>
          )}
          <button
            type="button"
            data-testid="publish"
            disabled={props.publish.disabled}
            title={props.publish.reason ?? 'Publish a new version'}
            onClick={props.publish.onClick}
            className="rounded-md bg-indigo-600 px-3.5 py-1.5 text-sm font-semibold text-white shadow-sm transition hover:bg-indigo-500 disabled:cursor-not-allowed disabled:bg-slate-200 disabled:text-slate-500 disabled:shadow-none"
          >
            Publish
          </button>
        </div>
      )}
    </div>
  );
});

function MenuItem({
  children,
  icon,
  onClick,
  testId,
}: {
  children: string;
  icon: React.ReactNode;
  onClick(): void;
  testId: string;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      data-testid={testId}
      onClick={onClick}
      className="flex w-full items-center gap-2.5 px-3 py-2 text-left text-slate-700 hover:bg-slate-50"
    >
      <span className="text-slate-400">{icon}</span>
      {children}
    </button>
  );
}

/** "Show live counts": the canvas overlay of who is where, refreshed every few seconds. */
function LiveCountsSwitch({ on, onToggle, updatedAt, error }: LiveToggle) {
  const title = error
    ? `Live counts could not be loaded: ${error}`
    : on && updatedAt
      ? `Updated ${updatedAt.toLocaleTimeString()}; refreshes every few seconds`
      : 'Customers who entered, wait at and left each step, on the canvas';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      data-testid="live-counts-toggle"
      data-state={on ? 'on' : 'off'}
      title={title}
      onClick={onToggle}
      className="inline-flex items-center gap-2 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
    >
      <span
        aria-hidden
        className={`relative inline-flex h-4 w-7 shrink-0 rounded-full transition ${on ? 'bg-emerald-500' : 'bg-slate-300'}`}
      >
        <span
          className={`absolute top-0.5 left-0.5 size-3 rounded-full bg-white shadow transition ${on ? 'translate-x-3' : ''}`}
        />
      </span>
      Show live counts
      {on && error && <span className="size-1.5 rounded-full bg-red-500" aria-hidden />}
      {on && !error && updatedAt && (
        <span className="size-1.5 animate-pulse rounded-full bg-emerald-500" aria-hidden />
      )}
    </button>
  );
}
