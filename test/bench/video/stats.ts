// Small statistics the video benchmark prints: percentiles, ratios, rounding.

/** The p-th percentile (nearest rank) of `xs`, rounded; null when there are none. */
export function pct(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!);
}

/** `a / b` to two decimals, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a !== null && a !== undefined && b ? Math.round((a / b) * 100) / 100 : null;
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
