/**
 * At most `size` tasks at once, the rest queued in order. Renders beyond the core count only
 * slow each other down, so the renderer queues them instead.
 * @example const limit = createLimiter(2); await limit(() => render());
 */
export function createLimiter(size: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    if (active >= size) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
