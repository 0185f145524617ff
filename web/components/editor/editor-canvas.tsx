'use client';

import '@xyflow/react/dist/style.css';
import {
  applyEdgeChanges,
  applyNodeChanges,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type DragEvent,
  type ReactNode,
} from 'react';
import { connectionProblem } from '../../lib/editor/connect-rules';
import { connect, removeElements, setPositions } from '../../lib/editor/document-ops';
import {
  syncFlowEdges,
  syncFlowNodes,
  type FlowContext,
  type FlowEdge,
  type FlowNode,
  withGeometry,
} from '../../lib/editor/flow-mapping';
import type { LiveCounts } from '../../lib/editor/live-counts';
import type { SimHighlight } from '../../lib/editor/simulation';
import type { EditorNodeType, JourneyDocument, XY } from '../../lib/editor/types';
import { categoryStyle } from '../canvas/category-style';
import { DotBackground } from './dot-background';
import { InitialViewport } from './initial-viewport';
import { NoteNode } from './note-node';
import { EdgeMarkers, PortEdge } from './port-edge';
import { STEP_NODE_WIDTH, StepNode } from './step-node';

const nodeTypes = { step: StepNode, note: NoteNode };
const edgeTypes = { port: PortEdge };

/** The MIME type palette items put on a drag. */
export const PALETTE_MIME = 'application/x-yatra-node-type';

export interface SelectRequest {
  keys: ReadonlySet<string>;
  seq: number;
}

export interface EditorCanvasProps {
  doc: JourneyDocument;
  types: ReadonlyMap<string, EditorNodeType>;
  problems: ReadonlyMap<string, string[]>;
  brokenEdges: ReadonlySet<number>;
  serverPorts: Readonly<Record<string, string[]>>;
  readOnly: boolean;
  selectRequest: SelectRequest | null;
  /** The last simulation's path, lit up on the canvas. */
  sim: SimHighlight | null;
  /** Live counts of a published journey (null: overlay off). */
  live: LiveCounts | null;
  /** Records a new document (one undo step; equal `coalesce` keys within a second merge). */
  onCommit(next: JourneyDocument, options?: { coalesce?: string }): void;
  onSelectionChange(keys: string[]): void;
  onAddNode(type: string, position: XY): void;
  onRefused(reason: string): void;
  children?: ReactNode;
}

/**
 * The React Flow canvas. The journey document is the source of truth; the graph is derived from
 * it (reusing unchanged node objects) and only drags, selection and measured sizes live here.
 */
