import { appendAudit, type Actor } from './audit';
import type { Db } from './open';
import type { Row, Scalar } from './values';
import { stmt } from './statements';
import { RowClocks, setFieldClock, WHOLE_ROW } from './sync/field-clock';
import { formatHlc, parseHlc, type HybridClock } from './sync/hlc';
import { storedForm, type SyncOp } from './sync/ops';

/** What every service call runs with: the open database and who is acting, on which device. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  deviceId: string;
  clock: HybridClock;
  now: () => number;
}

export type { Row, Scalar } from './values';

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}

/**
 * The only way domain rows change. Inside one transaction, each insert or update writes the row,
 * one change-log op naming the fields it set (for the sync export) and one audit entry with the
 * row's before and after.
 */
export class Tx {
  private seq: number;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly action: string,
    readonly at: string,
  ) {
    const r = stmt(ctx.db, "SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string } | undefined;
    this.seq = r ? Number(r.value) : 1;
  }

  insert(entity: string, row: Row & { id: string }): void {
    const cols = Object.keys(row).map(ident);
    stmt(this.ctx.db, `INSERT INTO ${ident(entity)} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
      .run(row);
    const fields: Row = {};
    for (const c of cols) if (c !== 'id') fields[c] = row[c] ?? null;
    // A new row has no field clocks yet: nothing to look up.
    this.op(entity, row.id, fields, false);
    appendAudit(this.ctx.db, this.auditBase(entity, row.id, null, row));
  }

  /** Updates the given fields; returns the row as it was before. Unchanged fields are not logged. */
  update(entity: string, id: string, patch: Row): Row {
    const before = stmt(this.ctx.db, `SELECT * FROM ${ident(entity)} WHERE id = ?`).get(id) as Row | undefined;
    if (!before) throw new Error(`${entity} row not found`);
    const changed = Object.keys(patch)
      .map(ident)
      .filter((c) => c !== 'id' && before[c] !== patch[c]);
    if (changed.length === 0) return before;
    const after: Row = Object.fromEntries(changed.map((c) => [c, patch[c] ?? null]));
    stmt(this.ctx.db, `UPDATE ${ident(entity)} SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...after, id });
    this.op(entity, id, after, true);
    appendAudit(this.ctx.db, this.auditBase(entity, id, Object.fromEntries(changed.map((c) => [c, before[c] ?? null])), after));
    return before;
  }

  /**
   * Sets one field and logs the op even when the value does not change: a person's decision (a
   * resolved sync conflict) must reach the other devices, where it settles their copy of the conflict.
   */
  assert(entity: string, id: string, field: string, value: Scalar): void {
    const before = stmt(this.ctx.db, `SELECT ${ident(field)} AS v FROM ${ident(entity)} WHERE id = ?`).get(id) as { v: Scalar } | undefined;
    if (!before) throw new Error(`${entity} row not found`);
    stmt(this.ctx.db, `UPDATE ${ident(entity)} SET ${ident(field)} = ? WHERE id = ?`).run(value, id);
    this.op(entity, id, { [field]: value }, true);
    appendAudit(this.ctx.db, this.auditBase(entity, id, { [field]: before.v }, { [field]: value }));
  }

  /** Records an audited event that changes no row (a passphrase reset, an export). */
  event(entity: string | null, entityId: string | null, detail: Record<string, unknown> | null = null): void {
    appendAudit(this.ctx.db, { ...this.auditBase(entity, entityId, null, detail) });
  }

  /** Never lowers next_seq: an import in this transaction may have raised it past our own ops coming back. */
  finish(): void {
    stmt(
      this.ctx.db,
      `INSERT INTO meta (key, value) VALUES ('next_seq', ?)
       ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
    ).run(String(this.seq));
  }

  /**
   * One change-log op for the row write, and the fields' winning clocks. Each field's base is the
   * clock of the value overwritten, so a receiver can tell an informed edit from a concurrent one.
   * A local edit always wins locally: when a current winner's HLC is ahead of ours (an op from a
   * device whose clock runs ahead, which db/sync/merge.ts does not let advance our clock), this
   * op's HLC is placed just after it, so every device orders the two the same way.
   */
  private op(entity: string, rowId: string, fields: Row, existing: boolean): void {
    const db = this.ctx.db;
    let hlc = this.ctx.clock.now();
    const bases: Record<string, string> = {};
    let newest: string | null = null;
    if (existing) {
      const clocks = new RowClocks(db, entity, rowId);
      for (const field of Object.keys(fields)) {
        const w = clocks.winner(field);
        if (!w) continue;
        bases[field] = w.hlc;
        if (newest === null || w.hlc > newest) newest = w.hlc;
      }
    }
    if (newest !== null && hlc <= newest) {
      const ahead = parseHlc(newest);
      hlc = formatHlc({ ms: ahead.ms, counter: ahead.counter + 1, device: this.ctx.deviceId });
    }
    const op: SyncOp = { origin: this.ctx.deviceId, seq: this.seq, hlc, entity, row: rowId, fields, bases };
    const stored = storedForm(op);
    stmt(db, 'INSERT INTO change_log (device_id, seq, hlc, entity, row_id, fields, bases) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(op.origin, op.seq, hlc, entity, rowId, stored.fields, stored.bases);
    for (const [field, base] of Object.entries(bases)) {
      stmt(db, 'INSERT OR IGNORE INTO change_log_bases (base, entity, row_id, field) VALUES (?, ?, ?, ?)').run(base, entity, rowId, field);
    }
    const winner = (base: string | null) => ({ hlc, device: op.origin, seq: op.seq, base });
    if (existing) for (const field of Object.keys(fields)) setFieldClock(db, entity, rowId, field, winner(bases[field] ?? null));
    else setFieldClock(db, entity, rowId, WHOLE_ROW, winner(null));
    this.seq += 1;
  }

  private auditBase(
    entity: string | null,
    entityId: string | null,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ) {
    return {
      actor: this.ctx.actor,
      deviceId: this.ctx.deviceId,
      action: this.action,
      at: this.at,
      entity,
      entityId,
      before,
      after,
    };
  }
}

/** Runs `fn` in one transaction with a Tx; nothing is written if it throws. */
export function mutate<T>(ctx: ServiceContext, action: string, fn: (tx: Tx) => T): T {
  return ctx.db.transaction(() => {
    const tx = new Tx(ctx, action, new Date(ctx.now()).toISOString());
    const result = fn(tx);
    tx.finish();
    return result;
  })();
}
