// Writes docs/protocol.md (npm run docs:protocol).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderProtocolDoc } from './protocolDoc';

const file = join(__dirname, '..', 'docs', 'protocol.md');
writeFileSync(file, renderProtocolDoc());
console.log(`wrote ${file}`);
