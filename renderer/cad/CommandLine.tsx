import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import {
  VERBS,
  completeCommandLine,
  parseCommandLine,
  type CommandLineAction,
  type CommandLineContext,
  type Verb,
} from '../../shared/domain/commandLine';

/** What the console does to its command line: `/` focuses it, a palette pick fills it. */
export interface CommandLineHandle {
  focus(): void;
  /** Replaces the line with `text` (as if typed) and focuses it, ready to go on typing. */
  fill(text: string): void;
}

interface Props {
  context: CommandLineContext;
  onRun: (action: CommandLineAction) => string | null;
}

/**
 * The dispatcher's command line: `new`, `assign`, `status`, `note`, `close`, `find`, `help`.
 * Tab completes (verbs, types, callsigns, statuses, result codes); the line under it explains the
 * verb being typed or why the command cannot run. Enter runs it.
 */
export const CommandLine = forwardRef<CommandLineHandle, Props>(function CommandLine({ context, onRun }, ref) {
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      focus: () => input.current?.focus(),
      fill: (text) => {
        setValue(text);
        setMessage(null);
        input.current?.focus();
      },
    }),
    [],
  );
  const completions = value.trim() ? completeCommandLine(value, context) : [];
  const verb = (Object.keys(VERBS) as Verb[]).find((v) => v === value.trim().split(/\s+/)[0]?.toLowerCase());
  const help = verb
    ? VERBS[verb]
    : 'Commands: new, assign, status, note, close, find, help (Tab completes, Ctrl+K lists)';

  const run = () => {
    const parsed = parseCommandLine(value, context);
    if (!parsed.ok) {
      setMessage({ text: parsed.error, error: true });
      return;
    }
    if (parsed.action.verb === 'help') {
      setMessage({ text: Object.values(VERBS).join(' · '), error: false });
      setValue('');
      return;
    }
    const error = onRun(parsed.action);
    if (error) setMessage({ text: error, error: true });
    else {
      setMessage(null);
      setValue('');
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab' && completions.length > 0 && !e.shiftKey) {
      e.preventDefault();
      setValue(completions[0]! + ' ');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run();
    } else if (e.key === 'Escape') {
      setValue('');
      setMessage(null);
    }
  };

  return (
    <div className="cad-cmdline">
      <label className="cad-cmdline__label" htmlFor="cad-cmdline-input">
        Command
      </label>
      <input
        id="cad-cmdline-input"
        ref={input}
        className="cad-cmdline__input cad-mono"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-describedby="cad-cmdline-help"
        aria-keyshortcuts="/"
        placeholder="/ to type a command, e.g. assign 123 TR2"
        onChange={(e) => {
          setValue(e.target.value);
          setMessage(null);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="cad-cmdline-help" className={`cad-cmdline__help${message?.error ? ' cad-error' : ''}`} aria-live="polite">
        {message ? message.text : help}
        {!message && completions.length > 0 ? (
          <span className="cad-muted">
            {' '}
            · Tab:{' '}
            {completions
              .slice(0, 4)
              .map((c) => c.split(' ').at(-1))
              .join(', ')}
          </span>
        ) : null}
      </p>
    </div>
  );
});

interface PaletteProps {
  onPick: (text: string) => void;
  onClose: () => void;
}

/** Ctrl+K: every command with its help, filterable; picking one starts it on the command line. */
export function CommandPalette({ onPick, onClose }: PaletteProps) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const items = (Object.entries(VERBS) as [Verb, string][]).filter(([v, h]) =>
    `${v} ${h}`.toLowerCase().includes(filter.toLowerCase()),
  );
  const pick = (i: number) => {
    const item = items[i];
    if (item) onPick(`${item[0]} `);
  };
  return (
    <div className="cad-palette-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        className="cad-palette"
        onClick={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          aria-label="Search commands"
          role="combobox"
          aria-expanded="true"
          aria-controls="cad-palette-list"
          aria-activedescendant={items[active] ? `cad-palette-${items[active][0]}` : undefined}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
            else if (e.key === 'Enter') pick(active);
            else if (e.key === 'Escape') onClose();
            else return;
            e.preventDefault();
          }}
        />
        <ul role="listbox" id="cad-palette-list" aria-label="Commands">
          {items.map(([verb, help], i) => (
            <li
              key={verb}
              id={`cad-palette-${verb}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'cad-palette__active' : undefined}
              onClick={() => pick(i)}
            >
              {help}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
