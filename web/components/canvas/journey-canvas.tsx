'use client';

import '@xyflow/react/dist/style.css';
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CanvasView } from '../../lib/canvas/types';
import { categoryStyle } from './category-style';
import { InitialViewport } from './initial-viewport';
import { NoteNode, type NoteNodeType } from './note-node';
import { PortEdge, type PortEdgeType } from './port-edge';
import { StepNode, type StepNodeType } from './step-node';

const nodeTypes = { step: StepNode, note: NoteNode };
const edgeTypes = { port: PortEdge };

type CanvasNode = StepNodeType | NoteNodeType;

function toNodes(view: CanvasView): CanvasNode[] {
  return [
    ...view.nodes.map((n): StepNodeType => ({
      id: n.id,
      type: 'step',
      position: n.position,
      data: { view: n },
      draggable: false,
      connectable: false,
    })),
    ...view.notes.map((note): NoteNodeType => ({
      id: `note:${note.id}`,
      type: 'note',
      position: note.position,
      data: { text: note.text },
      draggable: false,
      selectable: false,
      zIndex: -1,
    })),
  ];
}

/** The read-only journey canvas: saved positions, labelled ports, live counts, problems. */
export function JourneyCanvas({
  view,
  selectedId,
  onSelect,
}: {
  view: CanvasView;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
}) {
  // Controlled nodes: React Flow writes measured sizes back through onNodesChange (the minimap
  // needs them); selection comes from the parent so the side panel can drive it. The view is
  // fixed for the page's lifetime, so it only seeds the state.
  const [nodes, setNodes] = useState<CanvasNode[]>(() => toNodes(view));
  useEffect(() => {
    setNodes((current) =>
      current.map((n) =>
        n.selected === (n.id === selectedId) ? n : { ...n, selected: n.id === selectedId },
      ),
    );
  }, [selectedId]);
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) =>
      setNodes((current) =>
        applyNodeChanges(
          changes.filter((c) => c.type === 'dimensions'),
          current,
        ),
      ),
    [],
  );
  const edges = useMemo<PortEdgeType[]>(
    () =>
      view.edges.map((e) => ({
        id: e.id,
        type: 'port',
        source: e.source,
        sourceHandle: e.sourcePort,
        target: e.target,
        data: { sourcePort: e.sourcePort, showLabel: e.showLabel },
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' },
        style: { stroke: '#94a3b8', strokeWidth: 1.5 },
        selectable: false,
      })),
    [view],
  );
  const onNodeClick: NodeMouseHandler<CanvasNode> = (_event, node: Node) => {
    if (node.type === 'step') onSelect(node.id);
  };

  return (
    <ReactFlow<CanvasNode, PortEdgeType>
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodeClick={onNodeClick}
      onPaneClick={() => onSelect(null)}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
      minZoom={0.2}
      maxZoom={1.75}
      proOptions={{ hideAttribution: false }}
    >
      <InitialViewport />
      <Background gap={20} size={1} color="#cbd5e1" />
      <MiniMap<CanvasNode>
        pannable
        zoomable
        nodeColor={(n) =>
          n.type === 'step' ? categoryStyle(n.data.view.category).color : '#fde68a'
        }
        nodeStrokeWidth={2}
      />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
