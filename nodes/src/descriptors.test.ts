import { describe, it, expect } from 'vitest';
import { describeNode } from './descriptors';
import { builtinNodes, defaultRegistry } from './registry';
import { journeyJsonSchema } from './journey/document';

function builtin(type: string) {
  const def = defaultRegistry.get(type);
  if (!def) throw new Error(`missing built-in ${type}`);
  return def;
}

describe('describeNode', () => {
  it('gives the config JSON Schema with its properties (input side: defaulted fields optional)', () => {
    const d = describeNode(builtin('message.send'));
    expect(d.configSchema.type).toBe('object');
    const properties = d.configSchema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties).sort()).toEqual([
      'category',
      'channel',
      'fallback',
      'freeForm',
      'priority',
      'quietHours',
      'templateId',
      'variables',
    ]);
    expect(properties.channel?.enum).toEqual(['whatsapp', 'email', 'sms', 'push']);
    expect(properties.channel?.default).toBe('whatsapp');
    expect(d.configSchema.required).toEqual(['templateId']);
  });

  it('copies identity and display data, and never includes run', () => {
    const def = builtin('message.send');
    const d = describeNode(def);
    expect(d).toMatchObject({
      type: 'message.send',
      version: 1,
      title: def.title,
      category: 'message',
      icon: def.icon,
      kind: 'action',
      example: def.example,
    });
    expect(d).not.toHaveProperty('run');
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('static ports are reported as such', () => {
    const d = describeNode(builtin('flow.wait_for_event'));
    expect(d.ports).toEqual(['event', 'timeout']);
    expect(d.portsDependOnConfig).toBe(false);
    const exit = describeNode(builtin('flow.exit'));
    expect(exit.ports).toEqual([]);
    expect(exit.portsDependOnConfig).toBe(false);
    expect(exit.role).toBe('exit');
    expect(describeNode(builtin('trigger.event')).role).toBe('entry');
  });

  it('cohort split ports depend on its config', () => {
    const def = builtin('audience.cohort_split');
    const d = describeNode(def);
    expect(d.portsDependOnConfig).toBe(true);
    expect(d.ports).toEqual(['treatment', 'holdout']);
    expect(
      def.portsFor({
        mode: 'random',
        arms: [
          { id: 'a', percent: 50 },
          { id: 'b', percent: 50 },
        ],
      }),
    ).toEqual(['a', 'b']);
    expect(
      def.portsFor({
        mode: 'attribute',
        field: 'customer.language',
        arms: [{ id: 'hindi', values: ['hi'] }],
      }),
    ).toEqual(['hindi', 'other']);
    // An invalid config has no ports rather than throwing.
    expect(def.portsFor({ mode: 'random', arms: [{ id: 'a', percent: 40 }] })).toEqual([]);
  });

  it('describes every built-in as plain JSON', () => {
    for (const def of builtinNodes) {
      const d = describeNode(def);
      expect(typeof d.configSchema).toBe('object');
      expect(JSON.parse(JSON.stringify(d.configSchema))).toEqual(d.configSchema);
    }
  });

  it('represents union configs (wait modes) as alternatives with properties', () => {
    const schema = describeNode(builtin('flow.wait')).configSchema;
    const options = (schema.oneOf ?? schema.anyOf) as Array<{
      properties: Record<string, unknown>;
    }>;
    expect(options).toHaveLength(2);
    expect(Object.keys(options[0]?.properties ?? {})).toEqual(['mode', 'duration']);
    expect(Object.keys(options[1]?.properties ?? {})).toEqual(['mode', 'daysAfterEntry', 'at']);
  });
});

describe('journeyJsonSchema', () => {
  it('describes the journey document, including nodes and edges', () => {
    const schema = journeyJsonSchema();
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.nodes).toBeDefined();
    expect(properties.nodes?.type).toBe('array');
    expect(properties.edges?.type).toBe('array');
    expect(schema.required).toEqual(['name', 'nodes']);
  });
});
