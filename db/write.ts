import { appendAudit, type Actor } from './audit';
import { canonicalJson } from './canonical';
import type { Db } from './open';
import { stmt } from './statements';
import { formatHlc, parseHlc, type HybridClock } from './sync/hlc';

/** What every service call runs with: the open database and who is acting, on which device. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  deviceId: string;
  clock: HybridClock;
  now: () => number;
}

export type Scalar = string | number | null;
export type Row = Record<string, Scalar>;

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}

/**
 * The only way domain rows change. Inside one transaction, each insert or update writes the row,
 * one change-log op per changed field (for the sync export) and one audit entry with the row's
 * before and after.
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
    // A new row has no field clocks yet: nothing to look up.
    for (const c of cols) if (c !== 'id') this.op(entity, row.id, c, row[c] ?? null, false);
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
    stmt(this.ctx.db, `UPDATE ${ident(entity)} SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
      .run({ ...Object.fromEntries(changed.map((c) => [c, patch[c] ?? null])), id });
    for (const c of changed) this.op(entity, id, c, patch[c] ?? null, true);
    appendAudit(
      this.ctx.db,
      this.auditBase(
        entity,
        id,
        Object.fromEntries(changed.map((c) => [c, before[c] ?? null])),
        Object.fromEntries(changed.map((c) => [c, patch[c] ?? null])),
      ),
    );
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
    this.op(entity, id, field, value, true);
    appendAudit(this.ctx.db, this.auditBase(entity, id, { [field]: before.v }, { [field]: value }));
  }

  /** Records an audited event that changes no row (a passphrase reset, an export). */
  event(entity: string | null, entityId: string | null, detail: Record<string, unknown> | null = null): void {
    appendAudit(this.ctx.db, { ...this.auditBase(entity, entityId, null, detail) });
  }

  finish(): void {
    stmt(this.ctx.db, "INSERT INTO meta (key, value) VALUES ('next_seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(String(this.seq));
  }

  /**
   * One change-log op plus the field's winning clock. base is the clock of the value overwritten,
   * so a receiver can tell an informed edit from a concurrent one. A local edit always wins
   * locally: when the current winner's HLC is ahead of ours (an op from a device whose clock runs
   * ahead, which db/sync/merge.ts does not let advance our clock), this op's HLC is placed just
   * after it, so every device orders the two the same way.
   */
  private op(entity: string, rowId: string, field: string, value: Scalar, existing: boolean): void {
    const db = this.ctx.db;
    let hlc = this.ctx.clock.now();
    let base: string | null = null;
    if (existing) {
      const w = stmt(db, 'SELECT hlc FROM field_clock WHERE entity = ? AND row_id = ? AND field = ?').get(entity, rowId, field) as
        | { hlc: string }
        | undefined;
      if (w) {
        base = w.hlc;
        if (hlc <= w.hlc) {
          const ahead = parseHlc(w.hlc);
          hlc = formatHlc({ ms: ahead.ms, counter: ahead.counter + 1, device: this.ctx.deviceId });
        }
      }
    }
    stmt(db, 'INSERT INTO change_log (device_id, seq, hlc, base, entity, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(this.ctx.deviceId, this.seq, hlc, base, entity, rowId, field, canonicalJson(value));
    stmt(
      db,
      `INSERT INTO field_clock (entity, row_id, field, hlc, device, seq, base) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, seq = excluded.seq, base = excluded.base`,
    ).run(entity, rowId, field, hlc, this.ctx.deviceId, this.seq, base);
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
