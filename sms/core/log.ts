/** Where the SMS reports what an operator of the server needs to know. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** An unexpected failure: `error` carries the stack, which only such failures print. */
  error(message: string, error?: unknown): void;
}

/** Logs to stderr, one line per message (stdout is kept for the listening line and tool output). */
export function stderrLogger(): Logger {
  const line = (level: string, message: string) =>
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m, e) => line('error', e instanceof Error ? `${m}: ${e.stack ?? e.message}` : m),
  };
}

/** Discards everything (tests, benchmarks). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
