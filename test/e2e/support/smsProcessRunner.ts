// The body of every end-to-end SMS process (./smsProcess.ts and harnesses with test hooks):
// `startSms` in a process of its own, so stopping it is a real process exit and starting it again
// a real restart, as in the control room, and the SMS's ESM-only dependencies load natively
// rather than through Jest's module system. Options arrive as one JSON argument; the listening
// line goes to stdout.
import { createInterface } from 'node:readline';
import { startSms, type SmsOptions } from '../../../sms/app';

type Sms = Awaited<ReturnType<typeof startSms>>;

/**
 * A test hook: a stdin line names it, and what it returns is printed on stdout (a thrown error
 * prints `hook failed <message>`). Hooks exist only in test harnesses, never in the SMS's HTTP
 * or socket surface.
 */
export type SmsTestHook = (sms: Sms) => string;

/** Starts the SMS from argv and serves `hooks` on stdin until SIGTERM. */
export function runSmsProcess(hooks: Record<string, SmsTestHook> = {}): void {
  main(hooks).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

async function main(hooks: Record<string, SmsTestHook>): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SmsOptions;
  const sms = await startSms(options);
  process.stdout.write(`SMS listening on ${sms.url}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const hook = hooks[line.trim()];
    if (!hook) return;
    try {
      process.stdout.write(`${hook(sms)}\n`);
    } catch (error) {
      process.stdout.write(`hook failed ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  let closing = false;
  process.on('SIGTERM', () => {
    if (closing) return;
    closing = true;
    sms.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('close failed', error);
        process.exit(1);
      },
    );
  });
}
