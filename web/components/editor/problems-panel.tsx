'use client';

import { memo } from 'react';
import type {
  CompileError,
  EditorNodeType,
  JourneyDocument,
  JourneyFacts,
} from '../../lib/editor/types';
import { categoryStyle } from '../canvas/category-style';
import { TemplateWarnings } from '../templates/template-warnings';
import { NodeIcon } from './node-icon';
import { AlertIcon, CheckIcon } from '../icons';

/** Compile problems, each focusing its node when clicked; or the facts of a journey that compiles. */
export const ProblemsPanel = memo(function ProblemsPanel({
  doc,
  types,
  errors,
  facts,
  windowDays,
  checking,
  onFocusNode,
  warnings = [],
}: {
  doc: JourneyDocument;
  types: ReadonlyMap<string, EditorNodeType>;
  errors: CompileError[];
  facts: JourneyFacts | null;
  windowDays: number;
  checking: boolean;
  onFocusNode(nodeId: string): void;
  /** Template registry findings that do not block publishing. */
  warnings?: CompileError[];
}) {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return (
    <div
      data-testid="problems"
      data-count={errors.length}
      data-checking={checking ? 'true' : 'false'}
      className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4"
    >
      {errors.length === 0 ? (
        <div
          data-testid="compile-ok"
          className="flex items-start gap-2.5 rounded-lg bg-emerald-50 px-3 py-2.5 text-sm text-emerald-800"
        >
          <CheckIcon className="mt-0.5 size-4 shrink-0" />
          <span>
            <span className="font-semibold">Ready to publish.</span> The draft compiles: every port
            is wired and every step is reachable.
          </span>
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            <span className="font-semibold text-red-700">
              {errors.length} problem{errors.length === 1 ? '' : 's'}
            </span>{' '}
            to fix before publishing. Click one to go to its step.
          </p>
          <ul className="space-y-1.5">
            {errors.map((e, i) => {
              const node = e.nodeId ? byId.get(e.nodeId) : undefined;
              const type = node ? types.get(node.type) : undefined;
              return (
                <li key={`${e.code}-${e.nodeId ?? ''}-${e.path ?? ''}-${i}`}>
                  <button
                    type="button"
                    data-testid="problem"
                    data-node-id={e.nodeId}
                    data-code={e.code}
                    disabled={!node}
                    onClick={() => node && onFocusNode(node.id)}
                    className="flex w-full items-start gap-2.5 rounded-lg border border-red-100 bg-white px-2.5 py-2 text-left shadow-xs transition enabled:hover:border-red-300 enabled:hover:bg-red-50/50"
                  >
                    {node ? (
                      <span
                        className={`grid size-6 shrink-0 place-items-center rounded-md ${categoryStyle(type?.category ?? 'custom').tile}`}
                      >
                        <NodeIcon
                          type={node.type}
                          category={type?.category ?? 'custom'}
                          className="size-3.5"
                        />
                      </span>
                    ) : (
                      <span className="grid size-6 shrink-0 place-items-center rounded-md bg-red-100 text-red-700">
                        <AlertIcon className="size-3.5" />
                      </span>
                    )}
                    <span className="min-w-0 text-xs">
                      <span className="font-semibold text-slate-800">
                        {node ? (node.label ?? type?.title ?? node.id) : 'Journey'}
                      </span>
                      <span className="mt-0.5 block leading-snug text-red-700">{e.message}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <TemplateWarnings doc={doc} warnings={warnings} onFocusNode={onFocusNode} />

      {facts && (
        <section data-testid="compile-facts">
          <h3 className="mb-2 text-[10.5px] font-semibold tracking-wider text-slate-400 uppercase">
            Per customer, at most
          </h3>
          <dl className="grid grid-cols-2 gap-2">
            <Fact
              label="Messages"
              value={facts.maxMessagesPerCustomer}
              testId="fact-max-messages"
            />
            <Fact label="Steps on a path" value={facts.maxPathLength} testId="fact-path-length" />
            <Fact label="Steps" value={facts.nodeCount} testId="fact-node-count" />
            <Fact label="Window" value={`${windowDays} d`} testId="fact-window" />
          </dl>
          {Object.keys(facts.messageNodesByChannel).length > 0 && (
            <p className="mt-2 text-xs text-slate-500">
              Send steps by channel:{' '}
              {Object.entries(facts.messageNodesByChannel)
                .map(([channel, n]) => `${channel} ${n}`)
                .join(', ')}
            </p>
          )}
        </section>
      )}
    </div>
  );
});

function Fact({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-100">
      <dt className="text-[11px] text-slate-500">{label}</dt>
      <dd data-testid={testId} className="text-lg font-semibold text-slate-800 tabular-nums">
        {value}
      </dd>
    </div>
  );
}
