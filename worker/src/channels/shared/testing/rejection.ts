import { ProviderError } from '../../channel-adapter';

/** The ProviderError a send rejects with; fails the test when it resolves or throws something else. */
export async function providerRejection(send: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await send.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ProviderError))
    throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}
