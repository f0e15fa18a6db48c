import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Main's log: a line per event (window opened, crashed, reloaded, profile problems) to stderr
 * and to `logs/main.log` in the user-data folder, where a technician finds it after the fact.
 */
export function createLog(dir: string): (message: string) => void {
  const file = path.join(dir, 'main.log');
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // Logging must never stop the app: stderr still works.
  }
  return (message) => {
    const line = `${new Date().toISOString()} ${message}`;
    console.error(`[jccr] ${line}`);
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      // As above.
    }
  };
}
