'use client';

// The Simulate tab: a sample customer, the event they enter with and scripted events on the days
// after, run on the server through simulate() — the step function production runs — against the
// document on screen. The path lights up on the canvas; the timeline lists every step.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  buildSimulateBody,
  issuesBySection,
  type FormIssue,
  type ScriptRow,
  type SimulationForm,
} from '../../../lib/editor/simulation-form';
import {
  CUSTOMER_PRESETS,
  defaultScript,
  entryProperties,
  scriptedProperties,
} from '../../../lib/editor/simulation-presets';
import type { SimulationView } from '../../../lib/editor/simulation';
import type { JourneyDocument } from '../../../lib/editor/types';
import { ApiError, simulateJourney } from '../api';
import { PlayIcon } from '../../icons';
import { CustomerSection, CUSTOM_PRESET, EntrySection, ScriptSection } from './simulate-inputs';
import { SimulationResults } from './simulate-results';

export interface SimulationRun {
  view: SimulationView;
  /** The document it ran: the highlight is stale once the canvas moves on. */
  doc: JourneyDocument;
}

export interface SimulatePanelProps {
  journeyId: string;
  doc: JourneyDocument;
  /** The trigger's event, to prefill the entry event. */
  triggerEvent: string | null;
  run: SimulationRun | null;
  selectedNode: string | null;
  onRun(run: SimulationRun | null): void;
  onFocusNode(nodeId: string): void;
  onShowProblems(): void;
}

const json = (v: unknown) => JSON.stringify(v, null, 2);
const oneLine = (v: unknown) => JSON.stringify(v);

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v } : null;
  } catch {
    return null;
  }
}

function initialForm(trigger: string | null): SimulationForm {
  const preset = CUSTOMER_PRESETS[0];
  const type = trigger ?? 'order.placed';
  const entry = entryProperties(type, preset?.paymentMethod ?? 'cod');
  return {
    customerText: json(preset?.customer ?? { id: 'sim_customer' }),
    entryType: type,
    entryPropertiesText: json(entry),
    enterAt: '2026-01-05T10:00',
    events: defaultScript(type).map((e, i) => ({
      key: i + 1,
      day: e.day,
      type: e.type,
      propertiesText: oneLine(scriptedProperties(e.type, entry)),
    })),
  };
}

type Failure =
  | { kind: 'fields'; issues: FormIssue[] }
  | { kind: 'compile'; messages: string[] }
  | { kind: 'other'; message: string };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The answer's `{ path, message }` rows under `key` (`issues` of a 400, `errors` of a 422). */
function rows(body: unknown, key: string): { path: string; message: string }[] {
  const list = isObj(body) ? body[key] : undefined;
  return (Array.isArray(list) ? list : []).flatMap((e) =>
    isObj(e) && typeof e.message === 'string'
      ? [{ path: typeof e.path === 'string' ? e.path : '', message: e.message }]
      : [],
  );
}

