// The editor's calls to Yatra's HTTP API (web/README.md). Answers are checked before use.
import type { AnalyticsAnswer } from '../../lib/editor/live-counts';
import type { SimulationView } from '../../lib/editor/simulation';
import type { SimulateInput } from '../../lib/editor/simulation-input';
import type { JourneyDocument, ValidationReport, VersionSummary } from '../../lib/editor/types';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

async function call(method: string, url: string, body?: unknown, signal?: AbortSignal) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const message = isObj(data) && typeof data.error === 'string' ? data.error : res.statusText;
    throw new ApiError(message, res.status, data);
  }
  return data;
}

function isReport(v: unknown): v is ValidationReport {
  return isObj(v) && typeof v.ok === 'boolean' && Array.isArray(v.errors) && isObj(v.ports);
}

export async function validateJourney(
  document: JourneyDocument,
  signal?: AbortSignal,
): Promise<ValidationReport> {
  const data = await call('POST', '/api/journeys/validate', { document }, signal);
  if (!isReport(data)) throw new ApiError('Unexpected validation answer', 500, data);
  return data;
}

export async function saveJourney(id: string, document: JourneyDocument): Promise<void> {
  await call('PUT', `/api/journeys/${id}`, { document });
}

export async function createJourney(document: unknown): Promise<string> {
  const data = await call('POST', '/api/journeys', { document });
  const id = isObj(data) && isObj(data.journey) ? data.journey.id : undefined;
  if (typeof id !== 'string') throw new ApiError('Unexpected answer', 500, data);
  return id;
}

export async function loadJourneyDocument(id: string): Promise<unknown> {
  const data = await call('GET', `/api/journeys/${id}`);
  return isObj(data) && isObj(data.journey) ? data.journey.document : undefined;
}

function toVersion(v: unknown): VersionSummary | null {
  if (!isObj(v) || typeof v.id !== 'string' || typeof v.version !== 'number') return null;
  return {
    id: v.id,
    version: v.version,
    publishedAt: typeof v.publishedAt === 'string' ? v.publishedAt : '',
    publishedBy: typeof v.publishedBy === 'string' ? v.publishedBy : '',
    triggerEvent: typeof v.triggerEvent === 'string' ? v.triggerEvent : '',
    live: v.live === true,
  };
}

export async function publishJourney(id: string, publishedBy: string): Promise<VersionSummary> {
  const data = await call('POST', `/api/journeys/${id}/publish`, { publishedBy });
  const version = toVersion(data);
  if (!version) throw new ApiError('Unexpected publish answer', 500, data);
  return version;
}

export async function listVersions(id: string): Promise<VersionSummary[]> {
  const data = await call('GET', `/api/journeys/${id}/versions`);
  const list = isObj(data) && Array.isArray(data.versions) ? data.versions : [];
  return list.flatMap((v) => toVersion(v) ?? []);
}

export interface NodeCount {
  nodeId: string;
  entered: number;
  waitingNow: number;
  exited: number;
}

/** Per-node counts of one version (`waitingNow`: customers inside that node right now). */
export async function versionStats(id: string, versionId: string): Promise<NodeCount[]> {
  const data = await call(
    'GET',
    `/api/journeys/${id}/stats?versionId=${encodeURIComponent(versionId)}`,
  );
  return toNodeCounts(isObj(data) && Array.isArray(data.nodes) ? data.nodes : []);
}

function toNodeCounts(list: unknown[]): NodeCount[] {
  return list.flatMap((n) =>
    isObj(n) && typeof n.nodeId === 'string'
      ? [
          {
            nodeId: n.nodeId,
            entered: Number(n.entered) || 0,
            waitingNow: Number(n.waitingNow) || 0,
            exited: Number(n.exited) || 0,
          },
        ]
      : [],
  );
}

function isSimulation(v: unknown): v is SimulationView {
  return isObj(v) && Array.isArray(v.rows) && isObj(v.exit) && Array.isArray(v.visitedNodes);
}

/** Runs a sample customer through `document` (what the canvas shows) on a virtual clock. */
export async function simulateJourney(
  id: string,
  body: SimulateInput & { document: JourneyDocument },
  signal?: AbortSignal,
): Promise<SimulationView> {
  const data = await call('POST', `/api/journeys/${id}/simulate`, body, signal);
  if (!isSimulation(data)) throw new ApiError('Unexpected simulation answer', 500, data);
  return data;
}

/** Node counts and edge traffic for the live overlay (one version, or all of them). */
export async function journeyAnalytics(
  id: string,
  versionId: string | null,
  signal?: AbortSignal,
): Promise<AnalyticsAnswer> {
  const query = versionId ? `?versionId=${encodeURIComponent(versionId)}` : '';
  const data = await call('GET', `/api/journeys/${id}/analytics${query}`, undefined, signal);
  if (!isObj(data) || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    throw new ApiError('Unexpected analytics answer', 500, data);
  }
  const nodes = toNodeCounts(data.nodes);
  const edges = data.edges.flatMap((e) =>
    isObj(e) && typeof e.source === 'string' && typeof e.sourcePort === 'string'
      ? [{ source: e.source, sourcePort: e.sourcePort, runs: Number(e.runs) || 0 }]
      : [],
  );
  const sendDecisions = (Array.isArray(data.sendDecisions) ? data.sendDecisions : []).flatMap(
    (d) =>
      isObj(d) && typeof d.nodeId === 'string' && typeof d.decision === 'string'
        ? [
            {
              nodeId: d.nodeId,
              decision: d.decision,
              rule: typeof d.rule === 'string' ? d.rule : 'unknown',
              runs: Number(d.runs) || 0,
            },
          ]
        : [],
  );
  return { nodes, edges, sendDecisions };
}

/** Problems of a refused publish (422), else the error's message. */
export function errorMessages(error: unknown): string[] {
  if (error instanceof ApiError && isObj(error.body)) {
    const list = Array.isArray(error.body.errors)
      ? error.body.errors
      : Array.isArray(error.body.issues)
        ? error.body.issues
        : [];
    const messages = list.flatMap((e) =>
      isObj(e) && typeof e.message === 'string' ? [e.message] : [],
    );
    if (messages.length > 0) return messages;
  }
  return [error instanceof Error ? error.message : String(error)];
}
