import type { ReactNode } from 'react';

/** The page title row: heading, a sentence of context, actions on the right. */
export function PageHeader({
  title,
  description,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
      </div>
      {children}
    </div>
  );
}

/** Centered page content. */
export function Page({ children }: { children: ReactNode }) {
  return <main className="mx-auto w-full max-w-screen-xl px-6 py-8">{children}</main>;
}

/** Live (published) or draft. */
export function StatusBadge({ status }: { status: 'live' | 'draft' }) {
  return status === 'live' ? (
    <span
      data-testid="status-badge"
      data-status="live"
      className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/20 ring-inset"
    >
      <span className="size-1.5 rounded-full bg-emerald-500" aria-hidden />
      Live
    </span>
  ) : (
    <span
      data-testid="status-badge"
      data-status="draft"
      className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-500/20 ring-inset"
    >
      <span className="size-1.5 rounded-full bg-slate-400" aria-hidden />
      Draft
    </span>
  );
}

/** What an empty list says: what would appear here and how to get it there. */
export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <div
      data-testid="empty-state"
      className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center"
    >
      <div className="mx-auto grid size-12 place-items-center rounded-full bg-slate-100 text-slate-500">
        {icon}
      </div>
      <h2 className="mt-3 text-base font-semibold">{title}</h2>
      <div className="mx-auto mt-1 max-w-md text-sm text-slate-500">{children}</div>
    </div>
  );
}

/** A white, bordered table shell; rows go in `children`. */
export function Table({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-4 py-3">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** Inline code-ish text. */
export function Mono({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
      {children}
    </code>
  );
}
