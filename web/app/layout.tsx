import type { ReactNode } from 'react';
import Link from 'next/link';
import { NavLink } from '../components/nav-link';
import './globals.css';

// Typed by Next's build check (importing `Metadata` from 'next' would leak its globals into the
// root typecheck).
export const metadata = {
  title: { default: 'Yatra', template: '%s · Yatra' },
  description: 'Visual customer journeys that run as durable Temporal workflows.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-full flex-col font-sans">
        <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
          <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-8 px-6">
            <Link href="/journeys" className="flex items-center gap-2 font-semibold tracking-tight">
              <span
                aria-hidden
                className="grid size-7 place-items-center rounded-lg bg-indigo-600 text-sm text-white"
              >
                य
              </span>
              Yatra
            </Link>
            <nav aria-label="Main" className="flex items-center gap-1 text-sm">
              <NavLink href="/journeys">Journeys</NavLink>
              <NavLink href="/customers">Customers</NavLink>
              <NavLink href="/loyalty">Loyalty</NavLink>
              <NavLink href="/outbox">Outbox</NavLink>
              <NavLink href="/templates">Templates</NavLink>
              <NavLink href="/settings">Settings</NavLink>
            </nav>
          </div>
        </header>
        <div className="flex flex-1 flex-col">{children}</div>
      </body>
    </html>
  );
}
