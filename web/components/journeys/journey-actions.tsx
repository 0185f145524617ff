'use client';

// Journeys list actions: new journey (blank or from the 45-day playbook), import a JSON file,
// duplicate a row. Each creates a draft through POST /api/journeys and opens it.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { blankDocument } from '../../lib/editor/document-ops';
import { importJourney } from '../../lib/editor/transfer';
import { createJourney, errorMessages, loadJourneyDocument } from '../editor/api';
import { CopyIcon, PlusIcon, UploadIcon } from '../icons';

export function NewJourneyActions({ playbook }: { playbook: unknown }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[] | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !box.current?.contains(e.target)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  const create = async (document: unknown) => {
    setBusy(true);
    setErrors(null);
    try {
      const id = await createJourney(document);
      router.push(`/journeys/${id}`);
    } catch (e) {
      setErrors(errorMessages(e));
      setBusy(false);
    }
  };
  const onFile = async (f: File) => {
    const result = importJourney(await f.text());
    if (!result.ok) {
      setErrors(result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
      return;
    }
    await create(result.document);
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          data-testid="import-journey"
          onClick={() => file.current?.click()}
          className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50"
        >
          <UploadIcon /> Import JSON
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          data-testid="import-journey-file"
          className="hidden"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void onFile(f);
            e.target.value = '';
          }}
        />
        <div className="relative" ref={box}>
          <button
            type="button"
            data-testid="new-journey"
            aria-haspopup="menu"
            aria-expanded={open}
            disabled={busy}
            onClick={() => setOpen((o) => !o)}
            className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
          >
            <PlusIcon /> New journey
          </button>
          {open && (
            <div
              role="menu"
              className="absolute top-10 right-0 z-30 w-72 overflow-hidden rounded-lg bg-white p-1 text-sm shadow-lg ring-1 ring-slate-900/10"
            >
              <button
                type="button"
                role="menuitem"
                data-testid="new-blank"
                onClick={() => void create(blankDocument())}
                className="block w-full rounded-md px-3 py-2 text-left hover:bg-slate-50"
              >
                <span className="font-medium text-slate-800">Blank journey</span>
                <span className="block text-xs text-slate-500">An empty canvas</span>
              </button>
              <button
                type="button"
                role="menuitem"
                data-testid="new-from-playbook"
                onClick={() => void create(playbook)}
                className="block w-full rounded-md px-3 py-2 text-left hover:bg-slate-50"
              >
                <span className="font-medium text-slate-800">45-day post-purchase playbook</span>
                <span className="block text-xs text-slate-500">
                  Trust, value, cross-sell and loyalty after a first order
                </span>
              </button>
            </div>
          )}
        </div>
      </div>
      {errors && (
        <ul
          data-testid="import-errors"
          className="max-w-md space-y-0.5 text-right text-xs text-red-700"
        >
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function DuplicateJourneyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const duplicate = async () => {
    setBusy(true);
    try {
      const document = await loadJourneyDocument(id);
      const copy =
        typeof document === 'object' && document !== null
          ? { ...document, name: `${name} (copy)` }
          : document;
      router.push(`/journeys/${await createJourney(copy)}`);
    } catch {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      data-testid="duplicate-journey"
      title={`Duplicate “${name}”`}
      aria-label={`Duplicate ${name}`}
      disabled={busy}
      onClick={() => void duplicate()}
      className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-500 opacity-0 transition group-hover:opacity-100 hover:bg-slate-100 hover:text-slate-800 focus-visible:opacity-100 disabled:opacity-50"
    >
      <CopyIcon className="size-3.5" /> Duplicate
    </button>
  );
}
