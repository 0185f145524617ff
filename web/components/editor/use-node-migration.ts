'use client';

import type { DocumentMigration } from '@yatra/nodes';
import { useEffect, useRef } from 'react';
import type { JourneyDocument } from '../../lib/editor/types';
import type { ToastTone } from './toasts';

/** "send_1 (acme.webhook v1 → v2)" for each upgraded node. */
export function describeMigration(migration: DocumentMigration): string {
  const steps = migration.migrated.map((m) => `${m.nodeId} (${m.type} v${m.from} → v${m.to})`);
  const s = steps.length === 1 ? '' : 's';
  return `Upgraded ${steps.length} step${s} to the newest node version: ${steps.join(', ')}. Undo with Ctrl+Z.`;
}

/**
 * When a draft opens with configs written for older node versions, the server has already run
 * each node type's `migrate` (migrateDocument); this applies the result once as one undoable edit
 * (autosaved like any other) and says so. Nodes that could not be migrated keep their version.
 */
export function useNodeMigration(
  migration: DocumentMigration | null | undefined,
  commit: (doc: JourneyDocument) => void,
  toast: (text: string, tone?: ToastTone) => void,
): void {
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !migration) return;
    applied.current = true;
    if (migration.migrated.length > 0) {
      commit(migration.document);
      toast(describeMigration(migration), 'info');
    }
    for (const p of migration.problems)
      toast(`${p.nodeId} stays on ${p.type} v${p.from}: ${p.message}`, 'error');
  }, [migration, commit, toast]);
}
