/**
 * Which op currently wins each field of a row (field_clock, see migrations 0010 and 0012).
 * An entry with field = '' names the op that wrote the row whole: it wins every field that op set,
 * except the fields that have an entry of their own.
 */
import type { Db } from '../open';
import { stmt } from '../statements';
import type { Scalar } from '../values';

export const WHOLE_ROW = '';

export interface Winner {
  hlc: string;
  device: string;
  seq: number;
  base: string | null;
}

interface ClockRow extends Winner {
  field: string;
}

/** The fields an op set, with their values. */
export function opFields(db: Db, device: string, seq: number): Record<string, Scalar> | null {
  const r = stmt(db, 'SELECT fields FROM change_log WHERE device_id = ? AND seq = ?').get(device, seq) as { fields: string } | undefined;
  return r ? (JSON.parse(r.fields) as Record<string, Scalar>) : null;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export class RowClocks {
  private readonly own = new Map<string, Winner>();
  private whole: Winner | null = null;
  private wholeFields: Record<string, Scalar> | null = null;

  constructor(
    private readonly db: Db,
    entity: string,
    row: string,
  ) {
    const rows = stmt(db, 'SELECT field, hlc, device, seq, base FROM field_clock WHERE entity = ? AND row_id = ?').all(entity, row) as ClockRow[];
    for (const r of rows) {
      const w = { hlc: r.hlc, device: r.device, seq: r.seq, base: r.base };
      if (r.field === WHOLE_ROW) this.whole = w;
      else this.own.set(r.field, w);
    }
    if (this.whole) this.wholeFields = opFields(db, this.whole.device, this.whole.seq);
  }

  /** The op whose value of `field` is current here, if any op set it. */
  winner(field: string): Winner | undefined {
    const w = this.own.get(field);
    if (w) return w;
    return this.whole && this.wholeFields && has(this.wholeFields, field) ? this.whole : undefined;
  }

  /** The winner's value of `field`, as JSON (what sync_conflicts stores). */
  valueJson(field: string, w: Winner): string | null {
    const fields = w === this.whole ? this.wholeFields : opFields(this.db, w.device, w.seq);
    return fields && has(fields, field) ? JSON.stringify(fields[field]) : null;
  }

  /** Every field's winning value (a row rebuilt from its ops). */
  values(): Record<string, Scalar> {
    const out: Record<string, Scalar> = { ...(this.wholeFields ?? {}) };
    const byOp = new Map<string, Record<string, Scalar> | null>();
    for (const [field, w] of this.own) {
      const key = `${w.device}:${w.seq}`;
      if (!byOp.has(key)) byOp.set(key, opFields(this.db, w.device, w.seq));
      const fields = byOp.get(key);
      if (fields && has(fields, field)) out[field] = fields[field] ?? null;
    }
    return out;
  }
}

/** Makes an op the winner of some fields of a row (one statement per field). */
export function setFieldClock(db: Db, entity: string, row: string, field: string, w: Winner): void {
  stmt(
    db,
    `INSERT INTO field_clock (entity, row_id, field, hlc, device, seq, base) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, seq = excluded.seq, base = excluded.base`,
  ).run(entity, row, field, w.hlc, w.device, w.seq, w.base);
}
