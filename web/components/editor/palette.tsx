'use client';

// The node palette: node types grouped by category, searchable; drag an item onto the canvas,
// or press Enter / click to drop it in the middle of the view.
import { memo, useMemo, useState, type DragEvent } from 'react';
import type { EditorNodeType } from '../../lib/editor/types';
import { categoryStyle } from '../canvas/category-style';
import { PALETTE_MIME } from './editor-canvas';
import { NodeIcon } from './node-icon';
import { SearchIcon } from '../icons';

const CATEGORY_ORDER = ['trigger', 'flow', 'audience', 'message', 'media', 'loyalty', 'custom'];
const CATEGORY_TITLES: Record<string, string> = {
  trigger: 'Triggers',
  flow: 'Flow',
  audience: 'Audience',
  message: 'Messages',
  media: 'Media',
  loyalty: 'Loyalty',
  custom: 'Custom',
};

export const Palette = memo(function Palette({
  nodeTypes,
  hasTrigger,
  onAdd,
}: {
  nodeTypes: readonly EditorNodeType[];
  hasTrigger: boolean;
  onAdd(type: string): void;
}) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = nodeTypes.filter(
      (t) =>
        q === '' ||
        t.title.toLowerCase().includes(q) ||
        t.type.toLowerCase().includes(q) ||
        t.description.toLowerCase().includes(q) ||
        t.category.includes(q),
    );
    return CATEGORY_ORDER.map((c) => ({
      category: c,
      items: matches.filter((t) => t.category === c),
    }))
      .concat(
        [...new Set(matches.map((t) => t.category))]
          .filter((c) => !CATEGORY_ORDER.includes(c))
          .map((c) => ({ category: c, items: matches.filter((t) => t.category === c) })),
      )
      .filter((g) => g.items.length > 0);
  }, [nodeTypes, query]);

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside
      data-testid="palette"
      aria-label="Node palette"
      className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white"
    >
      <div className="border-b border-slate-100 p-3">
        <label className="relative block">
          <span className="sr-only">Search steps</span>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" />
          <input
            data-testid="palette-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search steps…"
            className="w-full rounded-md border border-slate-200 bg-slate-50 py-1.5 pr-2 pl-8 text-sm outline-none placeholder:text-slate-400 focus:border-indigo-500 focus:bg-white focus:ring-2 focus:ring-indigo-500/20"
          />
        </label>
      </div>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-3">
        {groups.length === 0 && (
          <p className="px-1 text-xs text-slate-500">No step matches “{query}”.</p>
        )}
        {groups.map((group) => (
          <section key={group.category} data-testid="palette-group" data-category={group.category}>
            <h3 className="mb-1.5 px-1 text-[10.5px] font-semibold tracking-wider text-slate-400 uppercase">
              {CATEGORY_TITLES[group.category] ?? group.category}
            </h3>
            <ul className="space-y-1">
              {group.items.map((t) => {
                const style = categoryStyle(t.category);
                const extraTrigger = t.role === 'entry' && hasTrigger;
                return (
                  <li key={t.type}>
                    <div
                      role="button"
                      tabIndex={0}
                      aria-keyshortcuts="Enter"
                      aria-disabled={extraTrigger || undefined}
                      draggable
                      data-testid="palette-item"
                      data-node-type={t.type}
                      title={
                        extraTrigger
                          ? 'This journey already has a trigger; a journey has one.'
                          : `${t.description}\nDrag onto the canvas, or press Enter.`
                      }
                      onDragStart={(e) => onDragStart(e, t.type)}
                      onClick={() => onAdd(t.type)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onAdd(t.type);
                        }
                      }}
                      className={`group flex cursor-grab items-start gap-2.5 rounded-lg border border-transparent px-2 py-1.5 transition select-none hover:border-slate-200 hover:bg-slate-50 focus-visible:border-indigo-400 focus-visible:outline-none active:cursor-grabbing ${
                        extraTrigger ? 'opacity-50' : ''
                      }`}
                    >
                      <span
                        className={`grid size-7 shrink-0 place-items-center rounded-md ${style.tile}`}
                      >
                        <NodeIcon type={t.type} category={t.category} />
                      </span>
                      <span className="min-w-0">
                        <span className="block text-[13px] leading-tight font-medium text-slate-800">
                          {t.title}
                        </span>
                        <span className="mt-0.5 line-clamp-2 text-[11px] leading-snug text-slate-500">
                          {t.description.replace(/`/g, '')}
                        </span>
                      </span>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <p className="border-t border-slate-100 px-3 py-2 text-[11px] text-slate-400">
        Drag a step onto the canvas, or press Enter on it.
      </p>
    </aside>
  );
});
