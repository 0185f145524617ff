import type { Db } from '@yatra/db';
import type { CompileError, CompiledJourney } from '@yatra/nodes';
import type { CostEstimate } from '@yatra/nodes/journey/cost';
import { journeyCostEstimate } from '../cost/journey-cost';
import { checkJourneyTemplates } from './journey-checks';

/** A compile report as `validateDocument` answers it, before the registry has had its say. */
interface CompileReport {
  ok: boolean;
  errors: CompileError[];
  facts: unknown;
}

/** What the template registry and the price table add to a compile report. */
export interface RegistryReport {
  ok: boolean;
  errors: CompileError[];
  /** Problems that do not block publishing (an unregistered template, a category mismatch…). */
  warnings: CompileError[];
  /** Messaging cost per customer; null while the draft does not compile. */
  cost: CostEstimate | null;
}

/**
 * Adds the registry's checks to a compile report: template variables without a source become
 * errors on their send step (so publishing refuses them), softer findings become warnings, and a
 * journey that compiles (`ir`, from the same compile as `report`) gets its expected messaging cost.
 */
export async function withRegistryChecks<R extends CompileReport>(
  db: Db,
  document: unknown,
  report: R,
  ir: CompiledJourney | null,
): Promise<R & RegistryReport> {
  const [checks, cost] = await Promise.all([
    checkJourneyTemplates(db, document),
    ir ? journeyCostEstimate(db, ir) : null,
  ]);
  const errors = [...report.errors, ...checks.errors];
  return { ...report, ok: errors.length === 0, errors, warnings: checks.warnings, cost };
}
