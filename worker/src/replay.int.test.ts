import { readdirSync, readFileSync } from 'node:fs';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from './create-worker';

// Recorded histories of real runs, replayed against today's workflow code: an interpreter change
// that would break runs already in flight fails here (guard such changes with patched()).
// Refresh with: YATRA_RECORD_HISTORIES=1 npx vitest run --project integration worker/src/journey-engine.int.test.ts

const folder = new URL('../../workflows/histories/', import.meta.url);
const histories = readdirSync(folder).filter((f) => f.endsWith('.json'));

describe('replaying recorded journey histories', () => {
  it('keeps zod and the compiler out of the workflow bundle (each workflow evaluates it)', async () => {
    const { code } = await workflowBundle();
    expect(code).toContain('nodes/src/engine/run-journey.ts');
    expect(code).not.toMatch(/node_modules\/zod\//);
    expect(code).not.toContain('nodes/src/journey/compile.ts');
  });

  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(4);
  });

  it.each(histories)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
    expect(history.events?.length).toBeGreaterThan(10);
    const bundle = await workflowBundle();
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, file),
    ).resolves.toBeUndefined();
  });
});
