// The demo SMS in a process of its own, like ../../support/smsProcess.ts, plus a test hook on
// stdin: a line `raise-service-point-call` raises a Digital Service Point call at the first
// service point, `raise-emergency-button` an officer's emergency button from the first unit on
// duty (both through the SMS core, exactly as the simulator or a vendor adapter would); each
// answers `raised <alertId>` on stdout. The hook exists only in this test harness, never in
// the SMS's HTTP or socket surface.
import { createInterface } from 'node:readline';
import { startSms, type SmsOptions } from '../../../../sms/app';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SmsOptions;
  const sms = await startSms(options);
  process.stdout.write(`SMS listening on ${sms.url}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const what = line.trim();
    if (what === 'raise-emergency-button') {
      try {
        const unit = sms.core.snapshot().units.find((u) => u.status !== 'off_duty');
        if (!unit) throw new Error('no unit on duty');
        const alert = sms.core.raiseAlert({
          source: 'emergency_button',
          kind: 'officer_emergency',
          priority: 'critical',
          location: { lon: unit.position.lon, lat: unit.position.lat, address: 'Cheapside' },
          detail: 'Emergency button pressed',
          cameraId: null,
          servicePointId: null,
          unitId: unit.id,
        });
        process.stdout.write(`raised ${alert.id}\n`);
      } catch (error) {
        process.stdout.write(`raise failed ${error instanceof Error ? error.message : String(error)}\n`);
      }
      return;
    }
    if (what !== 'raise-service-point-call') return;
    try {
      const point = sms.core.snapshot().servicePoints[0];
      if (!point) throw new Error('no service point in the world');
      const alert = sms.core.raiseAlert({
        source: 'service_point_call',
        kind: 'call_for_service',
        priority: 'high',
        location: point.location,
        detail: 'Caller at the service point reports a man with a gun',
        cameraId: point.cameraId,
        servicePointId: point.id,
        unitId: null,
      });
      process.stdout.write(`raised ${alert.id}\n`);
    } catch (error) {
      process.stdout.write(`raise failed ${error instanceof Error ? error.message : String(error)}\n`);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
