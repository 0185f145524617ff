// Random cohort splits hash (journey, node, customer) into an arm. A journey's id is new on every
// publish, so a test that needs a customer in a given arm asks the node itself which ids land
// there — through the node type's own `evaluate`, never a copy of its arithmetic.
import { DAY_MS, defaultRegistry, type CompiledJourney, type RunFacts } from '@yatra/nodes';

/** A published journey: what `env.publish()` returns. */
export interface PublishedJourney {
  journeyId: string;
  ir: CompiledJourney;
}

/** The identity-only facts a random split reads; the rest is empty. */
function factsFor(journeyId: string, customerId: string): RunFacts {
  const event = { type: 'test', customerId, occurredAt: new Date(0).toISOString(), properties: {} };
  return {
    customer: { id: customerId, language: 'en', timeZone: 'UTC', attributes: {} },
    trigger: event,
    order: {},
    event: null,
    eventCounts: {},
    outputs: {},
    journey: { id: journeyId, versionId: 'test', runId: 'test', daysSinceEntry: 0 },
  };
}

/**
 * The port a customer leaves a decision node through (a cohort split: their arm).
 * @example portFor(published, 'cross_sell_split', 'priya') // 'treatment' or 'holdout'
 */
export function portFor(journey: PublishedJourney, nodeId: string, customerId: string): string {
  const node = journey.ir.nodes[nodeId];
  if (!node) throw new Error(`the journey has no node "${nodeId}"`);
  const evaluate = defaultRegistry.get(node.type, node.typeVersion)?.evaluate;
  if (!evaluate) throw new Error(`node "${nodeId}" (${node.type}) does not decide by itself`);
  const outcome = evaluate(node.config, {
    nodeId,
    now: 0,
    enteredAt: 0,
    windowEndsAt: journey.ir.windowDays * DAY_MS,
    facts: factsFor(journey.journeyId, customerId),
  });
  if (!('port' in outcome))
    throw new Error(`node "${nodeId}" (${node.type}) waits or exits instead of choosing a port`);
  return outcome.port;
}

/**
 * The first customer id `<prefix>-0`, `<prefix>-1`, … that leaves `nodeId` through `port`.
 * @example const priya = customerIdTaking(published, 'cross_sell_split', 'treatment', 'priya');
 */
export function customerIdTaking(
  journey: PublishedJourney,
  nodeId: string,
  port: string,
  prefix: string,
): string {
  for (let i = 0; i < 10_000; i++) {
    const id = `${prefix}-${i}`;
    if (portFor(journey, nodeId, id) === port) return id;
  }
  throw new Error(`no customer id "${prefix}-N" leaves "${nodeId}" through "${port}"`);
}
