import { WorkstationBus, type WorkstationMessage } from './workstationBus';

describe('workstation bus', () => {
  it('delivers a message to another window and to its own listeners', async () => {
    const a = new WorkstationBus('test-bus');
    const b = new WorkstationBus('test-bus');
    const gotA: WorkstationMessage[] = [];
    const gotB = new Promise<WorkstationMessage>((resolve) => b.subscribe(resolve));
    a.subscribe((m) => gotA.push(m));
    a.post({ type: 'select', target: { kind: 'incident', id: 'inc-000001' } });
    expect(gotA).toHaveLength(1);
    await expect(gotB).resolves.toEqual({ type: 'select', target: { kind: 'incident', id: 'inc-000001' } });
    a.close();
    b.close();
  });

  it('ignores messages that do not parse', async () => {
    const b = new WorkstationBus('test-bus-2');
    const got: WorkstationMessage[] = [];
    b.subscribe((m) => got.push(m));
    const raw = new BroadcastChannel('test-bus-2');
    raw.postMessage({ type: 'select', target: { kind: 'spaceship', id: 'x' } });
    raw.postMessage({ type: 'showOnWall', cameraIds: ['cam-001'] });
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([{ type: 'showOnWall', cameraIds: ['cam-001'] }]);
    raw.close();
    b.close();
  });
});
