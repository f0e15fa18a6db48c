import {
  GradeSchema,
  IncidentStatusSchema,
  IncidentTypeSchema,
  ResultCodeSchema,
  UnitStatusSchema,
  type Grade,
  type IncidentStatus,
  type IncidentType,
  type ResultCode,
  type UnitStatus,
} from '../protocol/entities';
import { INCIDENT_TYPES } from './incidentTypes';

/** What the dispatcher's command line can do. */
export type CommandLineAction =
  | { verb: 'new'; type: IncidentType | null; grade: Grade | null; place: string }
  | { verb: 'assign'; incidentRef: string; callsigns: string[] }
  | { verb: 'status'; target: 'incident'; incidentRef: string; status: IncidentStatus }
  | { verb: 'status'; target: 'unit'; callsign: string; status: UnitStatus }
  | { verb: 'note'; incidentRef: string; text: string }
  | { verb: 'close'; incidentRef: string; resultCode: ResultCode }
  | { verb: 'find'; text: string }
  | { verb: 'help' };

export type ParseResult = { ok: true; action: CommandLineAction } | { ok: false; error: string };

/** What the parser may resolve names against. */
export interface CommandLineContext {
  /** References of incidents that exist (`CAD-2026-000123`). */
  incidentRefs: readonly string[];
  callsigns: readonly string[];
  /** The selected incident, used when a command leaves out the reference. */
  selectedRef: string | null;
}

/** Inline help, one line per verb (also the palette's entries). */
export const VERBS = {
  new: 'new <type> [g1-g4] [@place] — start a new incident',
  assign: 'assign [ref] <callsign…> — assign units to an incident',
  status: 'status [ref|callsign] <status> — move an incident or a unit',
  note: 'note [ref] <text> — add a note to the log',
  close: 'close [ref] <result code> — close an incident',
  find: 'find <text> — search the incident queue',
  help: 'help — list the commands',
} as const;
export type Verb = keyof typeof VERBS;

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Resolves an incident reference as typed: the whole reference, or its number (`123`, `000123`),
 * matched against the known references' number part.
 */
export function resolveRef(token: string, refs: readonly string[]): string | null {
  const t = token.trim().toUpperCase();
  if (refs.includes(t)) return t;
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  const matches = refs.filter((r) => Number(r.slice(-6)) === n);
  // Numbers restart every year: the newest year wins.
  return matches.sort().at(-1) ?? null;
}

function resolveCallsign(token: string, callsigns: readonly string[]): string | null {
  const t = token.trim().toLowerCase();
  return callsigns.find((c) => c.toLowerCase() === t) ?? null;
}

function parseEnum<T extends string>(token: string, values: readonly T[]): T | null {
  const t = norm(token);
  return values.find((v) => v === t) ?? values.find((v) => v.startsWith(t) && t.length >= 2) ?? null;
}

/** An incident type from its id or the start of its label ("firearm" finds suspected firearm). */
export function parseIncidentType(text: string): IncidentType | null {
  const t = norm(text);
  if (!t) return null;
  const ids = IncidentTypeSchema.options;
  const exact = ids.find((id) => id === t);
  if (exact) return exact;
  return (
    ids.find((id) => id.startsWith(t)) ??
    ids.find((id) => id.split('_').some((word) => word.startsWith(t))) ??
    ids.find((id) => norm(INCIDENT_TYPES[id].label).includes(t)) ??
    null
  );
}

/** Takes an optional leading incident reference, else the selection. */
function takeRef(tokens: string[], ctx: CommandLineContext): string | { error: string } {
  const first = tokens[0];
  if (first !== undefined) {
    const ref = resolveRef(first, ctx.incidentRefs);
    if (ref) {
      tokens.shift();
      return ref;
    }
  }
  return ctx.selectedRef ?? { error: 'no incident: give its reference or select one in the queue' };
}

