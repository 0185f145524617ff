import { activityInfo, Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { finishRun, recordSteps, type Db } from '@yatra/db';
import {
  createNodeContext,
  isNonRetryable,
  type ActionEffect,
  type HttpService,
  type NodeRegistry,
  type NodeResult,
  type RunState,
  type SecretStore,
  type StepRecord,
} from '@yatra/nodes';
import type { ChannelProvider } from './channels/channel-provider';
import { createHttpService, envSecrets } from './http-service';
import { createLoyaltyNodeService } from './loyalty/node-services';
import { createMediaProvider, type MediaProvider } from './video/media-provider';
import { createVideoRenderer, videoSettings } from './video/video-config';

export interface ActivityDeps {
  db: Db;
  registry: NodeRegistry;
  channels: ChannelProvider;
  /** The video renderer; default: chosen by the environment on first use (docs/render-video.md). */
  media?: MediaProvider;
  /** `ctx.http` for custom nodes; default: Node's fetch, cancelled with the activity. */
  http?: HttpService;
  /** `ctx.secrets`; default: `YATRA_SECRET_<NAME>` environment variables. */
  secrets?: SecretStore;
}

const toRows = (records: StepRecord[]) => records.map((r) => ({ ...r, at: new Date(r.at) }));

/**
 * The worker's activities. Every side effect is keyed by the step's idempotency key, derived
 * from (run, node, step), so a retried activity never sends twice.
 * @example new Worker({ activities: createActivities({ db, registry, channels }) , … })
 */
export function createActivities(deps: ActivityDeps) {
  const { db, registry, channels } = deps;
  const media = deps.media ?? createMediaProvider(() => createVideoRenderer(videoSettings()));
  const secrets = deps.secrets ?? envSecrets();
  return {
    /** Runs one action node; also persists the step records that led to it (one round trip). */
    async executeNode(input: {
      effect: ActionEffect;
      state: RunState;
      records: StepRecord[];
      now: number;
    }): Promise<NodeResult> {
      const { effect, state, records, now } = input;
      if (records.length > 0) await recordSteps(db, state.run.runId, toRows(records));
      const def = registry.get(effect.nodeType, effect.typeVersion);
      if (!def?.run) {
        throw ApplicationFailure.nonRetryable(
          `Node type ${effect.nodeType} v${effect.typeVersion} is not registered in this worker`,
        );
      }
      const config = def.config.safeParse(effect.config);
      if (!config.success) {
        throw ApplicationFailure.nonRetryable(
          `Config of node ${effect.nodeId} no longer matches ${effect.nodeType}: ${config.error.message}`,
        );
      }
      const at = new Date(now);
      const activity = Context.current();
      const heartbeat = () => activity.heartbeat();
      const ctx = createNodeContext(effect, state, {
        now: at,
        attempt: activityInfo().attempt,
        channels: channels.forStep({
          idempotencyKey: effect.idempotencyKey,
          state,
          nodeId: effect.nodeId,
          at,
        }),
        logger: {
          info: (message, meta) => console.log(`[${effect.nodeId}] ${message}`, meta ?? ''),
          warn: (message, meta) => console.warn(`[${effect.nodeId}] ${message}`, meta ?? ''),
        },
        media: media.forStep({ heartbeat, signal: activity.cancellationSignal }),
        loyalty: createLoyaltyNodeService(db, state.run.customerId),
        heartbeat,
        http: deps.http ?? createHttpService({ signal: activity.cancellationSignal }),
        secrets,
      });
      try {
        return await def.run(ctx, config.data);
      } catch (error) {
        // A node says "retrying cannot help" with nonRetryable() (nodes import no Temporal).
        if (isNonRetryable(error)) throw ApplicationFailure.nonRetryable(error.message, error.name);
        throw error;
      }
    },

    /** Persists step records (idempotent on (run, seq)). */
    async recordSteps(input: { runId: string; records: StepRecord[] }): Promise<void> {
      await recordSteps(db, input.runId, toRows(input.records));
    },

    /** Persists the last records and closes the run with its exit reason. */
    async finishRun(input: {
      runId: string;
      records: StepRecord[];
      reason: string;
      at: number;
    }): Promise<void> {
      if (input.records.length > 0) await recordSteps(db, input.runId, toRows(input.records));
      await finishRun(db, input.runId, {
        status:
          input.reason === 'failed' ? 'failed' : input.reason === 'goal' ? 'exited' : 'completed',
        exitReason: input.reason,
        exitedAt: new Date(input.at),
      });
    },
  };
}

export type JourneyActivities = ReturnType<typeof createActivities>;
