import { SnapshotSchema } from '../../../shared/protocol';
import { connect, get, login, send } from '../../integration/support/sms';

/**
 * A colleague at another workstation raises an incident from a CCTV alert through the SMS, as
 * the simulator's dispatcher would in time: the test does not wait minutes for the City.
 * Resolves with the new incident's reference.
 */
export async function colleagueRaisesIncidentFromCamera(smsUrl: string): Promise<string> {
  const token = await login(smsUrl, 'dispatcher');
  const snapshot = SnapshotSchema.parse((await get(`${smsUrl}/api/snapshot`, token)).body);
  const alert = snapshot.alerts.find((a) => a.cameraId !== null);
  const camera = snapshot.cameras[0];
  if (!camera) throw new Error('the demo SMS has no cameras');
  const client = await connect(smsUrl, token);
  try {
    await client.ready;
    const ack = await send(client.socket, 'incident.create', {
      type: 'suspicious_item',
      grade: 2,
      location: alert
        ? { lon: alert.location.lon, lat: alert.location.lat }
        : { lon: camera.position.lon, lat: camera.position.lat, address: 'Bank junction' },
      summary: 'Raised from CCTV by a colleague (end-to-end test)',
      ...(alert && { alertId: alert.id }),
    });
    if (!ack.ok) throw new Error(`incident.create refused: ${JSON.stringify(ack)}`);
    const result = ack.result as { incident: { ref: string } };
    return result.incident.ref;
  } finally {
    client.close();
  }
}
