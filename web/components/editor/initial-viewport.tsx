'use client';

import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Below this zoom, card text is too small to read. */
const READABLE_ZOOM = 0.7;

/**
 * Fits the whole journey when it fits legibly; a long journey opens at a readable zoom anchored
 * on its top (the trigger), with the minimap and "fit view" for the rest. Marks
 * `yatra:canvas-ready` (performance timeline) once the first view is set: the bench reads it.
 */
export function InitialViewport({ empty }: { empty: boolean }) {
  const initialized = useNodesInitialized();
  const { fitView, getNodes, getNodesBounds, setViewport, getZoom } = useReactFlow();
  const width = useStore((s) => s.width);
  const done = useRef(false);

  useEffect(() => {
    if (done.current || width === 0) return;
    if (empty) {
      done.current = true;
      void setViewport({ x: width / 2 - 110, y: 80, zoom: 1 });
      performance.mark('yatra:canvas-ready');
      return;
    }
    if (!initialized) return;
    done.current = true;
    void (async () => {
      await fitView({ padding: 0.12, maxZoom: 1 });
      if (getZoom() < READABLE_ZOOM) {
        const bounds = getNodesBounds(getNodes().filter((n) => n.type === 'step'));
        await setViewport({
          zoom: READABLE_ZOOM,
          x: width / 2 - (bounds.x + bounds.width / 2) * READABLE_ZOOM,
          y: 40 - bounds.y * READABLE_ZOOM,
        });
      }
      requestAnimationFrame(() => performance.mark('yatra:canvas-ready'));
    })();
  }, [initialized, empty, width, fitView, getNodes, getNodesBounds, setViewport, getZoom]);
  return null;
}
