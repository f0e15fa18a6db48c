// The PTZ command-to-picture figure of the video benchmark, from test/bench/video/ptzLatency.ts
// (written by the PTZ work of issue 15). That module is loaded at run time so this benchmark
// runs, and says why the figure is missing, before it exists.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What the benchmark prints for PTZ: the figure, or null and why. */
export type PtzFigure = { result: unknown; p50Ms: number | null } | { result: null; p50Ms: null; reason: string };

/** Where the PTZ measurement is expected. */
export const PTZ_MODULE = path.join(__dirname, 'ptzLatency.ts');

/** Any p50 the measurement reports, wherever it puts it: `p50Ms`, `p50`, or `latencyMs.p50`. */
const P50 = z.union([
  z.object({ p50Ms: z.number() }).transform((r) => r.p50Ms),
  z.object({ p50: z.number() }).transform((r) => r.p50),
  z.object({ latencyMs: z.object({ p50: z.number() }) }).transform((r) => r.latencyMs.p50),
]);

/**
 * Runs the PTZ measurement against the SMS at `smsUrl` if its module exists and exports a
 * function (`measurePtzLatency`, `ptzLatency` or the default export); otherwise null with the reason.
 */
export async function measurePtz(args: Record<string, unknown>): Promise<PtzFigure> {
  if (!existsSync(PTZ_MODULE))
    return { result: null, p50Ms: null, reason: `${path.relative(process.cwd(), PTZ_MODULE)} does not exist yet` };
  try {
    const mod = (await import(PTZ_MODULE)) as Record<string, unknown>;
    const fn = [mod.measurePtzLatency, mod.ptzLatency, mod.default].find((f) => typeof f === 'function') as
      ((a: Record<string, unknown>) => Promise<unknown>) | undefined;
    if (!fn) return { result: null, p50Ms: null, reason: 'ptzLatency.ts exports no measurement function' };
    const result = await fn(args);
    const p50 = P50.safeParse(result);
    return { result, p50Ms: p50.success ? Math.round(p50.data) : null };
  } catch (e) {
    return { result: null, p50Ms: null, reason: `the PTZ measurement failed: ${(e as Error).message}` };
  }
}
