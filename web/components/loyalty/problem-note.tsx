import type { ReactNode } from 'react';
import type { ValidationError } from '../../lib/api/errors';

/** A refused query, as a page shows it: "to: to must be after from". */
export function describeIssues(error: ValidationError): string {
  return error.issues.map((i) => `${i.path}: ${i.message}`).join('; ') || error.message;
}

/** What was wrong with the page's query, in a rose box. */
export function ProblemNote({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p data-testid={testId} className="mb-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-700">
      {children}
    </p>
  );
}
