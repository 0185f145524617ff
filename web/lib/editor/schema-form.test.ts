import { describe, expect, it } from 'vitest';
import { defaultFor, humanize, schemaToForm, switchVariant, type FormModel } from './schema-form';
import { typeOf } from './test-fixtures';

const formOf = (type: string) => schemaToForm(typeOf(type).configSchema);
const kinds = (model: FormModel) =>
  model.kind === 'fields' ? Object.fromEntries(model.fields.map((f) => [f.key, f.kind])) : null;

describe('config schema → inspector form', () => {
  it('chooses rich widgets from the schema shape', () => {
    expect(kinds(formOf('trigger.event'))).toEqual({ event: 'event', filters: 'rules' });
    expect(kinds(formOf('flow.wait_for_event'))).toEqual({
      event: 'event',
      filters: 'rules',
      sameOrder: 'boolean',
      timeout: 'duration',
    });
    expect(kinds(formOf('flow.condition'))).toEqual({ match: 'enum', rules: 'rules' });
    expect(kinds(formOf('message.send'))).toEqual({
      channel: 'enum',
      templateId: 'template',
      category: 'enum',
      variables: 'record',
      quietHours: 'enum',
      fallback: 'list',
      freeForm: 'text',
      priority: 'enum',
    });
    expect(kinds(formOf('flow.exit'))).toEqual({ reason: 'text' });
  });

  it('keeps what the schema says about each field', () => {
    const send = formOf('message.send');
    if (send.kind !== 'fields') throw new Error('expected fields');
    const channel = send.fields.find((f) => f.key === 'channel');
    expect(channel).toMatchObject({
      kind: 'enum',
      options: ['whatsapp', 'email', 'sms', 'push'],
      default: 'whatsapp',
      required: false,
    });
    expect(send.fields.find((f) => f.key === 'templateId')).toMatchObject({
      required: true,
      label: 'Template',
    });
    const cond = formOf('flow.condition');
    expect(cond.kind === 'fields' && cond.fields.find((f) => f.key === 'rules')).toMatchObject({
      minItems: 1,
      operators: expect.arrayContaining(['eq', 'in', 'exists']),
    });
  });

  it('turns discriminated unions into a mode switch', () => {
    const wait = formOf('flow.wait');
    expect(wait.kind).toBe('union');
    if (wait.kind !== 'union') return;
    expect(wait.discriminator).toBe('mode');
    expect(
      wait.variants.map((v) => [v.value, Object.fromEntries(v.fields.map((f) => [f.key, f.kind]))]),
    ).toEqual([
      ['duration', { duration: 'duration' }],
      ['until', { daysAfterEntry: 'number', at: 'time' }],
    ]);
    const split = formOf('audience.cohort_split');
    if (split.kind !== 'union') throw new Error('expected union');
    expect(
      split.variants.map((v) =>
        v.fields.map((f) => (f.kind === 'arms' ? `arms:${f.split}` : f.kind)),
      ),
    ).toEqual([
      ['arms:percent', 'number'],
      ['path', 'arms:values'],
    ]);
  });

  it('switches modes with sensible starting values', () => {
    const wait = formOf('flow.wait');
    if (wait.kind !== 'union') throw new Error('expected union');
    const current = { mode: 'duration', duration: { amount: 3, unit: 'days' } };
    expect(switchVariant(wait, 'until', current)).toEqual({
      mode: 'until',
      daysAfterEntry: 0,
      at: '10:00',
    });
    expect(
      switchVariant(wait, 'duration', { mode: 'until', daysAfterEntry: 3, at: '09:00' }),
    ).toEqual({
      mode: 'duration',
      duration: { amount: 1, unit: 'days' },
    });
    const example = typeOf('flow.wait').example;
    expect(switchVariant(wait, 'duration', {}, example)).toEqual(example);
  });

  it('builds defaults and labels', () => {
    expect(
      defaultFor({
        type: 'object',
        properties: {
          amount: { type: 'number', exclusiveMinimum: 0 },
          unit: { type: 'string', enum: ['days'], default: 'days' },
        },
        required: ['amount'],
      }),
    ).toEqual({ amount: 1, unit: 'days' });
    expect(humanize('holdoutPercent')).toBe('Holdout percent');
    expect(humanize('same_order')).toBe('Same order');
  });
});
