import { expect, it } from 'vitest';
import { getTemplate, listTemplates, resolveTemplate, upsertTemplate } from '@yatra/db';
import { useTestDb } from '@yatra/db/testing/use-test-db';
import { demoTemplates, seedDemoTemplates } from './seed-templates';

const t = useTestDb();

it('registers the demo templates once and keeps what people edited since', async () => {
  expect(await seedDemoTemplates(t.db)).toBe(demoTemplates.length);
  expect((await listTemplates(t.db)).map((x) => x.id).sort()).toEqual(
    demoTemplates.map((x) => x.id).sort(),
  );
  const edited = await getTemplate(t.db, 'cross_sell_nudge');
  await upsertTemplate(t.db, { ...edited!, name: 'Our own nudge' });

  expect(await seedDemoTemplates(t.db)).toBe(0);
  expect((await getTemplate(t.db, 'cross_sell_nudge'))?.name).toBe('Our own nudge');

  // Lakshmi (ta) gets Tamil, Asha (mr) falls back to English.
  const query = { templateId: 'order_confirmation', channel: 'whatsapp' };
  expect((await resolveTemplate(t.db, { ...query, language: 'ta' }))?.body).toMatch(/^வணக்கம்/);
  expect((await resolveTemplate(t.db, { ...query, language: 'mr' }))?.language).toBe('en');
});
