import { describe, expect, it } from 'vitest';
import { journeyDocumentSchema, loyaltyDemoJourneys } from '@yatra/nodes';
import { mappingPaths, pathProblem, type PathScope } from './fact-paths';
import { scopeOf } from './send-scope';

const none: PathScope = {
  alwaysActions: new Set(),
  sometimesActions: new Set(),
  eventWait: 'never',
};
const problem = (mapping: string, scope: PathScope = none) =>
  mappingPaths(mapping).map((p) => pathProblem(p, scope));

describe('pathProblem', () => {
  it('accepts what every run has', () => {
    expect(
      problem(
        'Hi {{customer.name}} {{trigger.properties.points}} {{order.id}} {{journey.daysSinceEntry}} {{customer.attributes.segment}} {{eventCounts.order.placed}}',
      ),
    ).toEqual([null, null, null, null, null, null]);
    expect(problem('plain text, no placeholder')).toEqual([]);
  });

  it('names the typo and what the fact has instead', () => {
    expect(problem('{{customer.nmae|there}}')).toEqual([
      'customer.nmae: customer has no "nmae" (it has id, name, phone, email, language, timeZone, attributes.*)',
    ]);
    expect(problem('{{cutsomer.name}}')[0]).toMatch(/unknown fact "cutsomer"/);
    expect(problem('{{order.id.x}}')[0]).toBe('order.id.x: order.id has no fields');
    expect(problem('{{outputs.video}}')[0]).toMatch(/name a step and one of its outputs/);
  });

  it('outputs: set when the step always runs first; with a fallback when only sometimes', () => {
    const scope: PathScope = {
      alwaysActions: new Set(['balance']),
      sometimesActions: new Set(['balance', 'redeem']),
      eventWait: 'sometimes',
    };
    expect(problem('{{outputs.balance.balance}}', scope)).toEqual([null]);
    expect(problem('{{outputs.redeem.balance}}', scope)[0]).toMatch(/only set on some paths/);
    expect(problem('{{outputs.redeem.balance|0}}', scope)).toEqual([null]);
    expect(problem('{{outputs.ghost.x|0}}', scope)[0]).toBe(
      'outputs.ghost.x: no action step "ghost" runs before this one',
    );
    expect(problem('{{event.properties.score}}', scope)[0]).toMatch(/only set on some paths/);
    expect(problem('{{event.properties.score}}')[0]).toMatch(/only set after a Wait-for-event/);
  });
});

describe('scopeOf', () => {
  it('tells steps every path passes from steps only some paths pass', () => {
    const doc = journeyDocumentSchema.parse(loyaltyDemoJourneys['loyalty-redeem-at-cart']);
    const isAction = (type: string) => !type.startsWith('flow.') && !type.startsWith('trigger.');
    const scope = scopeOf(doc, 'eligible', isAction);
    const applied = scope('applied');
    expect([...applied.alwaysActions].sort()).toEqual(['offer', 'redeem']);
    expect(applied.eventWait).toBe('always');
    expect(scope('offer').alwaysActions.size).toBe(0);
  });
});
