// CPU time of process trees, read from /proc (Linux): the benchmark's browser (every Chromium
// process of one profile) and an SMS started as a child process.
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

interface ProcRow {
  parent: number;
  cpuSeconds: number;
}

function readProcs(): Map<number, ProcRow & { cmdline: string }> {
  const rows = new Map<number, ProcRow & { cmdline: string }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      rows.set(pid, {
        parent: Number(fields[1]),
        // utime + stime, and cutime + cstime: children that have ended and been waited for (an
        // SMS's ffmpeg encodes) count for their parent, and are in no live process's figures.
        cpuSeconds: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS,
        cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return rows;
}

/** CPU seconds used so far by the processes `isRoot` picks and all their descendants. */
function treeCpuSeconds(isRoot: (pid: number, cmdline: string) => boolean): number {
  const procs = readProcs();
  const roots = new Set([...procs].filter(([pid, row]) => isRoot(pid, row.cmdline)).map(([pid]) => pid));
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = procs.get(p)?.parent ?? 0, hops++)
      if (roots.has(p)) return true;
    return false;
  };
  let total = 0;
  for (const [pid, row] of procs) if (inTree(pid)) total += row.cpuSeconds;
  return total;
}

/** CPU seconds of every process whose command line names this browser profile, and their children. */
export function chromiumCpuSeconds(profile: string): number {
  return treeCpuSeconds((_pid, cmdline) => cmdline.includes(profile));
}

/** CPU seconds of process `pid` and its descendants (an SMS started with `npm run sms`: npm, sh, node). */
export function processTreeCpuSeconds(pid: number): number {
  return treeCpuSeconds((p) => p === pid);
}
