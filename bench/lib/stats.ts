/** The p-th percentile of ascending `sorted` samples (nearest rank); 0 when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** `value` to `digits` decimals, as a number for tables and JSON. */
export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
