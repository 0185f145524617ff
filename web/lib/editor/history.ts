// Undo / redo as a stack of whole documents. Documents share unchanged parts, so a step costs
// little memory; typing in one field within a moment is one step (`coalesce`), not one per key.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key and time of the last change, for merging rapid edits of the same field. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 100;
export const COALESCE_MS = 1_000;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

/**
 * Records `next` as the present. With a `coalesce` key equal to the previous change's, made
 * within COALESCE_MS, the two become one undo step.
 * @example push(h, doc2, { coalesce: 'config:send_1:templateId', now: Date.now() })
 */
export function push<T>(
  history: History<T>,
  next: T,
  options: { coalesce?: string; now?: number } = {},
): History<T> {
  if (next === history.present) return history;
  const now = options.now ?? Date.now();
  const key = options.coalesce ?? null;
  if (key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, present: next, future: [], lastAt: now };
  }
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key, lastAt: now };
}

/** Replaces the present without an undo step (e.g. adopting the server's copy). */
export function replace<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    lastAt: 0,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return {
    past: [...history.past, history.present],
    present: next,
    future,
    lastKey: null,
    lastAt: 0,
  };
}

export const canUndo = (h: History<unknown>) => h.past.length > 0;
export const canRedo = (h: History<unknown>) => h.future.length > 0;
