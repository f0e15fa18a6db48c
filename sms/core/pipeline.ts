import { CommandSchemas, type CommandPayload, type CommandResult, type CommandType } from '../../shared/protocol';
import type { Draft } from './draft';
import { describeIssues } from './issues';
import { CommandFailure, type Actor } from './ports';

/** Applies one command to a draft: stages the changes and returns the result, or throws `CommandFailure`. */
export type CommandHandler<T extends CommandType> = (d: Draft, payload: CommandPayload<T>) => CommandResult<T>;

/**
 * The SMS's command rules, handed to the core by whoever builds it (sms/app.ts): the handler of
 * every command type and who may run each. The core depends on this shape, not on the handlers.
 */
export interface CommandRules {
  readonly handlers: { readonly [T in CommandType]: CommandHandler<T> };
  mayRun(actor: Actor, type: CommandType): boolean;
}

/** A command run in a draft, not yet committed. */
export interface Prepared {
  type: CommandType;
  payload: unknown;
  result: unknown;
  draft: Draft;
}

/**
 * The one path of every command, whoever sends it (an operator's session or the simulator):
 * known type, role, payload schema, then the handler in a fresh draft. Any refusal throws
 * `CommandFailure` and leaves nothing behind.
 */
export function prepareCommand(
  rules: CommandRules,
  newDraft: (actor: Actor) => Draft,
  type: string,
  payload: unknown,
  actor: Actor,
): Prepared {
  if (!isCommandType(type)) throw new CommandFailure('invalid', `Unknown command ${type}.`);
  if (!rules.mayRun(actor, type)) throw new CommandFailure('forbidden', `A ${actor.role} may not run ${type}.`);
  const parsed = CommandSchemas[type].payload.safeParse(payload);
  if (!parsed.success)
    throw new CommandFailure('invalid', `Invalid ${type}: ${describeIssues(parsed.error, { under: 'payload' })}`);
  const draft = newDraft(actor);
  const result = runHandler(rules, type, draft, parsed.data);
  return { type, payload: parsed.data, result, draft };
}

function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(CommandSchemas, type);
}

/** Runs the handler of `type`; the payload has been parsed with that type's schema. */
function runHandler<T extends CommandType>(rules: CommandRules, type: T, draft: Draft, payload: unknown): unknown {
  return rules.handlers[type](draft, payload as CommandPayload<T>);
}