/** Parses one command line. */
export function parseCommandLine(input: string, ctx: CommandLineContext): ParseResult {
  const tokens = input.trim().split(/\s+/).filter(Boolean);
  const verbToken = tokens.shift()?.toLowerCase();
  if (!verbToken) return { ok: false, error: 'type a command; help lists them' };
  const verb = (Object.keys(VERBS) as Verb[]).find((v) => v === verbToken || v.startsWith(verbToken));
  if (!verb) return { ok: false, error: `unknown command "${verbToken}"; help lists them` };
  switch (verb) {
    case 'help':
      return { ok: true, action: { verb: 'help' } };
    case 'find':
      return { ok: true, action: { verb: 'find', text: tokens.join(' ') } };
    case 'new': {
      const rest = tokens.join(' ');
      const at = rest.indexOf('@');
      const place = at >= 0 ? rest.slice(at + 1).trim() : '';
      const words = (at >= 0 ? rest.slice(0, at) : rest).split(/\s+/).filter(Boolean);
      let grade: Grade | null = null;
      const gradeIndex = words.findIndex((w) => /^g?[1-4]$/i.test(w));
      if (gradeIndex >= 0) {
        grade = GradeSchema.parse(Number(words[gradeIndex]!.replace(/^g/i, '')));
        words.splice(gradeIndex, 1);
      }
      const typeText = words.join(' ');
      const type = typeText ? parseIncidentType(typeText) : null;
      if (typeText && !type) return { ok: false, error: `unknown incident type "${typeText}"` };
      return { ok: true, action: { verb: 'new', type, grade, place } };
    }
    case 'assign': {
      const ref = takeRef(tokens, ctx);
      if (typeof ref !== 'string') return { ok: false, error: ref.error };
      if (tokens.length === 0) return { ok: false, error: 'assign needs at least one callsign' };
      const callsigns: string[] = [];
      for (const t of tokens) {
        const c = resolveCallsign(t, ctx.callsigns);
        if (!c) return { ok: false, error: `unknown callsign "${t}"` };
        callsigns.push(c);
      }
      return { ok: true, action: { verb: 'assign', incidentRef: ref, callsigns } };
    }
    case 'status': {
      const first = tokens[0];
      const callsign = first !== undefined ? resolveCallsign(first, ctx.callsigns) : null;
      if (callsign && tokens.length >= 2) {
        const status = parseEnum(tokens.slice(1).join('_'), UnitStatusSchema.options);
        if (!status) return { ok: false, error: `unknown unit status "${tokens.slice(1).join(' ')}"` };
        return { ok: true, action: { verb: 'status', target: 'unit', callsign, status } };
      }
      const ref = takeRef(tokens, ctx);
      if (typeof ref !== 'string') return { ok: false, error: ref.error };
      const status = parseEnum(tokens.join('_'), IncidentStatusSchema.options);
      if (!status) return { ok: false, error: `unknown incident status "${tokens.join(' ')}"` };
      if (status === 'closed') return { ok: false, error: 'use close <result code> to close an incident' };
      return { ok: true, action: { verb: 'status', target: 'incident', incidentRef: ref, status } };
    }
    case 'note': {
      const ref = takeRef(tokens, ctx);
      if (typeof ref !== 'string') return { ok: false, error: ref.error };
      const text = tokens.join(' ');
      if (!text) return { ok: false, error: 'note needs some text' };
      return { ok: true, action: { verb: 'note', incidentRef: ref, text } };
    }
    case 'close': {
      const ref = takeRef(tokens, ctx);
      if (typeof ref !== 'string') return { ok: false, error: ref.error };
      const resultCode = parseEnum(tokens.join('_'), ResultCodeSchema.options);
      if (!resultCode) return { ok: false, error: `close needs a result code: ${ResultCodeSchema.options.join(', ')}` };
      return { ok: true, action: { verb: 'close', incidentRef: ref, resultCode } };
    }
  }
}

/**
 * Completions for the word being typed: verbs first, then what the verb expects next
 * (types, callsigns, statuses, result codes). Returns whole lines to replace the input with.
 */
export function completeCommandLine(input: string, ctx: CommandLineContext, limit = 8): string[] {
  const endsWithSpace = /\s$/.test(input);
  const tokens = input.trim().split(/\s+/).filter(Boolean);
  const current = endsWithSpace ? '' : (tokens.pop() ?? '');
  const head = tokens.length ? tokens.join(' ') + ' ' : '';
  const lower = current.toLowerCase();
  const pick = (options: readonly string[]) =>
    options
      .filter((o) => o.toLowerCase().startsWith(lower))
      .slice(0, limit)
      .map((o) => head + o);
  if (tokens.length === 0) return pick(Object.keys(VERBS));
  const verb = (Object.keys(VERBS) as Verb[]).find((v) => v === tokens[0]!.toLowerCase());
  switch (verb) {
    case 'new':
      return tokens.length === 1 ? pick(IncidentTypeSchema.options) : pick(['g1', 'g2', 'g3', 'g4']);
    case 'assign':
      return pick(ctx.callsigns);
    case 'status':
      return tokens.length >= 2 && resolveCallsign(tokens[1]!, ctx.callsigns)
        ? pick(UnitStatusSchema.options)
        : pick([...ctx.callsigns, ...IncidentStatusSchema.options.filter((s) => s !== 'closed')]);
    case 'close':
      return pick(ResultCodeSchema.options);
    default:
      return [];
  }
}
