'use client';

import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Below this zoom, card text is too small to read. */
const READABLE_ZOOM = 0.75;

/**
 * Fits the whole journey when it fits legibly; a long journey instead opens at a readable zoom
 * anchored on its top (the trigger), with the minimap and "fit view" for the rest.
 */
export function InitialViewport() {
  const initialized = useNodesInitialized();
  const { fitView, getNodes, getNodesBounds, setViewport, getZoom } = useReactFlow();
  const width = useStore((s) => s.width);
  const done = useRef(false);

  useEffect(() => {
    if (!initialized || done.current || width === 0) return;
    done.current = true;
    void (async () => {
      await fitView({ padding: 0.1, maxZoom: 1 });
      if (getZoom() >= READABLE_ZOOM) return;
      const bounds = getNodesBounds(getNodes().filter((n) => n.type === 'step'));
      await setViewport({
        zoom: READABLE_ZOOM,
        x: width / 2 - (bounds.x + bounds.width / 2) * READABLE_ZOOM,
        y: 32 - bounds.y * READABLE_ZOOM,
      });
    })();
  }, [initialized, width, fitView, getNodes, getNodesBounds, setViewport, getZoom]);
  return null;
}
