'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A header link that shows when its section is open. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 font-medium transition-colors ${
        active ? 'bg-slate-100 text-slate-900' : 'text-slate-500 hover:text-slate-900'
      }`}
    >
      {children}
    </Link>
  );
}
