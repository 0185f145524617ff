// `npm run bench -- send [--sends N] [--clients N] [--customers N] [--marketing PERCENT]`
//
// Sends per second through the whole send pipeline — rules (consent, WhatsApp window, quiet
// hours, frequency cap under its per-customer lock), the decision record for a stop, template
// resolution, the `queued` outbox row, the sandbox provider, the `sent` update — on one embedded
// PostgreSQL, from N concurrent clients (one pooled connection each). The sends are what a busy
// hour looks like: mostly utility, some marketing (half the customers granted it, so the consent
// rule and the cap stop some). Goal (reported, not asserted): ≥ 500 sends/s.
// Progress goes to stderr; stdout gets the table and, last, one JSON line.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setConsent, upsertCustomer } from '@yatra/db';
import type { OutboundMessage, SendResult } from '@yatra/nodes';
import { createSandboxChannel } from '@yatra/worker/channels/sandbox-channel';
import { stepScope, testCustomer } from '@yatra/worker/sending/testing';
import { Shutdown } from '../scripts/lib/processes';
import { cpuMeter } from './engine/cpu';
import { startBenchDb } from './lib/bench-db';
import { parseFlags } from './lib/flags';
import { percentile, round } from './lib/stats';
import { table } from './lib/table';

const parseOptions = (args: string[]) =>
  parseFlags(args, {
    bench: 'send',
    defaults: { sends: 10_000, clients: 16, customers: 2_000, marketing: 30 },
    flags: {
      '--sends': 'sends',
      '--clients': 'clients',
      '--customers': 'customers',
      '--marketing': 'marketing',
    },
    usage: '[--sends N] [--clients N] [--customers N] [--marketing PERCENT] (whole numbers ≥ 1)',
  });

const GOAL_SENDS_PER_S = 500;
const CORES = os.availableParallelism();
// 10:00 IST: outside quiet hours, so marketing is not deferred (a deferral costs no provider call).
const SEND_AT = new Date('2026-03-02T04:30:00Z');

const progress = (line: string) => process.stderr.write(`[bench:send] ${line}\n`);

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const shutdown = new Shutdown();
  shutdown.installSignalHandlers();
  try {
    const { db, dataDir } = await startBenchDb(shutdown, options.clients + 1, progress);

    progress(`${options.customers} customers, half of them granted WhatsApp marketing…`);
    const customers = Array.from({ length: options.customers }, (_, i) =>
      testCustomer(`bench-${i}`),
    );
    for (const [i, c] of customers.entries()) {
      await upsertCustomer(db, { id: c.id, phone: c.phone, email: c.email });
      if (i % 2 === 0) {
        await setConsent(db, {
          customerId: c.id,
          channel: 'whatsapp',
          purpose: 'marketing',
          granted: true,
          source: 'bench',
          at: new Date(0),
        });
      }
    }
    const channels = createSandboxChannel(db);
    const message = (i: number): OutboundMessage => ({
      channel: 'whatsapp',
      templateId: i % 100 < options.marketing ? 'weekend_offer' : 'order_update',
      category: i % 100 < options.marketing ? 'marketing' : 'utility',
      variables: { name: 'Asha', orderId: `o-${i}` },
    });
    const sendOne = (i: number) => {
      const customer = customers[(i * 7919) % customers.length] ?? customers[0]!;
      return channels.forStep(stepScope(customer, SEND_AT)).send(message(i));
    };

    progress('warm-up…');
    await Promise.all(Array.from({ length: 200 }, (_, i) => sendOne(options.sends + i)));

    progress(`${options.sends} sends from ${options.clients} clients…`);
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    let issued = 0;
    const client = async () => {
      while (issued < options.sends) {
        const i = issued++;
        const started = performance.now();
        const result: SendResult = await sendOne(i);
        latencies.push(performance.now() - started);
        const label = result.status === 'sent' ? 'sent' : `${result.status} (${result.rule})`;
        outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
      }
    };
    const cpu = cpuMeter({ temporalPort: -1, pgDataDir: dataDir });
    const cpuBefore = cpu();
    const started = performance.now();
    await Promise.all(Array.from({ length: options.clients }, client));
    const wallMs = performance.now() - started;
    const cpuAfter = cpu();
    const nodeCpuMs = cpuAfter.benchMs - cpuBefore.benchMs;
    const pgCpuMs = (cpuAfter.postgresMs ?? 0) - (cpuBefore.postgresMs ?? 0);
    const cpuMs = nodeCpuMs + pgCpuMs;
    const sorted = [...latencies].sort((a, b) => a - b);
    const sendsPerS = (options.sends / wallMs) * 1000;
    const cpuMsPerSend = cpuMs / options.sends;

    console.log(
      `\nSend pipeline: ${options.sends} sends (${options.marketing}% marketing) to ` +
        `${options.customers} customers, ${options.clients} concurrent clients, sandbox provider\n`,
    );
    console.log(
      table(
        ['measure', 'value', 'goal'],
        [
          ['sends/s', Math.round(sendsPerS), `≥ ${GOAL_SENDS_PER_S}`],
          ['latency p50 (ms)', round(percentile(sorted, 50)), ''],
          ['latency p99 (ms)', round(percentile(sorted, 99)), ''],
          ['CPU per send, this process + PostgreSQL (ms)', round(cpuMsPerSend), ''],
          [
            '  of which this process (rules, drizzle, pg client)',
            round(nodeCpuMs / options.sends),
            '',
          ],
          ['  of which PostgreSQL', round(pgCpuMs / options.sends), ''],
          [
            `sends/s that CPU allows on ${CORES} idle cores`,
            Math.round((CORES * 1000) / cpuMsPerSend),
            '',
          ],
        ],
      ),
    );
    console.log(`\n${table(['outcome', 'sends'], [...outcomes].sort())}`);
    console.log(`\nload average during the bench ${os.loadavg()[0]?.toFixed(1)}\n`);
    console.log(
      JSON.stringify({
        sends: options.sends,
        clients: options.clients,
        sends_per_s: Math.round(sendsPerS),
        goal_sends_per_s: GOAL_SENDS_PER_S,
        p50_ms: round(percentile(sorted, 50)),
        p99_ms: round(percentile(sorted, 99)),
        cpu_ms_per_send: round(cpuMsPerSend),
        sent: outcomes.get('sent') ?? 0,
        stopped_by_rules: options.sends - (outcomes.get('sent') ?? 0),
      }),
    );
  } finally {
    await shutdown.run();
  }
}
