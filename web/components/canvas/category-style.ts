// Literal class names per node category (Tailwind only generates classes it can see in source).

export interface CategoryStyle {
  /** The icon tile. */
  tile: string;
  /** The card's top accent. */
  accent: string;
  /** Minimap fill. */
  color: string;
}

const styles: Record<string, CategoryStyle> = {
  trigger: { tile: 'bg-amber-100 text-amber-800', accent: 'border-t-amber-400', color: '#fbbf24' },
  flow: { tile: 'bg-sky-100 text-sky-800', accent: 'border-t-sky-400', color: '#38bdf8' },
  audience: {
    tile: 'bg-violet-100 text-violet-800',
    accent: 'border-t-violet-400',
    color: '#a78bfa',
  },
  message: {
    tile: 'bg-emerald-100 text-emerald-800',
    accent: 'border-t-emerald-400',
    color: '#34d399',
  },
  media: { tile: 'bg-pink-100 text-pink-800', accent: 'border-t-pink-400', color: '#f472b6' },
  loyalty: {
    tile: 'bg-orange-100 text-orange-800',
    accent: 'border-t-orange-400',
    color: '#fb923c',
  },
  custom: { tile: 'bg-slate-100 text-slate-700', accent: 'border-t-slate-400', color: '#94a3b8' },
};

export function categoryStyle(category: string): CategoryStyle {
  return styles[category] ?? styles.custom!;
}
