import type { z } from 'zod';

/** How `describeIssues` reads. */
export interface DescribeOptions {
  /** Where the value sits in the message its sender sent, prefixed to every path (e.g. `payload`). */
  under?: string;
  /** Issues named before the rest are counted (default 3). */
  max?: number;
}

/**
 * A one-line, client-safe account of why a value failed its schema (the first few issues), each
 * with the path of the offending field. An unknown key (inbound objects are strict) is named, so
 * a sender that misspelt an optional field learns which: `payload.location: unknown key "lattitude"`.
 */
export function describeIssues(error: z.ZodError, opts: DescribeOptions = {}): string {
  const max = opts.max ?? 3;
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = [...(opts.under === undefined ? [] : [opts.under]), ...issue.path.map(String)].join('.');
    const message = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : issue.message;
    return path === '' ? message : `${path}: ${message}`;
  });
  const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}

/** `unknown key "a"`, or `unknown keys "a", "b"`; keys are JSON-quoted, so control characters cannot forge the line. */
function unknownKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k.length > 100 ? `${k.slice(0, 100)}…` : k));
  const more = keys.length > 5 ? ` (+${keys.length - 5} more)` : '';
  return `unknown key${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${more}`;
}
