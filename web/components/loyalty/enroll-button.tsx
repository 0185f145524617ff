'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** One-tap join from the member page: POST /api/loyalty/members, then show the member. */
export function EnrollButton({ customerId }: { customerId: string }) {
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  async function enroll() {
    setState('busy');
    const res = await fetch('/api/loyalty/members', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId }),
    });
    if (!res.ok) return setState('failed');
    router.refresh();
  }
  return (
    <div className="mt-4">
      <button
        type="button"
        data-testid="enroll-member"
        disabled={state === 'busy'}
        onClick={() => void enroll()}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-50"
      >
        Enroll in the programme
      </button>
      {state === 'failed' && (
        <p className="mt-2 text-sm text-rose-600">Enrolling failed; try again.</p>
      )}
    </div>
  );
}
