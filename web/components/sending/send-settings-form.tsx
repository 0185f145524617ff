'use client';

import { useMemo, useState } from 'react';
import { sendSettingsBodySchema, type SendSettingsBody } from '../../lib/api/sending/schema';
import { cardClass, SaveButton, TextField } from '../forms/fields';
import { useCheckedSave } from '../forms/use-checked-save';

type Draft = Record<keyof SendSettingsBody, string>;

const toBody = (d: Draft) => ({
  frequencyCap: d.frequencyCap.trim() === '' ? NaN : Number(d.frequencyCap),
  frequencyWindowDays: d.frequencyWindowDays.trim() === '' ? NaN : Number(d.frequencyWindowDays),
  quietHoursStart: d.quietHoursStart.trim(),
  quietHoursEnd: d.quietHoursEnd.trim(),
});

/**
 * The frequency cap and quiet hours, checked as you type with the API's schema; Save PUTs
 * them to /api/settings/sending and the next send uses them.
 */
export function SendSettingsForm({ initial }: { initial: SendSettingsBody }) {
  const [draft, setDraft] = useState<Draft>({
    frequencyCap: String(initial.frequencyCap),
    frequencyWindowDays: String(initial.frequencyWindowDays),
    quietHoursStart: initial.quietHoursStart,
    quietHoursEnd: initial.quietHoursEnd,
  });
  const parsed = useMemo(() => sendSettingsBodySchema.safeParse(toBody(draft)), [draft]);
  const { issues, status, edited, onSubmit } = useCheckedSave(parsed, {
    url: '/api/settings/sending',
  });
  const field = (path: keyof Draft) => ({
    path,
    issues,
    testId: `send-settings-${path}`,
    value: draft[path],
    onChange(value: string) {
      setDraft((d) => ({ ...d, [path]: value }));
      edited();
    },
  });

  return (
    <form data-testid="send-settings-form" onSubmit={onSubmit} className="max-w-2xl space-y-4">
      <section className={`${cardClass} grid gap-4 sm:grid-cols-2`}>
        <h2 className="font-semibold text-slate-900 sm:col-span-2">Frequency cap (marketing)</h2>
        <TextField label="Messages at most" inputMode="numeric" {...field('frequencyCap')} />
        <TextField label="Per days" inputMode="numeric" {...field('frequencyWindowDays')} />
        <p className="text-xs text-slate-500 sm:col-span-2">
          Across all journeys and channels, per customer. Low-priority send steps stop one message
          earlier, leaving the last slot to normal ones. Utility messages never count.
        </p>
      </section>
      <section className={`${cardClass} grid gap-4 sm:grid-cols-2`}>
        <h2 className="font-semibold text-slate-900 sm:col-span-2">Quiet hours (marketing)</h2>
        <TextField label="From (local time)" hint="24-hour HH:MM" {...field('quietHoursStart')} />
        <TextField
          label="Until (local time)"
          hint="May wrap midnight"
          {...field('quietHoursEnd')}
        />
        <p className="text-xs text-slate-500 sm:col-span-2">
          In each customer&apos;s time zone. A send step waits for the window to end or skips, as it
          is set. Promotional SMS also keep to 09:00–21:00 local (TRAI); the same start and end
          turns quiet hours off.
        </p>
      </section>
      <div className="flex items-center gap-3">
        <SaveButton testId="send-settings-save" ready={parsed.success} saving={status === 'saving'}>
          Save
        </SaveButton>
        <span
          data-testid="send-settings-status"
          data-status={status}
          className="text-sm text-slate-500"
        >
          {status === 'saved' && 'Saved. The next send uses these settings.'}
          {status === 'failed' && 'Not saved: see the highlighted fields.'}
        </span>
      </div>
    </form>
  );
}
