import type { Db } from '@yatra/db';
import { createSendPipeline } from '../sending/pipeline';
import { sandboxAdapters } from './adapters';
import type { ChannelProvider } from './channel-provider';

/**
 * The send pipeline with every channel on the sandbox: the rules, the outbox row and its
 * status, no real provider. What tests and benches use unless they configure adapters.
 * @example createActivities({ db, registry, channels: createSandboxChannel(db) })
 */
export function createSandboxChannel(db: Db): ChannelProvider {
  return createSendPipeline({ db, adapters: sandboxAdapters() });
}
