// The save half every settings and registry form shares: issues from the local zod check merged
// with the server's last refusal, a status line, and a submit that sends the checked value.
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { issueMap, zodIssues, type Issues } from './fields';
import { sendJson, type SaveRefused } from './send-json';

const asIs = (path: string) => path;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** What `schema.safeParse(value)` answers, as far as a form reads it. */
export type CheckResult<T> =
  | { success: true; data: T }
  | {
      success: false;
      error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> };
    };

export interface CheckedSaveOptions<T> {
  url: string;
  method?: 'POST' | 'PUT';
  /** Where an issue path is shown, when a form groups several paths under one field. */
  fieldPath?: (path: string) => string;
  /** After the server took it, before the page refreshes (e.g. go to the new record). */
  onSaved?: (saved: T) => void;
}

export interface CheckedSave {
  /** Local issues first, then the server's; the first message per field wins. */
  issues: Issues;
  status: SaveStatus;
  /** The server's one-line reason for its last refusal, or what `refuse` was told. */
  serverError: string | null;
  /** Call on every edit: the server's old issues no longer apply. */
  edited(): void;
  /** Shows a refusal that did not come from saving (a failed delete); field issues stay. */
  refuse(error: string): void;
  onSubmit(event: FormEvent): void;
}

/**
 * Checks as you type with the API's schema (`parsed`) and saves the checked value as JSON to
 * `url`; a 4xx's issues land under the same fields, and a success refreshes the page's data.
 */
export function useCheckedSave<T>(
  parsed: CheckResult<T>,
  { url, method = 'PUT', fieldPath = asIs, onSaved }: CheckedSaveOptions<T>,
): CheckedSave {
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [refused, setRefused] = useState<SaveRefused | null>(null);

  const issues = useMemo(
    () =>
      issueMap(
        [...(parsed.success ? [] : zodIssues(parsed.error.issues)), ...(refused?.issues ?? [])].map(
          (i) => ({ ...i, path: fieldPath(i.path) }),
        ),
      ),
    [parsed, refused, fieldPath],
  );

  async function save() {
    if (!parsed.success) return;
    setStatus('saving');
    const answer = await sendJson(url, method, parsed.data);
    if (answer) {
      setRefused(answer);
      setStatus('failed');
      return;
    }
    setStatus('saved');
    onSaved?.(parsed.data);
    router.refresh();
  }

  return {
    issues,
    status,
    serverError: refused?.error ?? null,
    edited() {
      setRefused(null);
      setStatus('idle');
    },
    refuse(error) {
      setRefused((last) => ({ error, issues: last?.issues ?? [] }));
    },
    onSubmit(event) {
      event.preventDefault();
      void save();
    },
  };
}
