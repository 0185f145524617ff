'use client';

import { renderTemplateBody } from '@yatra/db/queries/template-text';
import { ChannelPreview } from '../outbox/channel-preview';
import type { PreviewMessage, SenderIdentity } from '../outbox/preview-message';
import { inputClass } from '../forms/fields';
import type { TemplateDraft, VariantDraft } from './template-draft';

const PREVIEW_SENDER: SenderIdentity = {
  emailFrom: 'Yatra <hello@yatra.example>',
  smsSenderId: 'YATRAS',
  appName: 'Yatra',
};

/** The variant as the customer would see it, filled with the sample values (editable). */
export function TemplatePreview({
  draft,
  variant,
  variables,
  samples,
  onSample,
}: {
  draft: TemplateDraft;
  variant: VariantDraft | undefined;
  variables: string[];
  samples: Record<string, string>;
  onSample(name: string, value: string): void;
}) {
  const message: PreviewMessage | null = variant
    ? {
        id: 'preview',
        channel: draft.channel,
        templateId: draft.id || 'new_template',
        category: draft.category,
        language: variant.language,
        recipient:
          draft.channel === 'email'
            ? 'asha@example.in'
            : draft.channel === 'push'
              ? 'device'
              : '+91 98200 00001',
        recipientName: samples.name ?? 'Asha Patil',
        customerId: 'demo-asha',
        body: renderTemplateBody(variant.body, samples),
        ...(variant.subject ? { subject: renderTemplateBody(variant.subject, samples) } : {}),
        ...(variant.mediaKind && variant.mediaUrl
          ? { media: { kind: variant.mediaKind, url: variant.mediaUrl } }
          : {}),
        ...(variant.dltTemplateId ? { dltTemplateId: variant.dltTemplateId } : {}),
        status: 'read',
        at: new Date('2026-03-05T04:34:00Z'),
        provider: 'preview',
      }
    : null;
  return (
    <div data-testid="template-preview" className="space-y-4">
      {variables.length > 0 && (
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="mb-1 text-xs font-medium text-slate-500">Sample values</legend>
          {variables.map((name) => (
            <label key={name} className="text-xs">
              <span className="font-mono text-slate-500">{`{{${name}}}`}</span>
              <input
                data-testid="sample-value"
                data-variable={name}
                className={`${inputClass} mt-0.5 py-1 text-xs`}
                value={samples[name] ?? ''}
                onChange={(e) => onSample(name, e.target.value)}
              />
            </label>
          ))}
        </fieldset>
      )}
      {message ? (
        <ChannelPreview message={message} sender={PREVIEW_SENDER} />
      ) : (
        <p className="text-sm text-slate-500">Add a language to see a preview.</p>
      )}
    </div>
  );
}
