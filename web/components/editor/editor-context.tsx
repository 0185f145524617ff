'use client';

// Actions node components call without receiving callbacks through node data (which would
// change the data object, and so redraw, on every render).
import { createContext, useContext } from 'react';

export interface CanvasActions {
  updateNoteText(noteId: string, text: string): void;
  removeEdge(edgeId: string): void;
}

const noop: CanvasActions = { updateNoteText: () => {}, removeEdge: () => {} };

export const CanvasActionsContext = createContext<CanvasActions>(noop);

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}
