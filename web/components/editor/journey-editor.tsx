'use client';

// The journey canvas editor: palette | canvas | Inspector · Problems · Versions · Simulate.
// The journey document is the single source of truth (undo/redo is a stack of documents);
// every change is validated by the server and autosaved as the draft.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { DocumentMigration } from '@yatra/nodes';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import {
  CLIPBOARD_KEY,
  copySelection,
  parseFragment,
  pasteFragment,
  serializeFragment,
} from '../../lib/editor/clipboard';
import {
  addNode,
  addNote,
  canonicalJson,
  isNoteKey,
  removeElements,
  setPositions,
  updateNoteText,
  updateSettings,
} from '../../lib/editor/document-ops';
import type { FlowEdge, FlowNode } from '../../lib/editor/flow-mapping';
import { createHistory, push, redo, undo, type History } from '../../lib/editor/history';
import { layoutDocument } from '../../lib/editor/layout';
import { highlightOf } from '../../lib/editor/simulation';
import { exportFileName, exportJourney, importJourney } from '../../lib/editor/transfer';
import type {
  EditorNodeType,
  JourneyDocument,
  ValidationReport,
  VersionSummary,
  XY,
} from '../../lib/editor/types';
import { formatDateTime } from '../../lib/format';
import { createJourney, errorMessages, publishJourney, saveJourney } from './api';
import { CanvasActionsContext, type CanvasActions } from './editor-context';
import { EditorCanvas, type SelectRequest } from './editor-canvas';
import { EditorHeader } from './editor-header';
import { Inspector } from './inspector/inspector';
import { Palette } from './palette';
import { ProblemsPanel } from './problems-panel';
import { PublishDialog } from './publish-dialog';
import { Toasts, useToasts } from './toasts';
import { useAutosave, useValidation } from './use-editor-io';
import { VersionsPanel } from './versions-panel';
import {
  CanvasToolbar,
  ImportErrorsDialog,
  onTabListKeyDown,
  TabButton,
  tabId,
  tabPanelId,
  type Tab,
} from './editor-chrome';
import focusStyles from './editor-focus.module.css';
import { SimulatePanel, type SimulationRun } from './simulate/simulate-panel';
import { STEP_NODE_WIDTH } from './step-node';
import { useLiveCounts } from './use-live-counts';
import { useNodeMigration } from './use-node-migration';

export interface JourneyEditorProps {
  journeyId: string;
  initialDocument: JourneyDocument;
  nodeTypes: EditorNodeType[];
  initialValidation: ValidationReport;
  versions: VersionSummary[];
  /** The live version's document, to tell whether the draft has unpublished changes. */
  liveDocument: JourneyDocument | null;
  runningCustomers: number;
  /** Set when an old version is open read-only. */
  readOnly: { version: number; publishedAt: string; publishedBy: string } | null;
  /** Node configs the server upgraded to newer node versions; applied on open, undoable. */
  nodeMigration?: DocumentMigration | null;
}

type Action =
  | { type: 'push'; doc: JourneyDocument; coalesce?: string; now: number }
  | { type: 'undo' }
  | { type: 'redo' };

function reducer(h: History<JourneyDocument>, a: Action): History<JourneyDocument> {
  if (a.type === 'undo') return undo(h);
  if (a.type === 'redo') return redo(h);
  return push(h, a.doc, { coalesce: a.coalesce, now: a.now });
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLInputElement ||
  t instanceof HTMLTextAreaElement ||
  t instanceof HTMLSelectElement ||
  (t instanceof HTMLElement && t.isContentEditable);

export function JourneyEditor(props: JourneyEditorProps) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}

