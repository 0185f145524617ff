'use client';

// Small pieces of the editor's chrome: toolbar buttons, the side panel's tabs (WAI-ARIA tabs:
// arrow keys move between them) and the import-errors dialog.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Panel } from '@xyflow/react';
import { FitIcon, LayoutIcon, NoteIcon, RedoIcon, UndoIcon } from '../icons';

export type Tab = 'inspector' | 'problems' | 'versions' | 'simulate';
export const TABS: readonly Tab[] = ['inspector', 'problems', 'versions', 'simulate'];

/** The ids that tie a tab to its panel (aria-controls / aria-labelledby). */
export const tabId = (tab: Tab) => `editor-tab-${tab}`;
export const tabPanelId = (tab: Tab) => `editor-panel-${tab}`;

/** Left / right / Home / End move to another tab and open it (automatic activation). */
export function onTabListKeyDown(event: KeyboardEvent, current: Tab, onSelect: (tab: Tab) => void) {
  const i = TABS.indexOf(current);
  const next =
    event.key === 'ArrowRight'
      ? TABS[(i + 1) % TABS.length]
      : event.key === 'ArrowLeft'
        ? TABS[(i - 1 + TABS.length) % TABS.length]
        : event.key === 'Home'
          ? TABS[0]
          : event.key === 'End'
            ? TABS[TABS.length - 1]
            : undefined;
  if (!next) return;
  event.preventDefault();
  onSelect(next);
  document.getElementById(tabId(next))?.focus();
}

export function ToolButton({
  children,
  label,
  onClick,
  disabled,
  testId,
  text,
}: {
  children: ReactNode;
  label: string;
  onClick(): void;
  disabled?: boolean;
  testId: string;
  text?: string;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="inline-flex h-7 items-center gap-1.5 rounded-md px-1.5 text-xs font-medium text-slate-600 transition hover:bg-slate-100 hover:text-slate-900 disabled:opacity-35 disabled:hover:bg-transparent"
    >
      {children}
      {text && <span>{text}</span>}
    </button>
  );
}

export function TabButton({
  tab,
  current,
  onSelect,
  children,
}: {
  tab: Tab;
  current: Tab;
  onSelect(tab: Tab): void;
  children: ReactNode;
}) {
  const active = tab === current;
  return (
    <button
      type="button"
      role="tab"
      id={tabId(tab)}
      aria-selected={active}
      aria-controls={active ? tabPanelId(tab) : undefined}
      tabIndex={active ? 0 : -1}
      data-testid={`tab-${tab}`}
      onClick={() => onSelect(tab)}
      className={`-mb-px inline-flex items-center border-b-2 px-2.5 py-2.5 text-xs font-medium transition ${
        active
          ? 'border-indigo-600 text-indigo-700'
          : 'border-transparent text-slate-500 hover:text-slate-800'
      }`}
    >
      {children}
    </button>
  );
}

export function ImportErrorsDialog({
  errors,
  onClose,
}: {
  errors: { path: string; message: string }[];
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      data-testid="import-errors"
      onClose={onClose}
      className="m-auto w-[28rem] rounded-xl p-0 shadow-2xl ring-1 ring-slate-900/10 backdrop:bg-slate-900/40"
    >
      <div className="px-5 py-4">
        <h2 className="text-base font-semibold text-slate-900">This file is not a journey</h2>
        <p className="mt-1 text-sm text-slate-500">Nothing was changed. What is wrong:</p>
        <ul className="mt-3 max-h-64 space-y-1 overflow-y-auto text-xs">
          {errors.map((e, i) => (
            <li
              key={i}
              data-testid="import-error"
              className="rounded bg-red-50 px-2 py-1 text-red-800"
            >
              {e.path && <code className="mr-1 font-mono font-semibold">{e.path}</code>}
              {e.message}
            </li>
          ))}
        </ul>
      </div>
      <form
        method="dialog"
        className="flex justify-end border-t border-slate-100 bg-slate-50 px-5 py-3"
      >
        <button className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
          OK
        </button>
      </form>
    </dialog>
  );
}

/** Undo / redo, tidy up (auto-layout), zoom to fit, add a note: floating over the canvas. */
export function CanvasToolbar({
  readOnly,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onLayout,
  onFit,
  onNote,
}: {
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onFit(): void;
  onNote(): void;
}) {
  return (
    <Panel position="top-left" className="m-3!">
      <div className="flex items-center gap-0.5 rounded-lg bg-white p-1 shadow-sm ring-1 ring-slate-200">
        {!readOnly && (
          <>
            <ToolButton testId="undo" label="Undo (Ctrl+Z)" disabled={!canUndo} onClick={onUndo}>
              <UndoIcon />
            </ToolButton>
            <ToolButton
              testId="redo"
              label="Redo (Ctrl+Shift+Z)"
              disabled={!canRedo}
              onClick={onRedo}
            >
              <RedoIcon />
            </ToolButton>
            <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
            <ToolButton
              testId="auto-layout"
              label="Auto-layout, top to bottom"
              onClick={onLayout}
              text="Tidy up"
            >
              <LayoutIcon />
            </ToolButton>
          </>
        )}
        <ToolButton testId="fit-view" label="Zoom to fit" onClick={onFit}>
          <FitIcon />
        </ToolButton>
        {!readOnly && (
          <ToolButton testId="add-note" label="Add a sticky note" onClick={onNote}>
            <NoteIcon />
          </ToolButton>
        )}
      </div>
    </Panel>
  );
}
