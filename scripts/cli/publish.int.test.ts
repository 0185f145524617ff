import { describe, expect, it } from 'vitest';
import { findLiveVersionsForTrigger, listJourneys, listJourneyVersions } from '@yatra/db';
import { useTestDb } from '@yatra/db/testing/use-test-db';
import { startEphemeralPostgres } from '../lib/postgres';
import { runCli } from './run-cli';

const JOURNEY = 'examples/journeys/post-purchase-45.json';

describe('yatra publish (real PostgreSQL via DATABASE_URL)', () => {
  const t = useTestDb();

  it('creates the journey, then publishes new versions of the same journey by name', async () => {
    const env = { DATABASE_URL: t.url };
    const first = await runCli(['publish', JOURNEY, '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const v1 = JSON.parse(first.stdout) as {
      journeyId: string;
      versionId: string;
      version: number;
      created: boolean;
      name: string;
    };
    expect(v1).toMatchObject({ version: 1, created: true, name: '45-day post-purchase playbook' });

    const second = await runCli(['publish', JOURNEY], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('✓ 45-day post-purchase playbook compiles: 17 nodes');
    expect(second.stdout).toContain(
      '✓ published "45-day post-purchase playbook" version 2 (draft updated)',
    );
    expect(second.stdout).toContain(`journey id  ${v1.journeyId}`);
    expect(second.stdout).toContain('database    DATABASE_URL');

    const versions = await listJourneyVersions(t.db, v1.journeyId);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const live = await findLiveVersionsForTrigger(t.db, 'order.placed');
    expect(live).toEqual([expect.objectContaining({ journeyId: v1.journeyId, version: 2 })]);
    expect(live[0]?.ir).toMatchObject({
      irVersion: 1,
      name: '45-day post-purchase playbook',
      trigger: { event: 'order.placed' },
    });
  });

  it('--name publishes under another name, as a separate journey', async () => {
    const run = await runCli(['publish', JOURNEY, '--name', 'Playbook (copy)', '--json'], {
      DATABASE_URL: t.url,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      version: 1,
      created: true,
      name: 'Playbook (copy)',
    });
    const journeys = await listJourneys(t.db);
    expect(journeys.map((j) => j.name).sort()).toEqual([
      '45-day post-purchase playbook',
      'Playbook (copy)',
    ]);
  });

  it('publishes nothing when the journey does not compile', async () => {
    const run = await runCli(['publish', 'examples/customers/cod-customer.json'], {
      DATABASE_URL: t.url,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does not compile; nothing was published');
    expect(await listJourneys(t.db)).toHaveLength(2);
  });
});

describe('yatra publish without DATABASE_URL', () => {
  it('attaches to the embedded PostgreSQL that `npm start` runs (found on YATRA_PG_PORT) and migrates it', async () => {
    const server = await startEphemeralPostgres(); // the same user, password and database as the embedded one
    try {
      const run = await runCli(['publish', JOURNEY], {
        DATABASE_URL: '',
        YATRA_PG_PORT: String(server.port),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        '✓ published "45-day post-purchase playbook" version 1 (new journey)',
      );
      expect(run.stdout).toContain('database    embedded (running)');
    } finally {
      await server.stop();
    }
  });
});