function Editor(props: JourneyEditorProps) {
  const { journeyId, readOnly } = props;
  const isReadOnly = readOnly !== null;
  const router = useRouter();
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const [history, dispatch] = useReducer(reducer, props.initialDocument, createHistory);
  const doc = history.present;
  const docRef = useRef(doc);
  docRef.current = doc;
  const types = useMemo(() => new Map(props.nodeTypes.map((t) => [t.type, t])), [props.nodeTypes]);
  const { report, checking } = useValidation(doc, props.initialValidation, !isReadOnly);
  const save = useAutosave(journeyId, doc, !isReadOnly);
  const { toasts, show: toast } = useToasts();
  const [selection, setSelection] = useState<string[]>([]);
  const [selectRequest, setSelectRequest] = useState<SelectRequest | null>(null);
  const [tab, setTab] = useState<Tab>('inspector');
  const [versions, setVersions] = useState(props.versions);
  const [liveDoc, setLiveDoc] = useState(props.liveDocument);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishBusy, setPublishBusy] = useState(false);
  const [publishError, setPublishError] = useState<string[] | null>(null);
  const [importErrors, setImportErrors] = useState<{ path: string; message: string }[] | null>(
    null,
  );
  const canvasBox = useRef<HTMLDivElement>(null);
  const pasteCount = useRef(0);
  const [simRun, setSimRun] = useState<SimulationRun | null>(null);
  // The Simulate panel keeps its form once opened (it stays mounted, hidden, on other tabs).
  const [simulateOpened, setSimulateOpened] = useState(false);
  const [liveOn, setLiveOn] = useState(() => props.versions.some((v) => v.live));

  const commit = useCallback(
    (next: JourneyDocument, options?: { coalesce?: string }) => {
      if (isReadOnly || next === docRef.current) return;
      docRef.current = next;
      dispatch({ type: 'push', doc: next, coalesce: options?.coalesce, now: Date.now() });
    },
    [isReadOnly],
  );
  useNodeMigration(props.nodeMigration, commit, toast);
  const select = useCallback((keys: Iterable<string>) => {
    setSelectRequest((r) => ({ keys: new Set(keys), seq: (r?.seq ?? 0) + 1 }));
  }, []);

  // ---- derived: problems per node, broken edges, draft vs live --------------------------
  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of report.errors) {
      if (!e.nodeId) continue;
      map.set(e.nodeId, [...(map.get(e.nodeId) ?? []), e.message]);
    }
    return map;
  }, [report.errors]);
  const brokenEdges = useMemo(
    () => new Set(report.errors.flatMap((e) => (e.edgeIndex === undefined ? [] : [e.edgeIndex]))),
    [report.errors],
  );
  const liveCanonical = useMemo(() => (liveDoc ? canonicalJson(liveDoc) : null), [liveDoc]);
  const draftChanged = useMemo(
    () => liveCanonical !== null && canonicalJson(doc) !== liveCanonical,
    [doc, liveCanonical],
  );
  const liveVersion = versions.find((v) => v.live)?.version ?? null;
  const trigger = doc.nodes.find((n) => types.get(n.type)?.role === 'entry');
  const hasTrigger = trigger !== undefined;
  const triggerConfig: unknown = trigger?.config;
  const triggerEvent =
    report.triggerEvent ??
    (typeof triggerConfig === 'object' && triggerConfig !== null && 'event' in triggerConfig
      ? String(triggerConfig.event)
      : null);
  // Read-only views count their own version; the draft counts every version customers are in.
  const countedVersion = readOnly
    ? (versions.find((v) => v.version === readOnly.version)?.id ?? null)
    : null;
  const live = useLiveCounts(journeyId, countedVersion, liveOn && versions.length > 0);
  const simHighlight = useMemo(
    () => (simRun ? highlightOf(simRun.view, doc) : null),
    [simRun, doc],
  );
  const selectedNodes = useMemo(
    () => selection.filter((k) => isNoteKey(k) || doc.nodes.some((n) => n.id === k)),
    [selection, doc.nodes],
  );
  const selectedEdges = useMemo(
    () => selection.filter((k) => !selectedNodes.includes(k)),
    [selection, selectedNodes],
  );

  // ---- canvas helpers -----------------------------------------------------------------------
  /** The middle of what the canvas shows: where keyboard-added steps appear. */
  const viewportCentre = useCallback((): XY => {
    const box = canvasBox.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    return rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  }, [rf]);
  const viewCenter = useCallback((): XY => {
    const box = canvasBox.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    return rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 3 });
  }, [rf]);

  const addNodeAt = useCallback(
    (typeId: string, position: XY) => {
      const type = types.get(typeId);
      if (!type) return;
      if (
        type.role === 'entry' &&
        docRef.current.nodes.some((n) => types.get(n.type)?.role === 'entry')
      ) {
        toast('This journey already has a trigger: a journey starts at one trigger.', 'error');
        return;
      }
      const { doc: next, id } = addNode(docRef.current, type, position);
      commit(next);
      select([id]);
    },
    [commit, select, toast, types],
  );
  const addNodeInView = useCallback(
    (typeId: string) => {
      const c = viewportCentre();
      const p = { x: c.x - STEP_NODE_WIDTH / 2, y: c.y - 36 };
      const taken = (q: XY) =>
        docRef.current.nodes.some(
          (n) => Math.abs(n.position.x - q.x) < 30 && Math.abs(n.position.y - q.y) < 30,
        );
      while (taken(p)) p.y += 96;
      addNodeAt(typeId, p);
    },
    [addNodeAt, viewportCentre],
  );

  /** Centres and selects a node; the inspector opens unless `stay` keeps the current tab. */
  const focusNode = useCallback(
    (id: string, stay?: 'stay') => {
      const node = rf.getNode(id);
      if (!node) return;
      const w = node.measured?.width ?? STEP_NODE_WIDTH;
      const h = node.measured?.height ?? 72;
      void rf.setCenter(node.position.x + w / 2, node.position.y + h / 2, {
        zoom: Math.max(rf.getZoom(), 0.9),
        duration: 350,
      });
      select([id]);
      if (!stay) setTab('inspector');
    },
    [rf, select],
  );
  const focusFromTimeline = useCallback((id: string) => focusNode(id, 'stay'), [focusNode]);
  const showTab = useCallback((next: Tab) => {
    if (next === 'simulate') setSimulateOpened(true);
    setTab(next);
  }, []);

  const fitView = useCallback(() => {
    void rf.fitView({ padding: 0.15, duration: 300, maxZoom: 1 });
  }, [rf]);

  const autoLayout = useCallback(() => {
    const current = docRef.current;
    const positions = layoutDocument(
      current,
      (id) => {
        const m = rf.getNode(id)?.measured;
        return m?.width && m.height ? { width: m.width, height: m.height } : undefined;
      },
      (id) => {
        const n = rf.getNode(id);
        return n?.type === 'step' ? n.data.ports : [];
      },
    );
    commit(setPositions(current, positions));
    setTimeout(fitView, 60);
  }, [commit, fitView, rf]);

  const addStickyNote = useCallback(() => {
    const c = viewCenter();
    const { doc: next, id } = addNote(docRef.current, { x: c.x + 160, y: c.y - 40 });
    commit(next);
    select([`note:${id}`]);
  }, [commit, select, viewCenter]);

  // ---- clipboard, delete, undo --------------------------------------------------------------
  const copy = useCallback(() => {
    const fragment = copySelection(docRef.current, new Set(selectedNodes));
    if (!fragment) return false;
    const text = serializeFragment(fragment);
    localStorage.setItem(CLIPBOARD_KEY, text);
    navigator.clipboard?.writeText(text).catch(() => {});
    pasteCount.current = 0;
    const n = fragment.nodes.length + fragment.notes.length;
    toast(`Copied ${n} item${n === 1 ? '' : 's'}. Paste with Ctrl+V, here or in another journey.`);
    return true;
  }, [selectedNodes, toast]);

  const deleteSelection = useCallback(() => {
    commit(removeElements(docRef.current, { nodes: selectedNodes, edges: selectedEdges }));
  }, [commit, selectedNodes, selectedEdges]);

  const paste = useCallback(() => {
    const fragment = parseFragment(localStorage.getItem(CLIPBOARD_KEY));
    if (!fragment) return toast('Nothing to paste: copy steps first (Ctrl+C).');
    const current = docRef.current;
    const sameJourney = fragment.nodes.every((n) => current.nodes.some((m) => m.id === n.id));
    let offset: XY;
    if (sameJourney && fragment.nodes.length > 0) {
      pasteCount.current += 1;
      offset = { x: 40 * pasteCount.current, y: 40 * pasteCount.current };
    } else {
      const all = [...fragment.nodes, ...fragment.notes].map((n) => n.position);
      const minX = Math.min(...all.map((p) => p.x));
      const minY = Math.min(...all.map((p) => p.y));
      const c = viewCenter();
      offset = { x: c.x - STEP_NODE_WIDTH / 2 - minX, y: c.y - minY };
    }
    const pasted = pasteFragment(current, fragment, offset, types);
    if (pasted.skippedTrigger) toast('The trigger was not pasted: this journey already has one.');
    commit(pasted.doc);
    select(pasted.keys);
  }, [commit, select, toast, types, viewCenter]);

  const actions = useRef({
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    copy,
    paste,
    deleteSelection,
    selectAll: () => {},
  });
  actions.current.copy = copy;
  actions.current.paste = paste;
  actions.current.deleteSelection = deleteSelection;
  actions.current.selectAll = () =>
    select([...doc.nodes.map((n) => n.id), ...doc.notes.map((n) => `note:${n.id}`)]);

  useEffect(() => {
    if (isReadOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.metaKey || e.ctrlKey) || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      const a = actions.current;
      if (key === 'z' && !e.shiftKey) a.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') a.redo();
      else if (key === 'c') {
        if (!a.copy()) return;
      } else if (key === 'x') {
        if (!a.copy()) return;
        a.deleteSelection();
      } else if (key === 'v') a.paste();
      else if (key === 'a') a.selectAll();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isReadOnly]);

  // ---- selection → inspector ---------------------------------------------------------------
  const onSelectionChange = useCallback((keys: string[]) => {
    setSelection((prev) =>
      prev.length === keys.length && prev.every((k, i) => k === keys[i]) ? prev : keys,
    );
  }, []);
  const selectedOne = selectedNodes.length === 1 ? selectedNodes[0] : undefined;
  const stayOnSimulate = useRef(false);
  stayOnSimulate.current = tab === 'simulate' && simRun !== null;
  useEffect(() => {
    // While a simulation's timeline is open, selecting its steps keeps the timeline in view.
    if (selectedOne && !stayOnSimulate.current) setTab('inspector');
  }, [selectedOne]);

  const canvasActions = useMemo<CanvasActions>(
    () => ({
      updateNoteText: (id, text) => commit(updateNoteText(docRef.current, id, text)),
      removeEdge: (id) => commit(removeElements(docRef.current, { edges: [id] })),
    }),
    [commit],
  );
  const onRefused = useCallback((reason: string) => toast(reason, 'error'), [toast]);

  // ---- header actions ----------------------------------------------------------------------
  const onRename = useCallback(
    (name: string) =>
      commit(updateSettings(docRef.current, { name }), { coalesce: 'settings:name' }),
    [commit],
  );
  const onExport = useCallback(() => {
    const blob = new Blob([exportJourney(docRef.current)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(docRef.current);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }, []);
  const onImport = useCallback(
    async (file: File) => {
      const result = importJourney(await file.text());
      if (!result.ok) return setImportErrors(result.errors);
      setImportErrors(null);
      commit(result.document);
      toast(`Imported “${result.document.name}”. Undo with Ctrl+Z.`, 'success');
      setTimeout(fitView, 80);
    },
    [commit, fitView, toast],
  );
  const onDuplicate = useCallback(async () => {
    try {
      const id = await createJourney({ ...docRef.current, name: `${docRef.current.name} (copy)` });
      router.push(`/journeys/${id}`);
    } catch (e) {
      toast(`Could not duplicate: ${errorMessages(e).join('; ')}`, 'error');
    }
  }, [router, toast]);
  const onRestore = useCallback(async () => {
    if (!readOnly) return;
    const ok = window.confirm(
      `Replace the current draft with version ${readOnly.version}? Unpublished draft changes are replaced; live versions are not touched.`,
    );
    if (!ok) return;
    try {
      await saveJourney(journeyId, docRef.current);
      router.push(`/journeys/${journeyId}`);
      router.refresh();
    } catch (e) {
      toast(`Could not restore: ${errorMessages(e).join('; ')}`, 'error');
    }
  }, [journeyId, readOnly, router, toast]);

  // ---- publish ---------------------------------------------------------------------------
  const errorCount = report.errors.length;
  const publishReason =
    errorCount > 0
      ? `Fix ${errorCount} problem${errorCount === 1 ? '' : 's'} to publish`
      : liveVersion !== null && !draftChanged
        ? `No changes since v${liveVersion}`
        : null;
  const openPublish = useCallback(() => {
    setPublishError(null);
    setPublishOpen(true);
  }, []);
  const confirmPublish = useCallback(
    async (publishedBy: string) => {
      setPublishBusy(true);
      setPublishError(null);
      try {
        if (!(await save.flush())) {
          setPublishError([`The draft could not be saved: ${save.error ?? 'unknown error'}`]);
          return;
        }
        const published = await publishJourney(journeyId, publishedBy);
        setVersions((list) => [
          { ...published, live: true },
          ...list.map((v) => ({ ...v, live: false })),
        ]);
        setLiveDoc(docRef.current);
        setPublishOpen(false);
        toast(
          `Published version ${published.version}. New entrants follow it from now on.`,
          'success',
        );
      } catch (e) {
        setPublishError(errorMessages(e));
      } finally {
        setPublishBusy(false);
      }
    },
    [journeyId, save, toast],
  );
  const publish = useMemo(
    () => ({ disabled: publishReason !== null, reason: publishReason, onClick: openPublish }),
    [publishReason, openPublish],
  );

  return (
    <CanvasActionsContext.Provider value={canvasActions}>
      <main
        className={`flex h-[calc(100vh-3.5rem)] flex-col ${focusStyles.editor ?? ''}`}
        data-testid="journey-editor"
        data-read-only={isReadOnly}
      >
        <EditorHeader
          name={doc.name}
          onRename={onRename}
          liveVersion={liveVersion}
          versionCount={versions.length}
          draftChanged={draftChanged}
          readOnlyVersion={readOnly?.version ?? null}
          runningCustomers={props.runningCustomers}
          saveState={save.state}
          saveError={save.error}
          publish={publish}
          onExport={onExport}
          onImport={(f) => void onImport(f)}
          onDuplicate={() => void onDuplicate()}
          cost={report.cost}
          live={
            versions.length > 0
              ? {
                  on: liveOn,
                  onToggle: () => setLiveOn((on) => !on),
                  updatedAt: live.updatedAt,
                  error: live.error,
                }
              : null
          }
        />
        {readOnly && (
          <div
            data-testid="read-only-banner"
            className="flex items-center justify-between gap-4 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
          >
            <span>
              You are viewing <strong>version {readOnly.version}</strong>, published{' '}
              {formatDateTime(readOnly.publishedAt)} by {readOnly.publishedBy}. Versions are
              immutable: customers who entered with it stay on it.
            </span>
            <span className="flex shrink-0 gap-2">
              <button
                type="button"
                data-testid="restore-version"
                onClick={() => void onRestore()}
                className="rounded-md bg-amber-600 px-3 py-1 text-xs font-semibold text-white hover:bg-amber-500"
              >
                Restore as draft
              </button>
              <a
                href={`/journeys/${journeyId}`}
                className="rounded-md border border-amber-300 bg-white px-3 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100"
              >
                Back to the draft
              </a>
            </span>
          </div>
        )}
        <div className="flex min-h-0 flex-1">
          {!isReadOnly && (
            <Palette nodeTypes={props.nodeTypes} hasTrigger={hasTrigger} onAdd={addNodeInView} />
          )}
          <div
            ref={canvasBox}
            data-testid="journey-canvas"
            data-node-count={doc.nodes.length}
            data-edge-count={doc.edges.length}
            className="relative min-w-0 flex-1 bg-slate-50"
          >
            <EditorCanvas
              doc={doc}
              types={types}
              problems={problems}
              brokenEdges={brokenEdges}
              serverPorts={report.ports}
              readOnly={isReadOnly}
              selectRequest={selectRequest}
              sim={simHighlight}
              live={live.counts}
              onCommit={commit}
              onSelectionChange={onSelectionChange}
              onAddNode={addNodeAt}
              onRefused={onRefused}
            >
              <CanvasToolbar
                readOnly={isReadOnly}
                canUndo={history.past.length > 0}
                canRedo={history.future.length > 0}
                onUndo={() => dispatch({ type: 'undo' })}
                onRedo={() => dispatch({ type: 'redo' })}
                onLayout={autoLayout}
                onFit={fitView}
                onNote={addStickyNote}
              />
            </EditorCanvas>
            {doc.nodes.length === 0 && (
              <div className="pointer-events-none absolute inset-0 grid place-items-center">
                <div
                  data-testid="canvas-empty"
                  className="max-w-sm rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center backdrop-blur-sm"
                >
                  <p className="text-sm font-semibold text-slate-700">Start with a trigger</p>
                  <p className="mt-1 text-xs leading-relaxed text-slate-500">
                    Drag “When an event happens” from the palette onto the canvas, then add steps
                    and connect their ports.
                  </p>
                </div>
              </div>
            )}
            <Toasts toasts={toasts} />
          </div>
          <aside
            data-testid="journey-panel"
            aria-label="Journey panel"
            className="flex w-[22rem] shrink-0 flex-col border-l border-slate-200 bg-white"
          >
            <div
              role="tablist"
              aria-label="Panels"
              onKeyDown={(e) => onTabListKeyDown(e, tab, showTab)}
              className="flex shrink-0 border-b border-slate-200 px-2"
            >
              <TabButton tab="inspector" current={tab} onSelect={showTab}>
                Inspector
              </TabButton>
              <TabButton tab="problems" current={tab} onSelect={showTab}>
                Problems
                <span
                  data-testid="problem-count"
                  className={`ml-1.5 rounded-full px-1.5 text-[10px] font-semibold tabular-nums ${
                    errorCount > 0 ? 'bg-red-100 text-red-700' : 'bg-emerald-100 text-emerald-700'
                  }`}
                >
                  {errorCount}
                </span>
              </TabButton>
              <TabButton tab="versions" current={tab} onSelect={showTab}>
                Versions
              </TabButton>
              <TabButton tab="simulate" current={tab} onSelect={showTab}>
                Simulate
                {simRun && (
                  <>
                    <span aria-hidden className="ml-1.5 size-1.5 rounded-full bg-emerald-500" />
                    <span className="sr-only">(a run is shown on the canvas)</span>
                  </>
                )}
              </TabButton>
            </div>
            {tab !== 'simulate' && (
              <div
                role="tabpanel"
                id={tabPanelId(tab)}
                aria-labelledby={tabId(tab)}
                className="flex min-h-0 flex-1 flex-col"
              >
                {tab === 'inspector' && (
                  <Inspector
                    doc={doc}
                    selectedNodes={selectedNodes}
                    types={types}
                    errors={report.errors}
                    readOnly={isReadOnly}
                    onCommit={commit}
                    onDelete={deleteSelection}
                    onCopy={() => void copy()}
                  />
                )}
                {tab === 'problems' && (
                  <ProblemsPanel
                    doc={doc}
                    types={types}
                    errors={report.errors}
                    facts={report.facts}
                    windowDays={doc.window.days}
                    checking={checking}
                    onFocusNode={focusNode}
                    warnings={report.warnings}
                  />
                )}
                {tab === 'versions' && (
                  <VersionsPanel
                    journeyId={journeyId}
                    versions={versions}
                    viewing={readOnly?.version ?? null}
                    draftChanged={draftChanged || liveDoc === null}
                  />
                )}
              </div>
            )}
            {simulateOpened && (
              <div
                role="tabpanel"
                id={tabPanelId('simulate')}
                aria-labelledby={tabId('simulate')}
                hidden={tab !== 'simulate'}
                className="min-h-0 flex-1 flex-col data-[shown=true]:flex"
                data-shown={tab === 'simulate'}
              >
                <SimulatePanel
                  journeyId={journeyId}
                  doc={doc}
                  triggerEvent={triggerEvent}
                  run={simRun}
                  selectedNode={selectedOne ?? null}
                  onRun={setSimRun}
                  onFocusNode={focusFromTimeline}
                  onShowProblems={() => showTab('problems')}
                />
              </div>
            )}
          </aside>
        </div>
        <PublishDialog
          open={publishOpen}
          journeyId={journeyId}
          doc={doc}
          versions={versions}
          triggerEvent={report.triggerEvent}
          facts={report.facts}
          busy={publishBusy}
          error={publishError}
          onCancel={() => setPublishOpen(false)}
          onConfirm={(by) => void confirmPublish(by)}
        />
        {importErrors && (
          <ImportErrorsDialog errors={importErrors} onClose={() => setImportErrors(null)} />
        )}
      </main>
    </CanvasActionsContext.Provider>
  );
}
