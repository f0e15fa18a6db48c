import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import {
  COMMAND_TYPES,
  CommandEnvelopeSchema,
  CommandSchemas,
  HandshakeAuthSchema,
  IncidentLogQuerySchema,
  IncidentStatusSchema,
  ROLES,
  SessionRequestSchema,
  UnitStatusSchema,
} from '../shared/protocol';
import { canIncidentMove } from '../shared/domain/incidentStatus';
import { canUnitMove } from '../shared/domain/unitStatus';
import { memoryCoreRig } from '../test/integration/support/coreRig';
import { mayRun } from '../sms/commands/permissions';
import { jsonSchemaOf, renderProtocolDoc } from './protocolDoc';

const doc = renderProtocolDoc();
const lines = doc.split('\n');

/** The cells of the table row starting with `| <first> |`, after that first cell. */
function rowCells(first: string, from = 0): string[] | undefined {
  return lines
    .slice(from)
    .find((line) => line.startsWith(`| ${first} |`))
    ?.split('|')
    .slice(2, -1)
    .map((c) => c.trim());
}

/** Every JSON block of the document, parsed. */
function schemaBlocks(): Record<string, unknown>[] {
  return [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
}

/** Every object schema node of a JSON Schema (properties, items, unions, $defs…), depth first. */
function objectNodes(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const n of node) objectNodes(n, out);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'object') out.push(record);
    for (const value of Object.values(record)) objectNodes(value, out);
  }
  return out;
}

function validator() {
  // Formats are described, not checked: the test is about structure and references.
  return new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true } });
}

describe('docs/protocol.md', () => {
  it('matches the schemas (run `npm run docs:protocol` after changing shared/protocol)', () => {
    const onDisk = readFileSync(join(__dirname, '..', 'docs', 'protocol.md'), 'utf8');
    expect(onDisk).toBe(doc);
  });

  it('documents every fixed name', () => {
    for (const name of ['POST /api/session', 'GET /api/snapshot', 'incident.create', 'unit.positions', 'resync']) {
      expect(doc).toContain(name);
    }
  });

  it('says who may send each command exactly as the SMS decides it', () => {
    for (const type of COMMAND_TYPES) {
      const expected = ROLES.map((role) => (mayRun({ userId: 'u', username: 'u', role }, type) ? 'yes' : '—'));
      expect([type, rowCells(`\`${type}\``)]).toEqual([type, expected]);
    }
  });

  it('gives the incident and unit status moves exactly as the shared rules allow them', () => {
    const check = <S extends string>(title: string, statuses: readonly S[], canMove: (a: S, b: S) => boolean) => {
      const at = lines.findIndex((l) => l.startsWith(title));
      expect(at).toBeGreaterThan(0);
      for (const from of statuses) {
        const expected = statuses.map((to) => (canMove(from, to) ? 'yes' : '—'));
        expect([from, rowCells(`\`${from}\``, at)]).toEqual([from, expected]);
      }
    };
    check('Incidents (`incident.status`', IncidentStatusSchema.options, canIncidentMove);
    check('Units (`unit.status`', UnitStatusSchema.options, canUnitMove);
  });
});

describe('the schemas of docs/protocol.md', () => {
  it('are each a complete draft 2020-12 JSON Schema that a JSON Schema tool compiles, every $ref resolved', () => {
    const blocks = schemaBlocks();
    expect(blocks.length).toBeGreaterThan(50);
    for (const block of blocks) {
      expect(block.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => validator().compile(block)).not.toThrow();
      for (const [, ref] of JSON.stringify(block).matchAll(/"\$ref":"([^"]*)"/g)) {
        expect(ref).toMatch(/^#\/\$defs\/[A-Za-z]+$/);
      }
    }
  });

  it('close every object a client sends, at every depth, exactly as the SMS refuses unknown keys', () => {
    const inbound = [
      SessionRequestSchema,
      HandshakeAuthSchema,
      CommandEnvelopeSchema,
      IncidentLogQuerySchema,
      ...COMMAND_TYPES.map((type) => CommandSchemas[type].payload),
    ];
    for (const schema of inbound) {
      const objects = objectNodes(jsonSchemaOf(schema, 'in'));
      expect(objects.length).toBeGreaterThan(0);
      for (const o of objects)
        expect([Object.keys(o.properties ?? {}), o.additionalProperties]).toEqual([
          Object.keys(o.properties ?? {}),
          false,
        ]);
    }
  });

  it('leave open every record the SMS sends, so a later SMS may add fields', () => {
    for (const type of COMMAND_TYPES) {
      expect(JSON.stringify(jsonSchemaOf(CommandSchemas[type].result, 'out'))).not.toContain('additionalProperties');
    }
  });

  it('accept what the SMS sends and the payloads it runs, and refuse a payload with an unknown key', () => {
    const { core } = memoryCoreRig();
    try {
      const actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' } as const;
      const payload = { type: 'theft', grade: 3, location: { lon: -0.0886, lat: 51.5134 }, summary: 'x' } as const;
      const result = core.execute('incident.create', payload, actor);
      const ajv = validator();
      const payloadOk = ajv.compile(jsonSchemaOf(CommandSchemas['incident.create'].payload, 'in'));
      expect(payloadOk(payload)).toBe(true);
      expect(payloadOk({ ...payload, location: { ...payload.location, lattitude: 1 } })).toBe(false);
      const resultOk = ajv.compile(jsonSchemaOf(CommandSchemas['incident.create'].result, 'out'));
      expect([resultOk(result), resultOk.errors]).toEqual([true, null]);
      expect(resultOk({ incident: { ...result.incident, addedLater: 1 } })).toBe(true);
    } finally {
      core.close();
    }
  });
});
