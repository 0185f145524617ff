import type { CompileError, JourneyDocument } from '../../lib/editor/types';

/**
 * Findings of the template registry that do not block publishing (an unregistered template, a
 * category that differs from the registry's…), each focusing its step when clicked.
 */
export function TemplateWarnings({
  doc,
  warnings,
  onFocusNode,
}: {
  doc: JourneyDocument;
  warnings: CompileError[];
  onFocusNode(nodeId: string): void;
}) {
  if (warnings.length === 0) return null;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return (
    <section data-testid="template-warnings" data-count={warnings.length}>
      <h3 className="mb-2 text-[10.5px] font-semibold tracking-wider text-amber-700 uppercase">
        Templates: worth a look
      </h3>
      <ul className="space-y-1.5">
        {warnings.map((w, i) => {
          const node = w.nodeId ? byId.get(w.nodeId) : undefined;
          return (
            <li key={`${w.code}-${w.nodeId ?? ''}-${i}`}>
              <button
                type="button"
                data-testid="template-warning"
                data-node-id={w.nodeId}
                data-code={w.code}
                disabled={!node}
                onClick={() => node && onFocusNode(node.id)}
                className="w-full rounded-lg border border-amber-200 bg-amber-50/60 px-2.5 py-2 text-left text-xs shadow-xs enabled:hover:border-amber-300"
              >
                <span className="font-semibold text-slate-800">
                  {node ? (node.label ?? node.id) : 'Journey'}
                </span>
                <span className="mt-0.5 block leading-snug text-amber-800">{w.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