function failureOf(error: unknown): Failure {
  if (error instanceof ApiError && error.status === 422) {
    return { kind: 'compile', messages: rows(error.body, 'errors').map((e) => e.message) };
  }
  if (error instanceof ApiError && error.status === 400 && rows(error.body, 'issues').length > 0) {
    return { kind: 'fields', issues: rows(error.body, 'issues') };
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

export function SimulatePanel(props: SimulatePanelProps) {
  const { journeyId, doc, run, onRun } = props;
  const [form, setForm] = useState(() => initialForm(props.triggerEvent));
  const [preset, setPreset] = useState(CUSTOMER_PRESETS[0]?.id ?? CUSTOM_PRESET);
  const [open, setOpen] = useState({ customer: false, entry: false });
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const nextKey = useRef(100);
  const inflight = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => () => inflight.current?.abort(), []);

  const edit = useCallback((patch: Partial<SimulationForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setFailure((x) => (x?.kind === 'fields' ? null : x));
  }, []);

  const customer = useMemo(() => parseObject(form.customerText), [form.customerText]);
  const timeZone = typeof customer?.timeZone === 'string' ? customer.timeZone : 'Asia/Kolkata';
  const summary = customer
    ? [customer.name, customer.language, timeZone, customer.id]
        .filter((v) => typeof v === 'string' && v)
        .join(' · ')
    : 'The JSON below is not valid yet.';

  const choosePreset = (id: string) => {
    setPreset(id);
    const p = CUSTOMER_PRESETS.find((c) => c.id === id);
    if (!p) return setOpen((o) => ({ ...o, customer: true }));
    const entry = parseObject(form.entryPropertiesText);
    edit({
      customerText: json(p.customer),
      ...(entry && form.entryType === 'order.placed'
        ? { entryPropertiesText: json({ ...entry, paymentMethod: p.paymentMethod }) }
        : {}),
    });
  };
  const chooseEntryType = (type: string) => {
    const pm = CUSTOMER_PRESETS.find((c) => c.id === preset)?.paymentMethod ?? 'cod';
    const untouched = form.entryPropertiesText === json(entryProperties(form.entryType, pm));
    edit({
      entryType: type,
      ...(untouched ? { entryPropertiesText: json(entryProperties(type, pm)) } : {}),
    });
  };
  const changeRow = (key: number, patch: Partial<ScriptRow>) => {
    const entry = parseObject(form.entryPropertiesText) ?? {};
    edit({
      events: form.events.map((r) => {
        if (r.key !== key) return r;
        const untouched = r.propertiesText === oneLine(scriptedProperties(r.type, entry));
        const next = { ...r, ...patch };
        return patch.type !== undefined && untouched
          ? { ...next, propertiesText: oneLine(scriptedProperties(patch.type, entry)) }
          : next;
      }),
    });
  };
  const addRow = () => {
    const last = form.events.at(-1);
    const type = last ? 'order.placed' : 'order.delivered';
    const entry = parseObject(form.entryPropertiesText) ?? {};
    edit({
      events: [
        ...form.events,
        {
          key: nextKey.current++,
          day: last?.day !== undefined ? last.day + 7 : 3,
          type,
          propertiesText: oneLine(scriptedProperties(type, entry)),
        },
      ],
    });
  };

  const simulate = async () => {
    const built = buildSimulateBody(form);
    if (!built.ok) {
      setFailure({ kind: 'fields', issues: built.issues });
      return;
    }
    inflight.current?.abort();
    const controller = (inflight.current = new AbortController());
    setRunning(true);
    setFailure(null);
    const sent = doc;
    try {
      const view = await simulateJourney(
        journeyId,
        { ...built.body, document: sent },
        controller.signal,
      );
      onRun({ view, doc: sent });
      // Scroll the panel only (scrollIntoView would also scroll the page behind it).
      requestAnimationFrame(() => {
        const top = (resultRef.current?.offsetTop ?? 0) - 12;
        scroller.current?.scrollTo({ top, behavior: 'smooth' });
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      setFailure(failureOf(error));
    } finally {
      if (inflight.current === controller) setRunning(false);
    }
  };

  const problems = useMemo(
    () => issuesBySection(failure?.kind === 'fields' ? failure.issues : []),
    [failure],
  );
  const requestProblems = problems.get('request');

  return (
    <div
      ref={scroller}
      data-testid="simulate"
      className="relative min-h-0 flex-1 space-y-5 overflow-y-auto p-4"
    >
      <p className="text-xs leading-relaxed text-slate-500">
        Runs one customer through the whole {doc.window.days}-day window in a second, with the same
        step function as production, on the journey as the canvas shows it. Nothing is stored or
        sent.
      </p>
      <CustomerSection
        preset={preset}
        onPreset={choosePreset}
        text={form.customerText}
        onText={(customerText) => {
          setPreset(CUSTOM_PRESET);
          edit({ customerText });
        }}
        summary={summary}
        problems={problems.get('customer')}
        open={open.customer}
        onToggle={(customerOpen) => setOpen((o) => ({ ...o, customer: customerOpen }))}
      />
      <EntrySection
        type={form.entryType}
        onType={chooseEntryType}
        enterAt={form.enterAt}
        onEnterAt={(enterAt) => edit({ enterAt })}
        timeZone={timeZone}
        propertiesText={form.entryPropertiesText}
        onProperties={(entryPropertiesText) => edit({ entryPropertiesText })}
        problems={problems.get('entry')}
        open={open.entry}
        onToggle={(entryOpen) => setOpen((o) => ({ ...o, entry: entryOpen }))}
      />
      <ScriptSection
        rows={form.events}
        problems={problems}
        onChange={changeRow}
        onAdd={addRow}
        onRemove={(key) => edit({ events: form.events.filter((r) => r.key !== key) })}
      />

      <div className="space-y-2">
        <button
          type="button"
          data-testid="simulate-run"
          disabled={running}
          aria-busy={running}
          onClick={() => void simulate()}
          className="inline-flex w-full items-center justify-center gap-2 rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm transition hover:bg-indigo-500 disabled:opacity-70"
        >
          {running ? (
            <span
              data-testid="simulate-running"
              aria-hidden
              className="size-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white"
            />
          ) : (
            <PlayIcon className="size-4" />
          )}
          {running ? 'Simulating…' : run ? 'Run again' : 'Run simulation'}
        </button>
        <div role="alert" aria-live="assertive">
          {failure && (
            <div
              data-testid="simulate-error"
              data-kind={failure.kind}
              className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 ring-1 ring-red-200"
            >
              {failure.kind === 'fields' && (
                <p>
                  Fix the field{failure.issues.length === 1 ? '' : 's'} marked above
                  {requestProblems ? `: ${requestProblems.join('; ')}` : '.'}
                </p>
              )}
              {failure.kind === 'compile' && (
                <>
                  <p className="font-semibold">
                    The journey does not compile, so it cannot run yet:
                  </p>
                  <ul className="mt-1 list-disc space-y-0.5 pl-4">
                    {failure.messages.slice(0, 5).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                  <button
                    type="button"
                    onClick={props.onShowProblems}
                    className="mt-1.5 font-semibold text-red-900 underline"
                  >
                    Show the problems
                  </button>
                </>
              )}
              {failure.kind === 'other' && (
                <p>
                  The simulation failed: {failure.message}. Check the server is running and try
                  again.
                </p>
              )}
            </div>
          )}
        </div>
      </div>

      <p className="sr-only" aria-live="polite">
        {running
          ? 'Simulating…'
          : run
            ? `Simulation done: exits on day ${run.view.exit.day} (${run.view.exit.reason}), ${run.view.messageCount} messages.`
            : ''}
      </p>
      <div ref={resultRef} aria-busy={running}>
        {run && (
          <SimulationResults
            view={run.view}
            stale={run.doc !== doc}
            selectedNode={props.selectedNode}
            onFocusNode={props.onFocusNode}
            onClear={() => onRun(null)}
          />
        )}
      </div>
    </div>
  );
}
