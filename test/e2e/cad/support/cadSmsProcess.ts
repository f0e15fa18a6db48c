// The demo SMS in a process of its own (../../support/smsProcessRunner.ts) with two test hooks on
// stdin: `raise-service-point-call` raises a Digital Service Point call at the first service
// point, `raise-emergency-button` an officer's emergency button from the first unit on duty (both
// through the SMS core, exactly as the simulator or a vendor adapter would); each answers
// `raised <alertId>`.
import { runSmsProcess } from '../../support/smsProcessRunner';

runSmsProcess({
  'raise-emergency-button': (sms) => {
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
    return `raised ${alert.id}`;
  },
  'raise-service-point-call': (sms) => {
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
    return `raised ${alert.id}`;
  },
});
