'use client';

import { WHATSAPP_BODY_MAX } from '../../lib/api/templates/schema';
import { Field, inputClass, TextField, type Issues } from '../forms/fields';
import type { TemplateDraft, VariantDraft } from './template-draft';

const MEDIA_KINDS = ['image', 'video', 'document'] as const;
const STATUSES = ['approved', 'pending', 'rejected'] as const;

/** One language of a template: status, body and the fields its channel uses. */
export function VariantEditor({
  channel,
  variant,
  index,
  issues,
  onChange,
}: {
  channel: TemplateDraft['channel'];
  variant: VariantDraft;
  index: number;
  issues: Issues;
  onChange(patch: Partial<VariantDraft>): void;
}) {
  const at = (field: string) => `variants.${index}.${field}`;
  const limit = channel === 'whatsapp' ? WHATSAPP_BODY_MAX : undefined;
  return (
    <div data-testid="variant-editor" data-language={variant.language} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Language"
          issues={issues}
          path={at('language')}
          testId="variant-language"
          value={variant.language}
          onChange={(language) => onChange({ language })}
        />
        <Field
          label="Approval"
          hint="Only approved languages are sent; others fall back to the default language."
          issues={issues}
          path={at('status')}
        >
          <select
            data-testid="variant-status"
            className={inputClass}
            value={variant.status}
            onChange={(e) =>
              onChange({ status: STATUSES.find((s) => s === e.target.value) ?? 'approved' })
            }
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {(channel === 'email' || channel === 'push') && (
        <TextField
          label={channel === 'email' ? 'Subject' : 'Title'}
          issues={issues}
          path={at('subject')}
          testId="variant-subject"
          value={variant.subject}
          onChange={(subject) => onChange({ subject })}
        />
      )}
      <Field
        label="Body"
        hint={
          <>
            Use declared variables as {'{{name}}'}.
            {limit !== undefined && (
              <span
                data-testid="body-length"
                className={variant.body.length > limit ? 'ml-2 font-medium text-rose-600' : 'ml-2'}
              >
                {variant.body.length} / {limit}
              </span>
            )}
          </>
        }
        issues={issues}
        path={at('body')}
      >
        <textarea
          data-testid="variant-body"
          rows={channel === 'email' ? 8 : 4}
          className={`${inputClass} font-mono text-[13px]`}
          value={variant.body}
          aria-invalid={issues.has(at('body'))}
          onChange={(e) => onChange({ body: e.target.value })}
        />
      </Field>
      {channel !== 'sms' && (
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          <Field label="Header media" issues={issues} path={at('headerMedia.kind')}>
            <select
              data-testid="variant-media-kind"
              className={inputClass}
              value={variant.mediaKind}
              onChange={(e) =>
                onChange({ mediaKind: MEDIA_KINDS.find((k) => k === e.target.value) ?? '' })
              }
            >
              <option value="">none</option>
              {MEDIA_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </Field>
          {variant.mediaKind && (
            <TextField
              label="Media URL"
              hint={
                variant.mediaKind === 'video'
                  ? 'A sample: each send carries its rendered video.'
                  : undefined
              }
              issues={issues}
              path={at('headerMedia.url')}
              testId="variant-media-url"
              value={variant.mediaUrl}
              onChange={(mediaUrl) => onChange({ mediaUrl })}
            />
          )}
        </div>
      )}
      {channel === 'whatsapp' && (
        <TextField
          label="Provider template name"
          hint="The name Meta approved it under; the template id when empty."
          issues={issues}
          path={at('providerTemplateName')}
          testId="variant-provider-name"
          value={variant.providerTemplateName}
          onChange={(providerTemplateName) => onChange({ providerTemplateName })}
        />
      )}
      {channel === 'sms' && (
        <TextField
          label="DLT content template id"
          hint="19 digits, as registered with the operator (TRAI); an SMS without it is blocked in India."
          issues={issues}
          path={at('dltTemplateId')}
          testId="variant-dlt-id"
          value={variant.dltTemplateId}
          className="font-mono"
          inputMode="numeric"
          onChange={(dltTemplateId) => onChange({ dltTemplateId })}
        />
      )}
    </div>
  );
}
