import { CommandRefusedError, createSendCommand, resultOf } from './commandClient';
import type { CommandAck, CommandEnvelope } from '../../shared/protocol';

describe('command client', () => {
  it('sends each command with a fresh client id', async () => {
    const sent: CommandEnvelope[] = [];
    const send = createSendCommand({
      sendCommand: async (command) => {
        sent.push(command);
        return { ok: false, error: { code: 'not_found', message: 'No such alert.' } };
      },
    });
    await expect(send('alert.acknowledge', { alertId: 'alert-1' })).rejects.toThrow('No such alert.');
    await expect(send('alert.acknowledge', { alertId: 'alert-1' })).rejects.toThrow(CommandRefusedError);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.id).not.toBe(sent[1]?.id);
    expect(sent[0]?.type).toBe('alert.acknowledge');
  });

  it('turns a refusal into a CommandRefusedError with its code', () => {
    expect(() => resultOf('incident.note', { ok: false, error: { code: 'forbidden', message: 'no' } })).toThrow(
      CommandRefusedError,
    );
  });

  it('validates a successful result against the command schema', () => {
    // What a faulty SMS might send: acknowledged, but not an alert.
    const malformed = { ok: true, result: { alert: { id: 'x' } } } as unknown as CommandAck;
    expect(() => resultOf('alert.acknowledge', malformed)).toThrow();
  });
});
