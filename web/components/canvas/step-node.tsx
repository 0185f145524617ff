'use client';

import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { CanvasNodeView } from '../../lib/canvas/types';
import { categoryStyle } from './category-style';

export type StepNodeType = Node<{ view: CanvasNodeView }, 'step'>;

/** Card width; positions in journey documents are laid out for it. */
export const STEP_NODE_WIDTH = 200;

/** A journey step: icon, title, label, one-line config; one labelled source handle per port. */
export function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const { view } = data;
  const style = categoryStyle(view.category);
  const broken = view.problems.length > 0;
  const slot = (i: number) => `${((i + 1) / (view.ports.length + 1)) * 100}%`;
  return (
    <div
      data-testid="canvas-node"
      data-node-id={view.id}
      data-node-type={view.type}
      data-problems={view.problems.length}
      style={{ width: STEP_NODE_WIDTH }}
      className={`relative rounded-lg border border-t-4 bg-white shadow-sm transition-shadow ${style.accent} ${
        broken ? 'border-red-400' : 'border-slate-200'
      } ${selected ? 'shadow-md ring-2 ring-indigo-400' : broken ? 'ring-2 ring-red-200' : ''}`}
    >
      {!view.isTrigger && (
        <Handle
          type="target"
          position={Position.Top}
          isConnectable={false}
          className="size-2! border-slate-400! bg-white!"
        />
      )}

      {view.counts && (
        <div
          data-testid="node-count"
          title={`${view.counts.entered} entered · ${view.counts.waitingNow} here now · ${view.counts.exited} ended here`}
          className="absolute -top-3 -right-2 flex items-center gap-1 rounded-full bg-indigo-600 px-2 py-0.5 text-[10px] font-semibold text-white shadow tabular-nums"
        >
          <span>{view.counts.entered}</span>
          {view.counts.waitingNow > 0 && (
            <span className="rounded-full bg-white/25 px-1">{view.counts.waitingNow} here</span>
          )}
        </div>
      )}
      {broken && (
        <div
          data-testid="node-problem-badge"
          title={view.problems.join('\n')}
          className="absolute -top-3 -left-2 rounded-full bg-red-600 px-1.5 py-0.5 text-[10px] font-semibold text-white shadow"
        >
          ⚠ {view.problems.length}
        </div>
      )}

      <div className="flex items-start gap-2 px-2.5 pt-2 pb-1.5">
        <span
          aria-hidden
          className={`grid size-7 shrink-0 place-items-center rounded-md text-sm ${style.tile}`}
        >
          {view.icon}
        </span>
        <div className="min-w-0 flex-1">
          {view.label && (
            <div className="truncate text-[10px] font-medium tracking-wide text-slate-400 uppercase">
              {view.title}
            </div>
          )}
          <div className="line-clamp-2 text-[13px] leading-tight font-semibold text-slate-800">
            {view.label ?? view.title}
          </div>
        </div>
      </div>
      {view.summary && (
        <div
          className="truncate border-t border-slate-100 px-2.5 py-1 font-mono text-[10px] text-slate-500"
          title={view.summary}
        >
          {view.summary}
        </div>
      )}

      {view.ports.length > 1 && (
        <div className="relative h-4">
          {view.ports.map((port, i) => (
            <span
              key={port}
              data-testid="node-port"
              data-port={port}
              style={{ left: slot(i) }}
              className="absolute bottom-0.5 -translate-x-1/2 text-[9px] font-medium text-slate-500"
            >
              {port}
            </span>
          ))}
        </div>
      )}
      {view.ports.map((port, i) => (
        <Handle
          key={port}
          id={port}
          type="source"
          position={Position.Bottom}
          isConnectable={false}
          title={port}
          style={{ left: slot(i) }}
          className="size-2! border-slate-500! bg-slate-500!"
        />
      ))}
    </div>
  );
}
