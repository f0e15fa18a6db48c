import type Database from 'better-sqlite3';
import type { HistoryPage, HistoryPosition, HistorySearch } from './storage';

/** The index columns every archiving kind's table has (migration 5). */
type Filter = 'ref' | 'ward' | 'type' | 'from' | 'to' | 'after';
const FILTER_SQL: Readonly<Record<Filter, string>> = {
  ref: 'h_ref = @ref',
  ward: 'h_ward = @ward',
  type: 'h_type = @type',
  from: 'h_at >= @from',
  to: 'h_at < @to',
  after: '(h_at, id) < (@afterAt, @afterId)',
};
const FILTERS = Object.keys(FILTER_SQL) as Filter[];

interface Row {
  id: string;
  at: string;
  archived: number;
  /** The record's JSON when it matched the text, else null (unmatched rows are not parsed). */
  data: string | null;
}

/** `%`, `_` and the escape itself taken literally in a LIKE pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * History search over one table of an archiving kind (live and archived records), newest first.
 * Every filter but the free text is an index range (time; ward, type or reference then time), and
 * a page reads at most `scan` rows of it: a text that matches few records answers fewer than
 * `limit` of them with a `next` position to go on from, so no request reads the whole table.
 */
export function historyStatements(db: Database.Database, table: string) {
  const statements = new Map<string, Database.Statement<Record<string, string | number>, Row>>();
  const statement = (filters: readonly Filter[]) => {
    const key = filters.join(',');
    let s = statements.get(key);
    if (!s) {
      const where = filters.map((f) => FILTER_SQL[f]);
      s = db.prepare<Record<string, string | number>, Row>(
        `SELECT id, h_at AS at, archived, CASE WHEN h_text LIKE @text ESCAPE '\\' THEN data END AS data
         FROM ${table} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
         ORDER BY h_at DESC, id DESC LIMIT @scan`,
      );
      statements.set(key, s);
    }
    return s;
  };
  const archived = db.prepare<[string], { data: string }>(`SELECT data FROM ${table} WHERE id = ? AND archived = 1`);

  return {
    search(q: HistorySearch): HistoryPage {
      const filters = FILTERS.filter((f) => (f === 'after' ? q.after !== undefined : q[f] !== undefined));
      const params: Record<string, string | number> = { text: likePattern(q.text ?? ''), scan: q.scan };
      for (const f of ['ref', 'ward', 'type', 'from', 'to'] as const) {
        const value = q[f];
        if (value !== undefined) params[f] = value;
      }
      if (q.after) {
        params.afterAt = q.after.at;
        params.afterId = q.after.id;
      }
      const items: HistoryPage['items'] = [];
      let last: HistoryPosition | null = null;
      let read = 0;
      let chars = 0;
      for (const row of statement(filters).iterate(params)) {
        read++;
        if (row.data !== null) {
          if (items.length === q.limit || (items.length > 0 && chars + row.data.length > q.maxChars)) {
            // One more match exists: the page ends at its last item.
            return { items, next: last };
          }
          chars += row.data.length;
          items.push({ record: JSON.parse(row.data), archived: row.archived === 1 });
        }
        last = { at: row.at, id: row.id };
      }
      // The scan ran out of rows (no more can match) or stopped at its bound (more may).
      return { items, next: read === q.scan ? last : null };
    },
    findArchived(id: string): unknown {
      const row = archived.get(id);
      return row ? JSON.parse(row.data) : undefined;
    },
  };
}
