'use client';

import { useState } from 'react';
import type { CanvasView } from '../../lib/canvas/types';
import { JourneyCanvas } from './journey-canvas';
import { JourneyPanel, type JourneyPanelProps } from './journey-panel';

/** Canvas plus side panel, sharing which step is selected. */
export function JourneyWorkspace(
  props: Omit<JourneyPanelProps, 'selectedId' | 'onSelect' | 'view'> & { view: CanvasView | null },
) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <div className="flex min-h-0 flex-1">
      <div className="relative min-w-0 flex-1 bg-slate-50" data-testid="journey-canvas">
        {props.view ? (
          <JourneyCanvas view={props.view} selectedId={selectedId} onSelect={setSelectedId} />
        ) : (
          <div className="grid h-full place-items-center p-8 text-center text-sm text-slate-500">
            This draft is not a valid journey document, so it cannot be drawn. The problems are
            listed on the right.
          </div>
        )}
      </div>
      <JourneyPanel {...props} selectedId={selectedId} onSelect={setSelectedId} />
    </div>
  );
}
