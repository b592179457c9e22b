/**
 * Batched change_log, change_log_bases and field_clock writes for the merge (db/sync/merge.ts), inside its transaction.
 *
 * An op whose seq is above the highest seq stored for its origin (one lookup per origin per apply,
 * then tracked here) is certainly new, so it is queued without the per-op INSERT OR IGNORE probe.
 * Queued rows are written by multi-row INSERTs; the merge flushes before every read of
 * change_log or field_clock, so every read sees exactly what one-by-one writes would have left.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../open';
import { stmt } from '../statements';
import type { SyncOp } from './ops';

/** Rows per multi-row INSERT: 7 × 512 variables, far below SQLite's 32,766. */
const ROWS = 512;
const LOG_COLS = '(device_id, seq, hlc, entity, row_id, fields, bases)';
const CLOCK_COLS = '(entity, row_id, field, hlc, device, seq, base)';
const CLOCK_UPSERT =
  'ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, seq = excluded.seq, base = excluded.base';

function values(columns: number, rows: number): string {
  const one = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => one).join(', ');
}

/** Queued parameters of one table, written ROWS at a time (a short remainder row by row). */
class Queue {
  private params: unknown[] = [];
  private rows = 0;
  constructor(
    private readonly db: Db,
    private readonly columns: number,
    private readonly sql: (valuesSql: string) => string,
  ) {}

  push(...row: unknown[]): void {
    for (const v of row) this.params.push(v);
    if (++this.rows === ROWS) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    if (this.rows === ROWS) {
      stmt(this.db, this.sql(values(this.columns, ROWS))).run(this.params);
    } else {
      const one: Database.Statement = stmt(this.db, this.sql(values(this.columns, 1)));
      for (let i = 0; i < this.params.length; i += this.columns) one.run(this.params.slice(i, i + this.columns));
    }
    this.params = [];
    this.rows = 0;
  }
}

export class OpBatch {
  private readonly log: Queue;
  private readonly bases: Queue;
  private readonly clocks: Queue;
  /** Highest seq stored or queued, per origin. */
  private readonly maxSeq = new Map<string, number>();

  constructor(private readonly db: Db) {
    this.log = new Queue(db, 7, (v) => `INSERT INTO change_log ${LOG_COLS} VALUES ${v}`);
    this.bases = new Queue(db, 4, (v) => `INSERT OR IGNORE INTO change_log_bases (base, entity, row_id, field) VALUES ${v}`);
    this.clocks = new Queue(db, 7, (v) => `INSERT INTO field_clock ${CLOCK_COLS} VALUES ${v} ${CLOCK_UPSERT}`);
  }

  private highest(origin: string): number {
    let max = this.maxSeq.get(origin);
    if (max === undefined) {
      const r = stmt(this.db, 'SELECT max(seq) AS m FROM change_log WHERE device_id = ?').get(origin) as { m: number | null };
      max = r.m ?? 0;
      this.maxSeq.set(origin, max);
    }
    return max;
  }

  /** Stores the op in change_log unless it is already there; returns whether it was new. */
  store(op: SyncOp, stored: { fields: string; bases: string | null }): boolean {
    if (op.seq > this.highest(op.origin)) {
      this.maxSeq.set(op.origin, op.seq);
      this.log.push(op.origin, op.seq, op.hlc, op.entity, op.row, stored.fields, stored.bases);
    } else {
      this.log.flush();
      const r = stmt(
        this.db,
        'INSERT OR IGNORE INTO change_log (device_id, seq, hlc, entity, row_id, fields, bases) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(op.origin, op.seq, op.hlc, op.entity, op.row, stored.fields, stored.bases);
      if (r.changes === 0) return false;
    }
    if (stored.bases !== null) for (const [field, base] of Object.entries(op.bases)) this.bases.push(base, op.entity, op.row, field);
    return true;
  }

  /** Makes `op` the winner of `field` in field_clock (WHOLE_ROW: of every field it set). */
  win(op: SyncOp, field: string, base: string | null): void {
    this.clocks.push(op.entity, op.row, field, op.hlc, op.origin, op.seq, base);
  }

  /** Before reading change_log, change_log_bases or field_clock. */
  flush(): void {
    this.log.flush();
    this.bases.flush();
    this.clocks.flush();
  }
}
