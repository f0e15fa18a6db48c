// The issue's bounds (issue 15) as the video benchmark checks them: each with its figure and a
// pass/fail, and `null` pass (not measured) when the figure is missing, with the reason.

export interface BoundCheck {
  /** What is bounded, in words with the unit. */
  what: string;
  bound: string;
  value: number | boolean | null;
  /** null: not measured in this run (see `note`). */
  pass: boolean | null;
  note?: string;
}

export function atMost(what: string, value: number | null, max: number, note?: string): BoundCheck {
  return {
    what,
    bound: `<= ${max}`,
    value,
    pass: value === null ? null : value <= max,
    ...(note ? { note } : {}),
  };
}

export function below(what: string, value: number | null, max: number, note?: string): BoundCheck {
  return { what, bound: `< ${max}`, value, pass: value === null ? null : value < max, ...(note ? { note } : {}) };
}

export function holds(what: string, value: boolean | null, note?: string): BoundCheck {
  return { what, bound: 'true', value, pass: value, ...(note ? { note } : {}) };
}

/** One line per bound for the console (stderr), so a person sees the verdicts without reading the JSON. */
export function describeBounds(checks: Record<string, BoundCheck>): string {
  return Object.entries(checks)
    .map(([key, c]) => {
      const verdict = c.pass === null ? 'n/a ' : c.pass ? 'PASS' : 'FAIL';
      return `${verdict} ${key}: ${c.what} = ${String(c.value)} (bound ${c.bound})${c.note ? ` — ${c.note}` : ''}`;
    })
    .join('\n');
}
