// Runs `startSms` in a process of its own for the end-to-end tests (started by ./sms.ts
// through tsx): stopping it is a real process exit and starting it again a real restart, as
// in the control room, and the SMS's ESM-only dependencies load natively rather than through
// Jest's module system. Options arrive as one JSON argument; the listening line goes to stdout.
import { startSms } from '../../../sms/app';
import type { SmsOptions } from '../../../sms/app';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SmsOptions;
  const sms = await startSms(options);
  process.stdout.write(`SMS listening on ${sms.url}\n`);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
