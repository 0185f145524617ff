import { describe, expect, it } from 'vitest';
import type { Template } from '@yatra/db';
import {
  defaultRegistry,
  journeyDocumentSchema,
  loyaltyDemoJourneys,
  postPurchase45,
  type JourneyDocumentInput,
} from '@yatra/nodes';
import { videoThenSendJourney } from '@yatra/nodes/builtins/media/video-journey';
import { demoTemplates } from '@yatra/worker/seed-templates';
import { checkSendStep, sendSteps } from './journey-checks';
import { templateInputSchema } from './schema';
import { scopeOf } from './send-scope';

const registered = new Map<string, Template>(
  demoTemplates.map((t) => [
    t.id,
    {
      ...t,
      variants: t.variants.map((v) => ({ ...v, status: v.status ?? 'approved' })),
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  ]),
);

const seeded: [string, JourneyDocumentInput][] = [
  ['post-purchase-45', postPurchase45],
  ...Object.entries(loyaltyDemoJourneys),
  ['video', videoThenSendJourney({ name: 'Video', templateId: 'order', data: {} })],
];

describe('the demo templates', () => {
  it.each(demoTemplates.map((t) => [t.id, t] as const))(
    '%s passes the registry API rules',
    (_id, t) => {
      const parsed = templateInputSchema.safeParse(t);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    },
  );

  it.each(seeded)('cover every send step of %s, variables mapped, no warnings', (_name, input) => {
    const doc = journeyDocumentSchema.parse(input);
    const trigger = doc.nodes.find((n) => n.type === 'trigger.event')?.id;
    const scope = scopeOf(doc, trigger, (type) => defaultRegistry.get(type)?.kind === 'action');
    const steps = sendSteps(doc);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(checkSendStep(step, registered.get(step.templateId), scope(step.nodeId))).toEqual({
        errors: [],
        warnings: [],
      });
    }
  });

  it('are in Hindi as well as English, and in Tamil for the order basics', () => {
    for (const t of demoTemplates.filter((t) => t.channel === 'whatsapp'))
      expect(t.variants.map((v) => v.language)).toEqual(expect.arrayContaining(['en', 'hi']));
    const tamil = demoTemplates.filter((t) => t.variants.some((v) => v.language === 'ta'));
    expect(tamil.map((t) => t.id)).toEqual(['order_confirmation', 'how_to_use', 'csat_request']);
  });
});
