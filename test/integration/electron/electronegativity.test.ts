import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

// Doyensec's electronegativity, the static checker of Electron's security checklist, run on
// electron/ as `npm test` runs this file. It works offline (its release lookup fails softly).
// A HIGH finding fails the build; the MEDIUM and LOW ones it reports for this code are
// reviewed below and say why they stand. The same gate run on a deliberately insecure window
// (fixtures/) must fail, so the check cannot pass by scanning nothing.

const ROOT = path.resolve(__dirname, '../../..');

interface Finding {
  issue: string;
  severity: string;
  file: string;
  location: string;
}

/**
 * Reviewed findings, by check and by the severities reviewed: each is a limit of static analysis
 * here, not a weakness. A HIGH finding is never reviewed away (a test below holds this list to it).
 */
const REVIEWED: Record<string, { why: string; severities: readonly string[] }> = {
  // The CSP is sent as a header by the app scheme (electron/main/appProtocol.ts, csp.ts), which
  // the checker does not look for; it only finds <meta> tags and session hooks.
  CSP_GLOBAL_CHECK: { why: 'CSP sent by the jccr:// scheme handler', severities: ['MEDIUM', 'LOW'] },
  // Flags every BrowserWindow: the remote module was removed from Electron 14 and is not used.
  REMOTE_MODULE_JS_CHECK: { why: 'no remote module in Electron 45', severities: ['MEDIUM'] },
  // The one preload (electron/preload) exposes one narrow typed bridge validated with zod.
  PRELOAD_JS_CHECK: { why: 'the reviewed host bridge', severities: ['MEDIUM'] },
};

/** What fails the build in a scan: every HIGH finding, and any other finding not reviewed at its severity. */
function gate(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.severity === 'HIGH' || !REVIEWED[f.issue]?.severities.includes(f.severity))
    .map((f) => `${f.severity} ${f.issue} ${path.relative(ROOT, f.file)}:${f.location}`);
}

// The CLI writes its CSV report with two racing async writes (the header can land over the first
// rows; seen on fresh machines), so the checker runs through its own API in a child process and
// hands its findings back as one JSON line.
const RUN = `
const run = require('@doyensec/electronegativity/dist/runner.js');
run({ input: process.argv[1], isSarif: false, isRelative: false, parserPlugins: [] }, false).then((r) => {
  const findings = r.issues.map((i) => ({
    issue: i.id, severity: i.severity.name, file: i.file, location: i.location.line + ':' + i.location.column,
  }));
  process.stdout.write('\\nFINDINGS ' + JSON.stringify(findings) + '\\n');
});
`;

const FindingsSchema = z.array(
  z.object({ issue: z.string(), severity: z.string(), file: z.string(), location: z.string() }),
);

async function scan(folder: string): Promise<Finding[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', RUN, path.join(ROOT, folder)], {
    cwd: ROOT,
    timeout: 120_000,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('FINDINGS '));
  if (!line) throw new Error(`electronegativity reported no findings line:\n${stdout}`);
  return FindingsSchema.parse(JSON.parse(line.slice('FINDINGS '.length)));
}

/** A deliberately insecure window (nodeIntegration, no context isolation, no web security). */
const FIXTURES = 'test/integration/electron/fixtures';

let findings: Finding[];
let fixtureFindings: Finding[];
beforeAll(async () => {
  [findings, fixtureFindings] = await Promise.all([scan('electron'), scan(FIXTURES)]);
}, 150_000);

describe('electronegativity on electron/', () => {
  it('finds nothing of high severity', () => {
    expect(findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
  });

  it('finds nothing else that has not been reviewed', () => {
    expect(gate(findings)).toEqual([]);
  });

  it('really looks at the code: it sees the window and its preload', () => {
    expect(findings.some((f) => f.issue === 'PRELOAD_JS_CHECK' && f.file.endsWith('window.ts'))).toBe(true);
  });
});

describe('the gate itself', () => {
  it('fails on an insecure window: the scan reports HIGH findings in it, and the gate lets none pass', () => {
    const inFixture = fixtureFindings.filter((f) => f.file.endsWith('insecureWindow.ts'));
    expect(inFixture.filter((f) => f.severity === 'HIGH').map((f) => f.issue)).toContain('CONTEXT_ISOLATION_JS_CHECK');
    const failures = gate(fixtureFindings);
    for (const high of fixtureFindings.filter((f) => f.severity === 'HIGH')) {
      expect(failures).toContain(`HIGH ${high.issue} ${path.relative(ROOT, high.file)}:${high.location}`);
    }
  });

  it('never reviews a HIGH finding away, whatever its check', () => {
    expect(Object.entries(REVIEWED).filter(([, r]) => r.severities.includes('HIGH'))).toEqual([]);
    const high = { issue: Object.keys(REVIEWED)[0]!, severity: 'HIGH', file: path.join(ROOT, 'x.ts'), location: '1:0' };
    expect(gate([high])).toHaveLength(1);
  });
});
