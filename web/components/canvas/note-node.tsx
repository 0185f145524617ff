'use client';

import type { Node, NodeProps } from '@xyflow/react';

export type NoteNodeType = Node<{ text: string }, 'note'>;

/** A sticky note: commentary on the canvas, not part of the journey. */
export function NoteNode({ id, data }: NodeProps<NoteNodeType>) {
  return (
    <div
      data-testid="canvas-note"
      data-note-id={id}
      className="w-48 rotate-[-1deg] rounded-sm border border-yellow-300 bg-yellow-100 p-3 text-xs whitespace-pre-wrap text-yellow-900 shadow"
    >
      {data.text}
    </div>
  );
}
