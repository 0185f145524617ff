import {
  createJourney,
  deleteJourney,
  getJourney,
  listJourneys,
  listJourneyVersions,
  listRuns,
  nodeCounts,
  publishJourneyVersion,
  unpublishJourney,
  updateJourneyDraft,
  type Db,
  type Journey,
  type JourneySummary,
  type JourneyVersion,
  type NodeCount,
} from '@yatra/db';
import {
  compile,
  isCompiledJourney,
  journeyDocumentSchema,
  type CompileError,
  type CompileResult,
  type JourneyDocument,
  type JourneyFacts,
} from '@yatra/nodes';
import {
  ConflictError,
  issuesOf,
  NotFoundError,
  PublishRejectedError,
  ValidationError,
} from './errors';
import { nodeRegistry } from '../node-registry';
import { requireUuid } from './ids';
import { portsByNode } from './nodes';
import { checkJourneyTemplates } from './templates/journey-checks';
import { withRegistryChecks, type RegistryReport } from './templates/registry-report';

export type JourneyStatus = 'live' | 'draft';

/** A row of `GET /api/journeys`. */
export interface JourneyListItem {
  id: string;
  name: string;
  description: string;
  status: JourneyStatus;
  liveVersionId: string | null;
  liveVersion: number | null;
  versionCount: number;
  /** Distinct customers running through any version right now. */
  runningCustomers: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `GET /api/journeys/:id`: the draft document plus its publishing state. */
export interface JourneyDetail {
  id: string;
  name: string;
  description: string;
  status: JourneyStatus;
  liveVersionId: string | null;
  document: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/** A published version as the API shows it (the IR stays server-side). */
export interface VersionView {
  id: string;
  journeyId: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  triggerEvent: string;
  live: boolean;
  facts: JourneyFacts | null;
}

/** Outcome of `POST /api/journeys/validate`. */
export interface ValidationReport {
  ok: boolean;
  errors: CompileError[];
  facts: JourneyFacts | null;
  triggerEvent: string | null;
  /** Output ports of each node's config, by node id (the canvas draws one handle per port). */
  ports: Record<string, string[]>;
  /** Template registry findings that do not block publishing (validateWithRegistry). */
  warnings?: CompileError[];
  /** Expected messaging cost per customer (validateWithRegistry); null while it does not compile. */
  cost?: RegistryReport['cost'];
}

export function toListItem(summary: JourneySummary): JourneyListItem {
  return {
    id: summary.id,
    name: summary.name,
    description: summary.description,
    status: summary.liveVersionId ? 'live' : 'draft',
    liveVersionId: summary.liveVersionId,
    liveVersion: summary.liveVersion,
    versionCount: summary.versionCount,
    runningCustomers: summary.runningCount,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
  };
}

function toDetail(journey: Journey): JourneyDetail {
  return {
    id: journey.id,
    name: journey.name,
    description: journey.description,
    status: journey.liveVersionId ? 'live' : 'draft',
    liveVersionId: journey.liveVersionId,
    document: journey.graph,
    createdAt: journey.createdAt,
    updatedAt: journey.updatedAt,
  };
}

export function toVersionView(version: JourneyVersion, liveVersionId: string | null): VersionView {
  return {
    id: version.id,
    journeyId: version.journeyId,
    version: version.version,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedBy,
    triggerEvent: version.triggerEvent,
    live: version.id === liveVersionId,
    facts: isCompiledJourney(version.ir) ? version.ir.facts : null,
  };
}

/**
 * The journey document in a request body. Both shapes are accepted: `{ document: {...} }`
 * (room for options beside it later) or the document itself (what `yatra export` writes).
 */
function unwrapDocument(body: unknown): { document: unknown; prefix: string[] } {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'document' in body) {
    return { document: body.document, prefix: ['document'] };
  }
  return { document: body, prefix: [] };
}

/** Parses a posted journey document (schema only; a draft may still have compile problems). */
export function documentFromBody(body: unknown): JourneyDocument {
  const { document, prefix } = unwrapDocument(body);
  const parsed = journeyDocumentSchema.safeParse(document);
  if (!parsed.success) {
    throw new ValidationError(
      'The journey document is invalid.',
      issuesOf(parsed.error, undefined, prefix),
    );
  }
  return parsed.data;
}

/** Every journey, most recently edited first. */
export async function listJourneyItems(db: Db): Promise<JourneyListItem[]> {
  return (await listJourneys(db)).map(toListItem);
}

/** One journey's list row (status, live version, running customers), or a NotFoundError. */
export async function getJourneyItem(db: Db, id: string): Promise<JourneyListItem> {
  requireUuid(id, 'Journey');
  const item = (await listJourneys(db)).find((j) => j.id === id);
  if (!item) throw new NotFoundError(`Journey ${id} not found.`);
  return toListItem(item);
}

/**
 * Creates a draft from `{ document }` or a bare document. Drafts need not compile yet.
 * @example await createJourneyFromBody(db, { document: postPurchase45 })
 */
export async function createJourneyFromBody(db: Db, body: unknown): Promise<JourneyDetail> {
  const document = documentFromBody(body);
  const journey = await createJourney(db, {
    name: document.name,
    description: document.description,
    graph: document,
  });
  return toDetail(journey);
}

/** Loads a journey draft or throws NotFoundError. */
export async function loadJourney(db: Db, id: string): Promise<Journey> {
  requireUuid(id, 'Journey');
  const journey = await getJourney(db, id);
  if (!journey) throw new NotFoundError(`Journey ${id} not found.`);
  return journey;
}

export async function getJourneyDetail(db: Db, id: string): Promise<JourneyDetail> {
  return toDetail(await loadJourney(db, id));
}

/** Replaces the draft document (name and description follow it); live versions are untouched. */
export async function updateJourneyFromBody(
  db: Db,
  id: string,
  body: unknown,
): Promise<JourneyDetail> {
  requireUuid(id, 'Journey');
  const document = documentFromBody(body);
  const journey = await updateJourneyDraft(db, id, {
    name: document.name,
    description: document.description,
    graph: document,
  });
  if (!journey) throw new NotFoundError(`Journey ${id} not found.`);
  return toDetail(journey);
}

/** Deletes a journey nobody has entered; one with runs is history and answers ConflictError. */
export async function removeJourney(db: Db, id: string): Promise<void> {
  await loadJourney(db, id);
  const [run] = await listRuns(db, { journeyId: id, limit: 1 });
  if (run) {
    throw new ConflictError(`Journey ${id} has runs and cannot be deleted; unpublish it instead.`);
  }
  if (!(await deleteJourney(db, id))) throw new NotFoundError(`Journey ${id} not found.`);
}

/** Compiles any document without saving it: errors per node, or the facts it would publish with. */
export function validateDocument(body: unknown): ValidationReport {
  const { document } = unwrapDocument(body);
  return reportOf(document, compile(document, nodeRegistry));
}

function reportOf(document: unknown, result: CompileResult): ValidationReport {
  const ports = portsByNode(document);
  return result.ok
    ? { ok: true, errors: [], facts: result.ir.facts, triggerEvent: result.ir.trigger.event, ports }
    : { ok: false, errors: result.errors, facts: null, triggerEvent: null, ports };
}

/**
 * validateDocument plus the template registry's checks (variables without a source are errors on
 * their send step) and the expected messaging cost per customer. Compiles once.
 */
export async function validateWithRegistry(db: Db, body: unknown): Promise<ValidationReport> {
  const { document } = unwrapDocument(body);
  const result = compile(document, nodeRegistry);
  return withRegistryChecks(db, document, reportOf(document, result), result.ok ? result.ir : null);
}

/**
 * Compiles the saved draft and stores it as the next immutable version, which goes live.
 * Throws PublishRejectedError with per-node errors when the draft does not compile.
 */
export async function publishJourney(
  db: Db,
  id: string,
  publishedBy?: string,
): Promise<VersionView> {
  const journey = await loadJourney(db, id);
  const result = compile(journey.graph, nodeRegistry);
  if (!result.ok) throw new PublishRejectedError(result.errors);
  const templates = await checkJourneyTemplates(db, journey.graph);
  if (templates.errors.length > 0) throw new PublishRejectedError(templates.errors);
  const version = await publishJourneyVersion(db, {
    journeyId: journey.id,
    graph: journey.graph,
    ir: result.ir,
    triggerEvent: result.ir.trigger.event,
    publishedBy,
  });
  return toVersionView(version, version.id);
}

/**
 * Takes the journey off the air: no new entrants; customers inside finish on their version.
 * Publishing again makes the next version live.
 */
export async function unpublish(db: Db, id: string): Promise<JourneyListItem> {
  await loadJourney(db, id);
  await unpublishJourney(db, id);
  return getJourneyItem(db, id);
}

/** All versions of a journey, newest first. */
export async function listVersionViews(db: Db, id: string): Promise<VersionView[]> {
  const journey = await loadJourney(db, id);
  const versions = await listJourneyVersions(db, id);
  return versions.map((v) => toVersionView(v, journey.liveVersionId));
}

/** `GET /api/journeys/:id/stats`: per-node counts over all versions, or one version. */
export interface JourneyStats {
  journeyId: string;
  versionIds: string[];
  nodes: NodeCount[];
}

export async function journeyStats(db: Db, id: string, versionId?: string): Promise<JourneyStats> {
  await loadJourney(db, id);
  const all = (await listJourneyVersions(db, id)).map((v) => v.id);
  if (versionId !== undefined && !all.includes(versionId)) {
    throw new NotFoundError(`Version ${versionId} of journey ${id} not found.`);
  }
  const versionIds = versionId === undefined ? all : [versionId];
  return { journeyId: id, versionIds, nodes: await nodeCounts(db, versionIds) };
}
