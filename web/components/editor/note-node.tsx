'use client';

import type { NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { noteIdOf } from '../../lib/editor/document-ops';
import type { NoteFlowNode } from '../../lib/editor/flow-mapping';
import { useCanvasActions } from './editor-context';

/** A sticky note: commentary on the canvas, stored in the document's `notes`. Double-click to edit. */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const { note, readOnly } = data;
  const actions = useCanvasActions();
  const [editing, setEditing] = useState(note.text === '' && !readOnly);
  const [text, setText] = useState(note.text);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing) setText(note.text);
  }, [note.text, editing]);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);
  const finish = () => {
    setEditing(false);
    if (text !== note.text) actions.updateNoteText(noteIdOf(id), text);
  };
  return (
    <div
      data-testid="canvas-note"
      data-note-id={noteIdOf(id)}
      onDoubleClick={() => !readOnly && setEditing(true)}
      className={`w-52 rounded-md border bg-amber-100 p-3 text-xs text-amber-950 shadow-md ${
        selected ? 'border-amber-500 ring-2 ring-amber-400/40' : 'border-amber-200'
      }`}
    >
      {editing ? (
        <textarea
          ref={area}
          aria-label="Note text"
          data-testid="note-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={finish}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
              e.preventDefault();
              finish();
            }
          }}
          rows={4}
          placeholder="Write a note…"
          className="nodrag nowheel block w-full resize-none bg-transparent leading-relaxed outline-none placeholder:text-amber-700/50"
        />
      ) : (
        <p className="min-h-10 leading-relaxed whitespace-pre-wrap">
          {note.text || <span className="text-amber-700/60 italic">Double-click to write</span>}
        </p>
      )}
    </div>
  );
});
