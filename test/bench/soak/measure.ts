// What the soak benchmark reads at each simulated day: the SMS process, each window, the snapshot
// and the database.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { z } from 'zod';

/** The SMS process's answer to its `memory` hook (./smsProcess.ts). */
export const SmsMemorySchema = z.object({
  rss: z.number(),
  heapUsed: z.number(),
  heapTotal: z.number(),
  external: z.number(),
  now: z.number(),
  seq: z.number(),
  incidents: z.number(),
  alerts: z.number(),
});
export type SmsMemory = z.infer<typeof SmsMemorySchema>;

/** One window's figures, after a full garbage collection in the page. */
export interface PageFigures {
  heapUsed: number;
  /** Elements in the document. */
  domElements: number;
  /** Nodes Chromium counts for the renderer (attached and detached). */
  domNodes: number;
  jsEventListeners: number;
}

export async function pageFigures(page: Page): Promise<PageFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
    const domElements = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
    return {
      heapUsed: heap.usedSize,
      domElements,
      domNodes: counters.nodes,
      jsEventListeners: counters.jsEventListeners,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The database's size on disk and what holds it. */
export interface DatabaseFigures {
  /** `sms.sqlite` plus its write-ahead log. */
  fileBytes: number;
  /** Bytes of pages per table and index (SQLite's dbstat), largest first. */
  byTable: Record<string, number>;
  rows: {
    journal: number;
    audit: number;
    incidentsLive: number;
    incidentsArchived: number;
    alertsLive: number;
    alertsArchived: number;
    incidentLog: number;
  };
}

const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** Reads the SMS's database beside it (WAL: a reader sees the last commit and blocks no writer). */
export function databaseFigures(dataDir: string): DatabaseFigures {
  const file = path.join(dataDir, 'sms.sqlite');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
    const tables = db
      .prepare<[], { name: string; bytes: number }>(
        'SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC',
      )
      .all();
    return {
      fileBytes: size(file) + size(`${file}-wal`),
      byTable: Object.fromEntries(tables.map((t) => [t.name, t.bytes])),
      rows: {
        journal: count('SELECT count(*) AS n FROM journal'),
        audit: count('SELECT count(*) AS n FROM audit'),
        incidentsLive: count('SELECT count(*) AS n FROM incidents WHERE archived = 0'),
        incidentsArchived: count('SELECT count(*) AS n FROM incidents WHERE archived = 1'),
        alertsLive: count('SELECT count(*) AS n FROM alerts WHERE archived = 0'),
        alertsArchived: count('SELECT count(*) AS n FROM alerts WHERE archived = 1'),
        incidentLog: count('SELECT count(*) AS n FROM incident_log'),
      },
    };
  } finally {
    db.close();
  }
}

/** Relative growth from the first value to the last (0.1 is 10 %). */
export function growth(from: number, to: number): number {
  return from === 0 ? (to === 0 ? 0 : Number.POSITIVE_INFINITY) : (to - from) / from;
}
