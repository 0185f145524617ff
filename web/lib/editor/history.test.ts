import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, push, redo, undo } from './history';

describe('undo / redo history', () => {
  it('undoes and redoes whole documents in order', () => {
    let h = createHistory({ v: 1 });
    const two = { v: 2 };
    const three = { v: 3 };
    h = push(h, two, { now: 0 });
    h = push(h, three, { now: 5_000 });
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe(two);
    h = undo(h);
    expect(h.present).toEqual({ v: 1 });
    expect(canUndo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toEqual({ v: 1 });
    h = redo(h);
    expect(h.present).toBe(two);
    h = redo(h);
    expect(h.present).toBe(three);
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo branch when a new change is made', () => {
    let h = createHistory('a');
    h = push(h, 'b', { now: 0 });
    h = undo(h);
    h = push(h, 'c', { now: 10_000 });
    expect(h.future).toEqual([]);
    expect(h.past).toEqual(['a']);
  });

  it('merges rapid edits of the same field into one step', () => {
    let h = createHistory('');
    h = push(h, 'o', { coalesce: 'label', now: 0 });
    h = push(h, 'or', { coalesce: 'label', now: 200 });
    h = push(h, 'ord', { coalesce: 'label', now: 400 });
    h = push(h, 'x', { coalesce: 'other', now: 500 });
    expect(h.past).toEqual(['', 'ord']);
    h = push(h, 'xy', { coalesce: 'other', now: 5_000 });
    expect(h.past).toEqual(['', 'ord', 'x']);
  });

  it('ignores no-op pushes and caps its length', () => {
    let h = createHistory(0);
    expect(push(h, 0)).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = push(h, i, { now: i * 10_000 });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.present).toBe(HISTORY_LIMIT + 20);
  });
});
