import path from 'node:path';
import { compile, type CompileError, type CompileResult } from '@yatra/nodes';
import { nodeRegistry } from '@yatra/worker/node-registry';
import { readJsonFile } from './io';

export interface LoadedJourney {
  /** The document as read (with `name` replaced when a name override was given). */
  document: unknown;
  /** The document's name, or the file name when the document has none. */
  name: string;
  result: CompileResult;
}

/**
 * Reads a journey document and compiles it with the built-in node registry.
 * @example const { name, result } = loadJourney('examples/journeys/post-purchase-45.json');
 */
export function loadJourney(file: string, options: { name?: string } = {}): LoadedJourney {
  const raw = readJsonFile(file, 'journey');
  const document =
    options.name !== undefined && isRecord(raw) ? { ...raw, name: options.name } : raw;
  const docName =
    isRecord(document) && typeof document.name === 'string' && document.name !== ''
      ? document.name
      : undefined;
  return {
    document,
    name: docName ?? path.basename(file),
    result: compile(document, nodeRegistry),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where an error belongs: its node, else its edge, else the journey as a whole. */
export function errorSubject(error: CompileError): string {
  if (error.nodeId) return error.nodeId;
  if (error.edgeIndex !== undefined) return `edge ${error.edgeIndex + 1}`;
  return 'journey';
}

/**
 * One line per error, `<nodeId>: <message>`, grouped by node in the order nodes first appear.
 * @example formatCompileErrors(errors) // ['confirm: Send message: templateId: Too small…', …]
 */
export function formatCompileErrors(errors: readonly CompileError[]): string[] {
  const groups = new Map<string, string[]>();
  for (const error of errors) {
    const subject = errorSubject(error);
    const lines = groups.get(subject) ?? [];
    lines.push(`${subject}: ${error.message}`);
    groups.set(subject, lines);
  }
  return [...groups.values()].flat();
}
