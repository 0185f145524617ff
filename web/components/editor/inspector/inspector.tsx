'use client';

// The inspector: the selected step's generated config form (plus label), a note's text, a
// multi-selection's actions, or — with nothing selected — the journey's own settings.
import { memo, useMemo } from 'react';
import { noteIdOf, updateNode, updateNoteText } from '../../../lib/editor/document-ops';
import { schemaToForm } from '../../../lib/editor/schema-form';
import { TEMPLATE_HINTS, type RuleContext } from '../../../lib/editor/suggestions';
import type {
  CompileError,
  EditorNodeType,
  JourneyDocument,
  JourneyNode,
} from '../../../lib/editor/types';
import { categoryStyle } from '../../canvas/category-style';
import { NodeIcon } from '../node-icon';
import { AlertIcon, CopyIcon, TrashIcon } from '../../icons';
import { ConfigForm } from './config-form';
import { Field, inputClass, TextInput } from './controls';
import { JourneySettings } from './journey-settings';
import {
  templateOptions,
  useRegistryTemplates,
  withUsualSources,
} from '../../templates/registry-options';

export interface InspectorProps {
  doc: JourneyDocument;
  /** Selected node keys (steps and `note:` notes). */
  selectedNodes: string[];
  types: ReadonlyMap<string, EditorNodeType>;
  errors: CompileError[];
  readOnly: boolean;
  onCommit(next: JourneyDocument, options?: { coalesce?: string }): void;
  onDelete(): void;
  onCopy(): void;
}

const stripPrefix = (text: string, prefix: string) =>
  text.startsWith(prefix) ? text.slice(prefix.length) : text;

function ruleContextOf(type: EditorNodeType | undefined): RuleContext {
  if (type?.role === 'entry') return 'trigger';
  const props = type?.configSchema.properties;
  if (props && typeof props === 'object' && 'event' in props) return 'event';
  return 'condition';
}

export const Inspector = memo(function Inspector(props: InspectorProps) {
  const { doc, selectedNodes, readOnly } = props;
  const stepIds = selectedNodes.filter((k) => !k.startsWith('note:'));
  const noteKeys = selectedNodes.filter((k) => k.startsWith('note:'));
  const node =
    stepIds.length === 1 && noteKeys.length === 0
      ? doc.nodes.find((n) => n.id === stepIds[0])
      : undefined;
  const note =
    noteKeys.length === 1 && stepIds.length === 0
      ? doc.notes.find((n) => n.id === noteIdOf(noteKeys[0] ?? ''))
      : undefined;

  return (
    <div data-testid="inspector" className="flex min-h-0 flex-1 flex-col">
      <fieldset disabled={readOnly} className="min-h-0 flex-1 overflow-y-auto">
        {node ? (
          <NodeInspector key={node.id} node={node} {...props} />
        ) : note ? (
          <div className="space-y-3 p-4" data-testid="note-inspector">
            <h2 className="text-sm font-semibold text-slate-800">Sticky note</h2>
            <textarea
              aria-label="Note text"
              value={note.text}
              rows={6}
              onChange={(e) =>
                props.onCommit(updateNoteText(doc, note.id, e.target.value), {
                  coalesce: `note:${note.id}`,
                })
              }
              className={`${inputClass} bg-amber-50`}
            />
            <p className="text-xs text-slate-500">
              Notes are for people reading the canvas; they do nothing when the journey runs.
            </p>
          </div>
        ) : selectedNodes.length > 1 ? (
          <div className="space-y-3 p-4" data-testid="multi-inspector">
            <h2 className="text-sm font-semibold text-slate-800">
              {selectedNodes.length} items selected
            </h2>
            <p className="text-xs text-slate-500">
              Drag any of them to move them together. Copy with Ctrl+C and paste into this or
              another journey with Ctrl+V.
            </p>
            {!readOnly && (
              <div className="flex gap-2">
                <ActionButton onClick={props.onCopy} icon={<CopyIcon className="size-3.5" />}>
                  Copy
                </ActionButton>
                <ActionButton
                  danger
                  onClick={props.onDelete}
                  icon={<TrashIcon className="size-3.5" />}
                >
                  Delete
                </ActionButton>
              </div>
            )}
          </div>
        ) : (
          <JourneySettings doc={doc} onCommit={props.onCommit} errors={props.errors} />
        )}
      </fieldset>
    </div>
  );
});

function ActionButton({
  children,
  onClick,
  icon,
  danger,
  testId,
}: {
  children: string;
  onClick(): void;
  icon: React.ReactNode;
  danger?: boolean;
  testId?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={testId}
      className={`inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-xs font-medium shadow-xs transition ${
        danger
          ? 'border-red-200 bg-white text-red-700 hover:bg-red-50'
          : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
      }`}
    >
      {icon}
      {children}
    </button>
  );
}

