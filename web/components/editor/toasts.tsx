'use client';

import { useCallback, useRef, useState } from 'react';
import { AlertIcon, CheckIcon } from '../icons';

export type ToastTone = 'info' | 'error' | 'success';
interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
}

/** A small queue of messages that fade after a few seconds. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seq = useRef(0);
  const show = useCallback((text: string, tone: ToastTone = 'info') => {
    const id = ++seq.current;
    setToasts((list) => [...list.filter((t) => t.text !== text).slice(-2), { id, text, tone }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 4_500);
  }, []);
  return { toasts, show };
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none absolute bottom-6 left-1/2 z-20 flex -translate-x-1/2 flex-col items-center gap-2"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          data-testid="toast"
          data-tone={t.tone}
          className={`pointer-events-auto flex max-w-md items-start gap-2 rounded-lg px-3.5 py-2.5 text-sm shadow-lg ring-1 ${
            t.tone === 'error'
              ? 'bg-red-600 text-white ring-red-700'
              : t.tone === 'success'
                ? 'bg-emerald-600 text-white ring-emerald-700'
                : 'bg-slate-900 text-white ring-slate-950'
          }`}
        >
          {t.tone === 'success' ? (
            <CheckIcon className="mt-0.5 size-4 shrink-0" />
          ) : (
            <AlertIcon className="mt-0.5 size-4 shrink-0" />
          )}
          <span>{t.text}</span>
        </div>
      ))}
    </div>
  );
}
