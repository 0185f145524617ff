'use client';

import {
  BaseEdge,
  EdgeLabelRenderer,
  getSmoothStepPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';

export type PortEdgeType = Edge<{ sourcePort: string; showLabel: boolean }, 'port'>;

/** An edge out of a named port; the port is printed on it when the source has several. */
export function PortEdge(props: EdgeProps<PortEdgeType>) {
  const { id, data, markerEnd, style } = props;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    targetX: props.targetX,
    targetY: props.targetY,
    sourcePosition: props.sourcePosition,
    targetPosition: props.targetPosition,
    borderRadius: 10,
  });
  return (
    <g data-testid="canvas-edge" data-edge-id={id} data-source-port={data?.sourcePort}>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {data?.showLabel && (
        <EdgeLabelRenderer>
          <div
            data-testid="canvas-edge-label"
            data-edge-id={id}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            className="nodrag nopan pointer-events-none absolute rounded-full border border-slate-200 bg-white px-1.5 py-px text-[10px] font-medium text-slate-600 shadow-sm"
          >
            {data.sourcePort}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
}