/** Descriptions mark ports and paths with `backticks`: show those as code. */
function WithCode({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <code
            key={i}
            className="rounded bg-slate-100 px-1 font-mono text-[10.5px] text-slate-700"
          >
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function NodeInspector({
  node,
  doc,
  types,
  errors,
  readOnly,
  onCommit,
  onDelete,
}: InspectorProps & { node: JourneyNode }) {
  const type = types.get(node.type);
  const model = useMemo(() => (type ? schemaToForm(type.configSchema) : null), [type]);
  const nodeErrors = errors.filter((e) => e.nodeId === node.id);
  const fieldErrors = nodeErrors.flatMap((e) =>
    e.code === 'config_invalid' && e.path !== undefined
      ? [{ path: e.path, message: stripPrefix(e.message, `${type?.title ?? ''}: ${e.path}: `) }]
      : [],
  );
  const registry = useRegistryTemplates();
  const channel: unknown =
    typeof node.config === 'object' && node.config !== null
      ? Reflect.get(node.config, 'channel')
      : undefined;
  const templates = useMemo(() => {
    const used = doc.nodes.flatMap((n) => {
      const c = n.config;
      const t = typeof c === 'object' && c !== null ? Reflect.get(c, 'templateId') : undefined;
      return typeof t === 'string' && t ? [t] : [];
    });
    // Registered templates of the step's channel first (a send step defaults to WhatsApp).
    const on =
      node.type === 'message.send'
        ? typeof channel === 'string'
          ? channel
          : 'whatsapp'
        : undefined;
    return templateOptions(on ? registry : [], on, TEMPLATE_HINTS, used);
  }, [doc.nodes, registry, channel, node.type]);
  const category = type?.category ?? 'custom';
  const style = categoryStyle(category);

  return (
    <div data-node-id={node.id} data-node-type={node.type} className="divide-y divide-slate-100">
      <div className="flex items-start gap-3 p-4">
        <span className={`grid size-9 shrink-0 place-items-center rounded-lg ${style.tile}`}>
          <NodeIcon type={node.type} category={category} className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-slate-900">{type?.title ?? node.type}</h2>
          <p className="mt-0.5 text-xs leading-snug text-slate-500">
            {type ? (
              <WithCode text={type.description} />
            ) : (
              'This node type is not registered on the server.'
            )}
          </p>
          <p className="mt-1 font-mono text-[10.5px] text-slate-400">
            id {node.id} · {node.type}
          </p>
        </div>
      </div>

      {nodeErrors.length > 0 && (
        <div data-testid="node-problems" className="space-y-1 bg-red-50/70 px-4 py-3">
          {nodeErrors.map((e, i) => (
            <p key={i} className="flex gap-1.5 text-xs text-red-700">
              <AlertIcon className="mt-px size-3.5 shrink-0" />
              <span>{e.message}</span>
            </p>
          ))}
        </div>
      )}

      <div className="space-y-4 p-4">
        <Field
          field="label"
          label="Label"
          htmlFor={`label-${node.id}`}
          hint="Shown on the canvas, the timeline and in analytics."
        >
          <TextInput
            id={`label-${node.id}`}
            value={node.label ?? ''}
            placeholder={type?.title ?? 'Label'}
            onChange={(label) =>
              onCommit(updateNode(doc, node.id, { label }), { coalesce: `label:${node.id}` })
            }
          />
        </Field>
        {model ? (
          <ConfigForm
            model={model}
            value={node.config}
            ctx={{
              ruleContext: ruleContextOf(type),
              templates,
              errors: fieldErrors,
              example: type?.example,
              idPrefix: `cfg-${node.id}`,
            }}
            onChange={(config, key) =>
              onCommit(
                updateNode(doc, node.id, {
                  // Picking a registered template maps its variables to their usual sources.
                  config:
                    key === 'templateId' && node.type === 'message.send'
                      ? withUsualSources(
                          config,
                          registry.find((t) => t.id === config.templateId),
                        )
                      : config,
                }),
                { coalesce: `config:${node.id}:${key}` },
              )
            }
          />
        ) : (
          <pre className="overflow-auto rounded-md bg-slate-900 p-2 font-mono text-[11px] text-slate-100">
            {JSON.stringify(node.config, null, 2)}
          </pre>
        )}
      </div>

      {!readOnly && (
        <div className="flex justify-end p-4">
          <ActionButton
            danger
            testId="delete-node"
            onClick={onDelete}
            icon={<TrashIcon className="size-3.5" />}
          >
            Delete step
          </ActionButton>
        </div>
      )}
    </div>
  );
}
