// The SMS of the soak benchmark in a process of its own (started by ../soak.bench.ts through tsx),
// with one stdin hook that reports its memory and clock; the hook exists only in this harness.
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startSms, type SmsOptions } from '../../../sms/app';

// A full collection before each reading, so that memory is compared without garbage in it; the
// flag is set at run time as tsx starts node without it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Options as one JSON argument, plus `startAt`: the simulated time the run starts at, so that every
 * run meets the same days of the week (the City empties at weekends: comparing a Sunday with a
 * Friday would measure the workload, not the SMS). The SMS clock then runs `speed` times faster.
 */
async function main(): Promise<void> {
  const { startAt, ...options } = JSON.parse(process.argv[2] ?? '{}') as SmsOptions & { startAt: number };
  const wallStart = Date.now();
  const speed = options.speed ?? 1;
  const sms = await startSms({ ...options, clock: () => Math.floor(startAt + (Date.now() - wallStart) * speed) });
  process.stdout.write(`SMS listening on ${sms.url}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'memory') return;
    gc();
    const m = process.memoryUsage();
    const figures = {
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      now: sms.core.now(),
      seq: sms.core.seq,
      incidents: sms.core.incidents.size,
      alerts: sms.core.alerts.size,
    };
    process.stdout.write(`memory ${JSON.stringify(figures)}\n`);
  });
  process.on('SIGTERM', () => {
    sms.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
