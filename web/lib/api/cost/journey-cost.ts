import { priceLookup, templateCategories, type Db } from '@yatra/db';
import type { CompiledJourney } from '@yatra/nodes';
import { estimateMessagingCost, type CostEstimate } from '@yatra/nodes/journey/cost';
import { readPath } from '@yatra/nodes';

/**
 * The expected messaging cost per customer of a compiled journey at today's prices, with each
 * send step priced by its registered template's category (the step's own when unregistered).
 */
export async function journeyCostEstimate(db: Db, ir: CompiledJourney): Promise<CostEstimate> {
  const templateIds = Object.values(ir.nodes).flatMap((n) => {
    const id = readPath(n.config, 'templateId');
    return typeof id === 'string' ? [id] : [];
  });
  const [price, categories] = await Promise.all([
    priceLookup(db),
    templateCategories(db, [...new Set(templateIds)]),
  ]);
  return estimateMessagingCost(ir, { price, templateCategory: (id) => categories.get(id) });
}
