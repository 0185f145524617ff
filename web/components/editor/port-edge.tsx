'use client';

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../../lib/editor/flow-mapping';
import { useCanvasActions } from './editor-context';
import { portStyle } from './port-style';

/** Arrowheads shared by every edge (one <defs> for the whole canvas). */
export function EdgeMarkers() {
  const arrow = (id: string, color: string) => (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="8"
      refY="5"
      markerWidth="7"
      markerHeight="7"
      orient="auto-start-reverse"
    >
      <path d="M0 0 10 5 0 10z" fill={color} />
    </marker>
  );
  return (
    <svg className="absolute size-0" aria-hidden>
      <defs>
        {arrow('yatra-arrow', '#94a3b8')}
        {arrow('yatra-arrow-selected', '#6366f1')}
        {arrow('yatra-arrow-broken', '#ef4444')}
        {arrow('yatra-arrow-visited', '#10b981')}
      </defs>
    </svg>
  );
}

/** An edge out of a named port; the port is printed on it when the source branches. */
export const PortEdge = memo(function PortEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected } = props;
  const actions = useCanvasActions();
  // Down from the port, turning just above the target: branches read as columns and a long
  // edge does not cut across the cards of the rows it passes (auto-layout keeps those clear).
  const down = props.targetY - props.sourceY;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    targetX: props.targetX,
    targetY: props.targetY,
    sourcePosition: props.sourcePosition,
    targetPosition: props.targetPosition,
    borderRadius: 12,
    offset: 16,
    ...(down > 80 && { centerY: props.targetY - 22 }),
  });
  const port = data?.edge.sourcePort ?? 'next';
  const broken = data?.broken ?? false;
  const sim = data?.sim;
  const runs = data?.runs ?? 0;
  const lit = sim === 'visited' && !selected && !broken;
  const stroke = broken ? '#ef4444' : selected ? '#6366f1' : lit ? '#10b981' : '#94a3b8';
  const marker = broken
    ? 'yatra-arrow-broken'
    : selected
      ? 'yatra-arrow-selected'
      : lit
        ? 'yatra-arrow-visited'
        : 'yatra-arrow';
  return (
    <g
      data-testid="canvas-edge"
      data-edge-id={id}
      data-source-port={port}
      data-selected={selected ? 'true' : 'false'}
      data-sim-visited={sim && (sim === 'visited' ? 'true' : 'false')}
      opacity={sim === 'dimmed' ? 0.3 : undefined}
    >
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#${marker})`}
        interactionWidth={16}
        style={{
          stroke,
          strokeWidth: selected ? 2.25 : lit ? 2.5 : 1.6,
          strokeDasharray: broken ? '5 4' : undefined,
        }}
      />
      {(data?.showLabel || selected || runs > 0) && (
        <EdgeLabelRenderer>
          <div
            data-testid="canvas-edge-label"
            data-edge-id={id}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            className="nodrag nopan absolute flex items-center gap-1"
          >
            {data?.showLabel && (
              <span
                className={`rounded-full px-1.5 py-px text-[10px] font-semibold shadow-sm ring-1 ${portStyle(port).label}`}
              >
                {port}
              </span>
            )}
            {runs > 0 && (
              <span
                data-testid={`edge-count-${id}`}
                data-count={runs}
                title={`${runs} customer${runs === 1 ? '' : 's'} took this path`}
                className="rounded-full bg-slate-900 px-1.5 py-px text-[10px] font-semibold text-white tabular-nums shadow-sm"
              >
                {runs}
              </span>
            )}
            {selected && props.deletable !== false && (
              <button
                type="button"
                aria-label="Remove connection"
                title="Remove connection (Del)"
                onClick={() => actions.removeEdge(id)}
                className="pointer-events-auto grid size-5 place-items-center rounded-full bg-white text-slate-500 shadow ring-1 ring-slate-200 hover:bg-red-50 hover:text-red-600"
              >
                <svg viewBox="0 0 24 24" className="size-3" stroke="currentColor" strokeWidth={2.5}>
                  <path d="M6 6l12 12M18 6 6 18" />
                </svg>
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
});
