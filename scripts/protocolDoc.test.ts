import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TYPES, ROLES } from '../shared/protocol';
import { mayRun } from '../sms/commands/permissions';
import { renderProtocolDoc } from './protocolDoc';

describe('docs/protocol.md', () => {
  it('matches the schemas (run `npm run docs:protocol` after changing shared/protocol)', () => {
    const onDisk = readFileSync(join(__dirname, '..', 'docs', 'protocol.md'), 'utf8');
    expect(onDisk).toBe(renderProtocolDoc());
  });

  it('documents every fixed name', () => {
    const doc = renderProtocolDoc();
    for (const name of ['POST /api/session', 'GET /api/snapshot', 'incident.create', 'unit.positions', 'resync']) {
      expect(doc).toContain(name);
    }
  });

  it('says who may send each command exactly as the SMS decides it', () => {
    const doc = renderProtocolDoc();
    for (const type of COMMAND_TYPES) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${type}\` |`));
      const cells = row
        ?.split('|')
        .slice(2, -1)
        .map((c) => c.trim());
      const expected = ROLES.map((role) => (mayRun({ userId: 'u', username: 'u', role }, type) ? 'yes' : '—'));
      expect([type, cells]).toEqual([type, expected]);
    }
  });
});
