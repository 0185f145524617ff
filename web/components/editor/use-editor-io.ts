'use client';

// The editor's conversation with the server: validation on every change (debounced) and
// autosave of the draft (debounced, one request at a time, retried on failure).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JourneyDocument, ValidationReport } from '../../lib/editor/types';
import { saveJourney, validateJourney } from './api';

const VALIDATE_DELAY_MS = 150;
const SAVE_DELAY_MS = 700;
const RETRY_MS = 4_000;

/**
 * Compile problems of the current document. The server compiles (POST /api/journeys/validate)
 * with its own node registry, which also knows custom node types the browser never loads, and
 * answers the ports each config declares; on localhost that takes a few milliseconds.
 */
export function useValidation(doc: JourneyDocument, initial: ValidationReport, enabled: boolean) {
  const [report, setReport] = useState(initial);
  const [checking, setChecking] = useState(false);
  const validated = useRef<JourneyDocument>(doc);

  useEffect(() => {
    if (!enabled || doc === validated.current) return;
    setChecking(true);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      validateJourney(doc, controller.signal)
        .then((next) => {
          validated.current = doc;
          setReport(next);
          setChecking(false);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          console.warn('[editor] validation failed', error);
          setChecking(false);
        });
    }, VALIDATE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [doc, enabled]);

  return { report, checking };
}

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

/** Saves the draft a moment after each change; `flush()` saves now (before publishing). */
export function useAutosave(journeyId: string, doc: JourneyDocument, enabled: boolean) {
  const saved = useRef<JourneyDocument>(doc);
  const latest = useRef(doc);
  latest.current = doc;
  const inflight = useRef<Promise<boolean> | null>(null);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [, setTick] = useState(0);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    const target = latest.current;
    if (target === saved.current) return true;
    const run = (async () => {
      setSaving(true);
      try {
        await saveJourney(journeyId, target);
        saved.current = target;
        setFailed(null);
        setSavedAt(new Date());
        return true;
      } catch (error) {
        setFailed(error instanceof Error ? error.message : String(error));
        return false;
      } finally {
        setSaving(false);
        setTick((t) => t + 1);
      }
    })();
    inflight.current = run;
    try {
      return await run;
    } finally {
      inflight.current = null;
    }
  }, [journeyId]);

  useEffect(() => {
    if (!enabled || doc === saved.current) return;
    const timer = setTimeout(() => void saveOnce(), failed ? RETRY_MS : SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, enabled, failed, saveOnce, saving]);

  useEffect(() => {
    if (!enabled) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [enabled]);

  /** Saves what is on screen now; true once the server has it. */
  const flush = useCallback(async () => {
    let ok = await saveOnce();
    while (ok && latest.current !== saved.current) ok = await saveOnce();
    return ok;
  }, [saveOnce]);

  const state: SaveState =
    doc === saved.current ? 'saved' : saving ? 'saving' : failed ? 'error' : 'unsaved';
  return { state, error: failed, savedAt, flush };
}
