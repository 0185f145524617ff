// Colours of well-known ports, so a branch reads at a glance on the card and on its edge.
// Literal class names: Tailwind only generates classes it can see in source.

export interface PortStyle {
  /** The handle dot. */
  dot: string;
  /** The label on card and edge. */
  label: string;
}

const styles: Record<string, PortStyle> = {
  yes: { dot: 'bg-emerald-500!', label: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  no: { dot: 'bg-rose-500!', label: 'bg-rose-50 text-rose-700 ring-rose-200' },
  event: { dot: 'bg-sky-500!', label: 'bg-sky-50 text-sky-700 ring-sky-200' },
  timeout: { dot: 'bg-amber-500!', label: 'bg-amber-50 text-amber-700 ring-amber-200' },
  holdout: { dot: 'bg-slate-400!', label: 'bg-slate-100 text-slate-600 ring-slate-200' },
  other: { dot: 'bg-slate-400!', label: 'bg-slate-100 text-slate-600 ring-slate-200' },
};

const fallback: PortStyle = {
  dot: 'bg-indigo-500!',
  label: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
};

export function portStyle(port: string): PortStyle {
  return styles[port] ?? fallback;
}