export const EditorCanvas = memo(function EditorCanvas(props: EditorCanvasProps) {
  const { doc, types, problems, brokenEdges, serverPorts, readOnly, selectRequest, sim, live } =
    props;
  const { screenToFlowPosition } = useReactFlow();
  const docRef = useRef(doc);
  docRef.current = doc;
  const propsRef = useRef(props);
  propsRef.current = props;

  const ctx = useMemo<FlowContext>(
    () => ({ types, problems, brokenEdges, serverPorts, readOnly, sim, live }),
    [types, problems, brokenEdges, serverPorts, readOnly, sim, live],
  );
  const [nodes, setNodes] = useState<FlowNode[]>(() => syncFlowNodes([], doc, ctx));
  const [edges, setEdges] = useState<FlowEdge[]>(() => syncFlowEdges([], doc, ctx));
  const appliedSelect = useRef(0);

  // Before paint, so an undo never shows one frame of the old graph.
  useLayoutEffect(() => {
    const request =
      selectRequest && selectRequest.seq !== appliedSelect.current ? selectRequest : null;
    if (request) appliedSelect.current = request.seq;
    const full = request ? { ...ctx, select: request.keys } : ctx;
    setNodes((prev) => syncFlowNodes(prev, doc, full));
    setEdges((prev) => syncFlowEdges(prev, doc, full));
  }, [doc, ctx, selectRequest]);

  const commitMoves = useCallback((moved: { id: string; position: XY }[]) => {
    const next = setPositions(docRef.current, new Map(moved.map((n) => [n.id, n.position])));
    if (next !== docRef.current) propsRef.current.onCommit(next, { coalesce: 'move' });
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      // Removals go through onDelete (one undo step for nodes and their edges together).
      const kept = changes.filter(
        (c) => c.type === 'position' || c.type === 'dimensions' || c.type === 'select',
      );
      if (kept.length > 0) {
        const resized = new Set(kept.flatMap((c) => (c.type === 'dimensions' ? [c.id] : [])));
        setNodes((ns) =>
          applyNodeChanges(kept, ns).map((n) =>
            n.type === 'step' && resized.has(n.id) ? withGeometry(n) : n,
          ),
        );
      }
      // A drag's last change and keyboard nudges (arrow keys) arrive with dragging: false.
      const settled = changes.flatMap((c) =>
        c.type === 'position' && c.dragging === false && c.position
          ? [{ id: c.id, position: c.position }]
          : [],
      );
      if (settled.length > 0) commitMoves(settled);
    },
    [commitMoves],
  );
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const kept = changes.filter((c) => c.type === 'select');
    if (kept.length > 0) setEdges((es) => applyEdgeChanges(kept, es));
  }, []);

  const onNodeDragStop = useCallback(
    (_e: unknown, _node: FlowNode, dragged: FlowNode[]) => commitMoves(dragged),
    [commitMoves],
  );

  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: FlowNode[]; edges: FlowEdge[] }) => {
      const next = removeElements(docRef.current, {
        nodes: ns.map((n) => n.id),
        edges: es.map((e) => e.id),
      });
      propsRef.current.onCommit(next);
    },
    [],
  );

  const isValidConnection = useCallback<IsValidConnection<FlowEdge>>(
    (c) =>
      connectionProblem(docRef.current, propsRef.current.types, {
        source: c.source,
        sourceHandle: c.sourceHandle ?? null,
        target: c.target,
      }) === null,
    [],
  );
  const onConnect = useCallback((c: Connection) => {
    const problem = connectionProblem(docRef.current, propsRef.current.types, c);
    if (problem) return propsRef.current.onRefused(problem);
    propsRef.current.onCommit(
      connect(docRef.current, {
        source: c.source,
        sourcePort: c.sourceHandle ?? 'next',
        target: c.target,
      }),
    );
  }, []);
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const from = state.fromHandle?.type === 'source' ? state.fromNode : state.toNode;
      const to = from === state.fromNode ? state.toNode : state.fromNode;
      const handle = state.fromHandle?.type === 'source' ? state.fromHandle : state.toHandle;
      const problem = connectionProblem(docRef.current, propsRef.current.types, {
        source: from.id,
        sourceHandle: handle?.id ?? null,
        target: to.id,
      });
      if (problem) propsRef.current.onRefused(problem);
    },
    [],
  );

  const onSelectionChange = useCallback(({ nodes: ns, edges: es }: OnSelectionChangeParams) => {
    propsRef.current.onSelectionChange([...ns.map((n) => n.id), ...es.map((e) => e.id)]);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      propsRef.current.onAddNode(type, { x: p.x - STEP_NODE_WIDTH / 2, y: p.y - 28 });
    },
    [screenToFlowPosition],
  );

  const minimapColor = useCallback(
    (n: FlowNode) =>
      n.type === 'step'
        ? n.data.problems.length > 0
          ? '#f87171'
          : categoryStyle(n.data.nodeType?.category ?? 'custom').color
        : '#fcd34d',
    [],
  );

  const inBrowser = useInBrowser();
  return (
    <div className="relative h-full w-full" onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeMarkers />
      {inBrowser && (
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onDelete={onDelete}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onSelectionChange={onSelectionChange}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          elementsSelectable
          deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          connectionLineType={ConnectionLineType.SmoothStep}
          connectionLineStyle={{ stroke: '#6366f1', strokeWidth: 2 }}
          connectionRadius={28}
          onlyRenderVisibleElements
          minZoom={0.1}
          maxZoom={2}
          snapToGrid
          snapGrid={[4, 4]}
          proOptions={{ hideAttribution: true }}
        >
          <InitialViewport empty={doc.nodes.length === 0 && doc.notes.length === 0} />
          <DotBackground />
          <MiniMap<FlowNode>
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            nodeBorderRadius={2}
            maskColor="rgba(241,245,249,0.7)"
            ariaLabel="Minimap"
          />
          <Controls showInteractive={false} position="bottom-left" />
          {props.children}
        </ReactFlow>
      )}
    </div>
  );
});

const subscribeToNothing = () => () => {};

/**
 * False on the server and while hydrating, true after. React Flow draws only the cards in view,
 * which it can know only in the browser: rendered on the server it drew every card of a large
 * journey, and hydration had to rebuild them all before the canvas became interactive.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
