import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
