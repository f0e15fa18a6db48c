import { COMMAND_TYPES, type CommandAck, type CommandEnvelope } from '../../shared/protocol';
import { anIncident } from '../../test/support/records';
import { createSendCommand, type CommandTransport } from './commandClient';
import { DELIVERY, mayWait } from './delivery';
import { routeCommands } from './routeCommands';
import { Outbox } from './outbox';
import { WindowOutbox } from './windowOutbox';

/** A link that can be cut; while up it answers every command the same way. */
function link(answer: CommandAck): CommandTransport & { up: boolean; sent: CommandEnvelope[] } {
  const l = {
    up: true,
    sent: [] as CommandEnvelope[],
    sendCommand: (command: CommandEnvelope) => {
      if (!l.up) return Promise.reject(new Error('Not connected to the SMS.'));
      l.sent.push(command);
      return Promise.resolve(answer);
    },
  };
  return l;
}

const noteAck: CommandAck = { ok: true, result: { incident: anIncident() } };
const ptzAck: CommandAck = { ok: false, error: { code: 'not_found', message: 'No such camera.' } };

describe('command delivery', () => {
  it('classifies every command type, and nothing else', () => {
    expect(Object.keys(DELIVERY).sort()).toEqual([...COMMAND_TYPES].sort());
    for (const type of COMMAND_TYPES) expect(['outbox', 'direct']).toContain(DELIVERY[type]);
  });

  it('lets an operator’s record wait, and never a live control', () => {
    expect(COMMAND_TYPES.filter(mayWait).sort()).toEqual([
      'alert.acknowledge',
      'alert.dismiss',
      'incident.assign',
      'incident.close',
      'incident.create',
      'incident.grade',
      'incident.link',
      'incident.note',
      'incident.status',
      'unit.status',
    ]);
  });

  it('keeps a command that may wait while the link is down and sends it, with its first id, when it is back', async () => {
    const l = link(noteAck);
    l.up = false;
    const outbox = new Outbox(null, 'k');
    outbox.setTransport(l);
    const send = routeCommands(createSendCommand(l), () => outbox);
    const done = send('incident.note', { incidentId: 'inc-1', text: 'Caller now at Bank' }, 'Note on CAD-1');
    await outbox.flush();
    expect(outbox.list()).toMatchObject([{ type: 'incident.note', label: 'Note on CAD-1', state: 'pending' }]);
    const id = outbox.list()[0]!.id;
    l.up = true;
    await outbox.flush();
    await expect(done).resolves.toMatchObject({ incident: { id: 'inc-1' } });
    expect(l.sent.map((c) => c.id)).toEqual([id]);
    outbox.stop();
  });

  it('sends a live control now, past the outbox, and fails at once when the link is down', async () => {
    const l = link(ptzAck);
    const opened = jest.fn(() => new Outbox(null, 'k'));
    const send = routeCommands(createSendCommand(l), opened);
    await expect(send('camera.ptz', { cameraId: 'cam-1', preset: 1 })).rejects.toThrow('No such camera.');
    l.up = false;
    await expect(send('wall.focus', { wallId: 'wall-1', tile: null })).rejects.toThrow('Not connected');
    expect(l.sent.map((c) => c.type)).toEqual(['camera.ptz']);
    expect(opened).not.toHaveBeenCalled();
  });
});

describe('window outbox', () => {
  it('opens once, on first use, over the transport it was last given', async () => {
    const l = link(noteAck);
    const lazy = new WindowOutbox('window-outbox-test');
    lazy.setTransport(l);
    const outbox = lazy.open();
    expect(lazy.open()).toBe(outbox);
    await outbox.send('incident.note', { incidentId: 'inc-1', text: 'x' }, 'Note');
    expect(l.sent).toHaveLength(1);
    outbox.stop();
  });
});
