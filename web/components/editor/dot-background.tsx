'use client';

import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';

const GAP = 20;
const selector = (s: ReactFlowState) => s.transform;

/**
 * The dotted canvas background, drawn so that panning never repaints it: one periodic layer, a
 * tile larger than the view, moved with a compositor transform modulo the dot spacing. (React
 * Flow's SVG pattern background is re-rasterized on every pan frame, which on a two-core
 * machine without a GPU costs a third of the frame budget.) Zooming changes the spacing and
 * repaints once.
 */
export const DotBackground = memo(function DotBackground() {
  const [x, y, zoom] = useStore(selector);
  const gap = GAP * zoom;
  const radius = Math.max(0.5, 1.1 * Math.min(zoom, 1.4));
  const offset = (v: number) => ((v % gap) + gap) % gap;
  return (
    <div aria-hidden className="react-flow__background react-flow__container overflow-hidden">
      <div
        data-testid="dot-background"
        style={{
          position: 'absolute',
          left: -gap,
          top: -gap,
          width: `calc(100% + ${2 * gap}px)`,
          height: `calc(100% + ${2 * gap}px)`,
          backgroundImage: `radial-gradient(circle at ${gap / 2}px ${gap / 2}px, #cbd5e1 ${radius}px, transparent ${radius + 0.6}px)`,
          backgroundSize: `${gap}px ${gap}px`,
          transform: `translate3d(${offset(x) - gap / 2}px, ${offset(y) - gap / 2}px, 0)`,
          willChange: 'transform',
        }}
      />
    </div>
  );
});
