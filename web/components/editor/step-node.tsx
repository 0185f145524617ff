'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepFlowNode } from '../../lib/editor/flow-mapping';
import type { NodeLiveCounts } from '../../lib/editor/live-counts';
import { categoryStyle } from '../canvas/category-style';
import { NodeIcon } from './node-icon';
import { portStyle } from './port-style';

/** Card width; layouts and drops are computed for it. */
export const STEP_NODE_WIDTH = 220;

function slot(i: number, n: number): string {
  return `${((i + 1) / (n + 1)) * 100}%`;
}

/**
 * A journey step on the canvas: icon, label, one-line config, problems badge; one target handle
 * (not on triggers) and one source handle per declared output port. Memoized: a node redraws
 * only when its own data, selection or drag state changes.
 */
export const StepNode = memo(function StepNode({ id, data, selected }: NodeProps<StepFlowNode>) {
  const { node, nodeType, ports, stalePorts, problems, summary, readOnly, sim, counts } = data;
  const category = nodeType?.category ?? 'custom';
  const style = categoryStyle(category);
  const isTrigger = nodeType?.role === 'entry';
  const all = [...ports, ...stalePorts];
  const broken = problems.length > 0;
  const title = nodeType?.title ?? node.type;
  return (
    <div
      data-testid="canvas-node"
      data-node-id={id}
      data-node-type={node.type}
      data-problems={problems.length}
      data-selected={selected ? 'true' : 'false'}
      data-sim-visited={sim && (sim === 'visited' ? 'true' : 'false')}
      style={{ width: STEP_NODE_WIDTH }}
      className={`group/node relative rounded-xl border bg-white shadow-sm transition-[box-shadow,border-color,opacity] ${
        selected
          ? 'border-indigo-500 ring-2 ring-indigo-500/30'
          : broken
            ? 'border-red-300 hover:border-red-400'
            : sim === 'visited'
              ? 'border-emerald-500 ring-2 ring-emerald-500/40'
              : 'border-slate-200 hover:border-slate-300 hover:shadow'
      } ${sim === 'dimmed' ? 'opacity-40' : ''}`}
    >
      {counts && counts.entered > 0 && <CountsBadge nodeId={id} counts={counts} />}
      {!isTrigger && (
        <Handle
          type="target"
          position={Position.Top}
          isConnectable={!readOnly}
          data-testid="port"
          data-port="in"
          data-handle-type="target"
          className="h-2.5! w-10! rounded-full! border-2! border-white! bg-slate-300! transition-colors hover:bg-indigo-500!"
        />
      )}

      {broken && (
        <div
          data-testid="node-problem-badge"
          data-count={problems.length}
          title={problems.join('\n')}
          className="absolute -top-2.5 -right-2.5 z-10"
        >
          <span className="grid size-5 place-items-center rounded-full bg-red-600 text-[10px] font-bold text-white shadow ring-2 ring-white">
            {problems.length}
          </span>
          <div
            role="tooltip"
            className="pointer-events-none absolute top-6 right-0 hidden w-64 rounded-lg bg-slate-900 px-3 py-2 text-[11px] leading-snug text-white shadow-lg group-hover/node:block"
          >
            {problems.map((p) => (
              <p key={p} className="py-0.5">
                {p}
              </p>
            ))}
          </div>
        </div>
      )}

      <div className="flex items-center gap-2.5 px-3 pt-2.5 pb-2">
        <span className={`grid size-8 shrink-0 place-items-center rounded-lg ${style.tile}`}>
          <NodeIcon type={node.type} category={category} className="size-[18px]" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-[10px] font-semibold tracking-wide text-slate-400 uppercase">
            {node.label ? title : category}
          </div>
          <div className="truncate text-[13px] leading-tight font-semibold text-slate-800">
            {node.label ?? title}
          </div>
        </div>
      </div>
      {summary && (
        <div
          className="truncate border-t border-slate-100 px-3 py-1.5 font-mono text-[10.5px] text-slate-500"
          title={summary}
        >
          {summary}
        </div>
      )}

      {all.length > 1 && (
        <div className="relative h-5 border-t border-slate-100">
          {all.map((port, i) => (
            <span
              key={port}
              style={{ left: slot(i, all.length) }}
              className={`absolute top-1/2 max-w-[60px] -translate-x-1/2 -translate-y-1/2 truncate rounded px-1 text-[9.5px] font-semibold ${
                stalePorts.includes(port) ? 'text-red-600 line-through' : 'text-slate-500'
              }`}
            >
              {port}
            </span>
          ))}
        </div>
      )}
      {all.map((port, i) => (
        <Handle
          key={port}
          id={port}
          type="source"
          position={Position.Bottom}
          isConnectable={!readOnly && !stalePorts.includes(port)}
          title={`${port}: drag to the next step`}
          data-testid="port"
          data-port={port}
          data-handle-type="source"
          style={{ left: slot(i, all.length) }}
          className={`size-3! border-2! border-white! shadow-sm transition-transform hover:scale-125 ${
            stalePorts.includes(port) ? 'bg-red-500!' : portStyle(port).dot
          }`}
        />
      ))}
    </div>
  );
});

/** The live overlay on a card: customers who entered, wait here now, and exited here. */
function CountsBadge({ nodeId, counts }: { nodeId: string; counts: NodeLiveCounts }) {
  const { entered, waitingNow, exited, stopped, stoppedBy } = counts;
  const text =
    `${entered} entered · ${waitingNow} waiting here · ${exited} exited here` +
    (stopped > 0 ? ` · ${stopped} not sent (${stoppedBy})` : '');
  return (
    <div
      data-testid={`node-counts-${nodeId}`}
      data-entered={entered}
      data-waiting={waitingNow}
      data-exited={exited}
      data-stopped={stopped}
      title={text}
      aria-label={text}
      className="absolute -top-2.5 left-3 z-10 flex items-center gap-1 rounded-full bg-slate-900 px-2 py-px text-[10px] font-semibold text-white tabular-nums shadow ring-2 ring-white"
    >
      <span>{entered} in</span>
      {waitingNow > 0 && <span className="text-amber-300">· {waitingNow} here</span>}
      {exited > 0 && <span className="text-slate-300">· {exited} out</span>}
      {stopped > 0 && <span className="text-rose-300">· {stopped} not sent</span>}
    </div>
  );
}
