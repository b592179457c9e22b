/**
 * The office core: the state machine behind the app (no office → locked → unlocked), owning the
 * open database, the unlocked key and the acting user. Electron's main process and the browser-mode
 * test bridge both drive it through db/api.ts; nothing here knows about Electron.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit, SYSTEM_ACTOR, type Actor } from './audit';
import { backupBeforeMigration } from './backup';
import type { EventName, Events, ParsedInputOf, SessionStatus, SessionUser } from './contract';
import { AppError, isAppError } from './errors';
import { UnlockGuard } from './guard';
import { putUserSlot, newUserSlot, type Keyring } from './keyring';
import {
  burnKdf,
  DEFAULT_KDF,
  newRecoveryCode,
  normalizeRecoveryCode,
  readSlots,
  unwrapKey,
  wrapKey,
  writeSlots,
  type KdfParams,
} from './keyslots';
import { defaultMigrationsDir, loadMigrations, migrate, type Migration } from './migrate';
import { isPlaintextSqlite, openEncrypted, type Db } from './open';
import { assertPassphrase, POLICY } from './policy';
import { getSettings } from './services/settings';
import { addUser, findUser } from './services/users';
import { requireShell, type ShellPort } from './shell';
import { ReportWorker } from './reports/worker-host';
import { ImportWorker } from './sync/import-worker-host';
import { HybridClock } from './sync/hlc';
import { createIdentity } from './sync/identity';
import type { ServiceContext } from './write';

export interface CoreOptions {
  /** Folder holding office.db, office.keys.json, office.guard.json and backups/. */
  dataDir: string;
  migrationsDir?: string;
  /** better_sqlite3.node built for the running runtime (Electron passes its own build). */
  nativeBinding?: string;
  now?: () => number;
  /** scrypt cost for new slots; tests lower it, production keeps the default. */
  kdf?: KdfParams;
  onEvent?: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** Dialogs and printing, from Electron's main process or the test harness. */
  shell?: ShellPort;
}

export const FILES = {
  db: 'office.db',
  slots: 'office.keys.json',
  guard: 'office.guard.json',
  backups: 'backups',
} as const;

interface Session {
  db: Db;
  keys: Keyring;
  user: SessionUser;
  ctx: ServiceContext;
  officeName: string;
  demo: boolean;
  lastActivity: number;
  /** The report worker (db/reports/worker-host.ts), started on first use; it holds a copy of the key. */
  reports?: ReportWorker;
  /** The sync import worker (db/sync/import-worker-host.ts), started on first import; it holds a copy of the key. */
  imports?: ImportWorker;
}

export class OfficeCore {
  readonly paths: { db: string; slots: string; guard: string; backups: string };
  private readonly now: () => number;
  private readonly kdf: KdfParams;
  private readonly guard: UnlockGuard;
  private migrationList: Migration[] | null = null;
  private session: Session | null = null;

  constructor(private readonly opts: CoreOptions) {
    const d = opts.dataDir;
    this.paths = {
      db: join(d, FILES.db),
      slots: join(d, FILES.slots),
      guard: join(d, FILES.guard),
      backups: join(d, FILES.backups),
    };
    this.now = opts.now ?? Date.now;
    this.kdf = opts.kdf ?? DEFAULT_KDF;
    this.guard = new UnlockGuard(this.paths.guard, this.now);
  }

  private get migrations(): Migration[] {
    this.migrationList ??= loadMigrations(this.opts.migrationsDir ?? defaultMigrationsDir());
    return this.migrationList;
  }

  status(): SessionStatus {
    const policy = POLICY;
    const s = this.session;
    if (s) {
      return {
        state: 'unlocked',
        policy,
        officeName: s.officeName,
        demo: s.demo,
        user: s.user,
        idleMinutes: getSettings(s.ctx).idleMinutes,
      };
    }
    const hasDb = existsSync(this.paths.db);
    const hasSlots = existsSync(this.paths.slots);
    if (!hasDb && !hasSlots) return { state: 'no-office', policy };
    try {
      if (!hasDb) throw new AppError('DB_MISSING', 'the key slots file exists but the database file is missing');
      if (isPlaintextSqlite(this.paths.db)) throw new AppError('DB_PLAINTEXT', 'refusing an unencrypted database file');
      const slots = readSlots(this.paths.slots);
      const guard = this.guard.read();
      return {
        state: 'locked',
        policy,
        officeName: slots.officeName,
        demo: slots.demo,
        lockedUntil: this.guard.lockedUntil(),
        failedAttempts: guard.failures,
      };
    } catch (e) {
      if (!isAppError(e)) throw e;
      return { state: 'error', policy, error: { code: e.code, message: e.message } };
    }
  }

  async setup(
    input: ParsedInputOf<'session.setup'>,
    opts: { demo?: boolean; join?: boolean } = {},
  ): Promise<{ recoveryCode: string; user: SessionUser }> {
    if (existsSync(this.paths.db) || existsSync(this.paths.slots)) {
      throw new AppError('OFFICE_EXISTS', 'an office database already exists here');
    }
    assertPassphrase(input.passphrase);
    mkdirSync(this.opts.dataDir, { recursive: true, mode: 0o700 });
    const dbKey = randomBytes(32);
    const officeId = randomUUID();
    const recoveryCode = newRecoveryCode();
    const recoverySlot = await wrapKey(officeId, dbKey, recoveryCode, { kind: 'recovery' }, this.kdf);
    let db: Db | null = null;
    try {
      db = openEncrypted(this.paths.db, dbKey, { create: true, ...this.binding() });
      migrate(db, this.migrations);
      const deviceId = randomUUID();
      const at = new Date(this.now()).toISOString();
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      db.transaction(() => {
        meta.run('office_id', officeId);
        meta.run('office_name', input.officeName);
        meta.run('device_id', deviceId);
        meta.run('created_at', at);
        meta.run('demo', opts.demo ? '1' : '0');
        appendAudit(db!, { actor: SYSTEM_ACTOR, deviceId, action: 'office.setup', at, entity: null, entityId: null });
        // Sync keys: the office machine is the office; a joining laptop learns its office at enrolment.
        if (!opts.demo) {
          createIdentity(db!, {
            deviceId,
            role: opts.join ? 'laptop' : 'office',
            officeId: opts.join ? null : officeId,
            officeName: opts.join ? null : input.officeName,
            at,
          });
        }
      })();
      writeSlots(this.paths.slots, {
        format: 'hogo-case-keyslots',
        version: 1,
        officeId,
        officeName: input.officeName,
        demo: opts.demo ?? false,
        slots: [recoverySlot],
      });
      const keys: Keyring = { officeId, slotsPath: this.paths.slots, dbKey, kdf: this.kdf };
      const bootstrap = this.context(db, deviceId, SYSTEM_ACTOR);
      const admin = await addUser(
        bootstrap,
        keys,
        { login: input.adminLogin, displayName: input.adminDisplayName, role: opts.join ? 'officer' : 'administrator', passphrase: input.passphrase },
        { bootstrap: true },
      );
      db.close();
      db = null;
      const user = await this.openSession(Buffer.from(dbKey), admin.id, 'session.unlock');
      dbKey.fill(0);
      return { recoveryCode, user };
    } catch (e) {
      // A first run that failed half-way leaves nothing behind, so it can simply be tried again.
      db?.close();
      for (const f of [this.paths.db, `${this.paths.db}-wal`, `${this.paths.db}-shm`, this.paths.slots]) rmSync(f, { force: true });
      throw e;
    }
  }

  /** A laptop's first run: its own encrypted store and one local officer, until enrolment binds it to the office. */
  join(input: ParsedInputOf<'session.join'>): Promise<{ recoveryCode: string; user: SessionUser }> {
    return this.setup(
      { officeName: input.officeName, adminLogin: input.login, adminDisplayName: input.displayName, passphrase: input.passphrase },
      { join: true },
    );
  }

  /**
   * After enrolment the laptop's local user has become the office's user (same id, login, name,
   * role): the open session acts as them from now on.
   */
  rebindSessionUser(user: SessionUser, officeName: string): void {
    const s = this.requireSession();
    s.user = user;
    s.officeName = officeName;
    s.ctx = { ...s.ctx, actor: { userId: user.id, login: user.login, role: user.role } };
  }

  async unlock(input: ParsedInputOf<'session.unlock'>): Promise<SessionUser> {
    if (this.session) throw new AppError('INVALID_INPUT', 'already unlocked');
    this.assertNotLockedOut();
    const slots = this.readSlotsForUnlock();
    const slot = slots.slots.find((s) => s.kind === 'user' && s.login === input.login);
    const key = slot ? await unwrapKey(slots.officeId, slot, input.passphrase) : (await burnKdf(this.kdf), null);
    if (!key || !slot?.userId) throw this.failure('unlock.failed', input.login, 'WRONG_PASSPHRASE');
    return this.openSession(key, slot.userId, 'session.unlock');
  }

  /** The recovery code opens the key; the named administrator then gets a new passphrase. */
  async recover(input: ParsedInputOf<'session.recover'>): Promise<SessionUser> {
    if (this.session) throw new AppError('INVALID_INPUT', 'already unlocked');
    this.assertNotLockedOut();
    assertPassphrase(input.newPassphrase);
    const slots = this.readSlotsForUnlock();
    const slot = slots.slots.find((s) => s.kind === 'recovery');
    if (!slot) throw new AppError('SLOTS_MALFORMED', 'the key slots file has no recovery slot');
    const key = await unwrapKey(slots.officeId, slot, normalizeRecoveryCode(input.recoveryCode));
    if (!key) throw this.failure('recover.failed', input.login, 'WRONG_RECOVERY_CODE');
    const db = this.openDb(key);
    const row = db.prepare('SELECT id, role FROM users WHERE login = ? AND active = 1').get(input.login) as
      | { id: string; role: string }
      | undefined;
    // An officer's laptop has no administrator: its recovery code resets the one person who signs in there.
    const laptop = (db.prepare('SELECT role FROM sync_identity WHERE id = 1').get() as { role: string } | undefined)?.role === 'laptop';
    db.close();
    const ownsThisLaptop = laptop && row !== undefined && slots.slots.some((s) => s.kind === 'user' && s.userId === row.id);
    if (!row || (row.role !== 'administrator' && !ownsThisLaptop)) {
      key.fill(0);
      throw new AppError('FORBIDDEN', 'the recovery code can only reset an active administrator (or this laptop\'s officer)');
    }
    const keys: Keyring = { officeId: slots.officeId, slotsPath: this.paths.slots, dbKey: key, kdf: this.kdf };
    const newSlot = await newUserSlot(keys, { id: row.id, login: input.login }, input.newPassphrase);
    putUserSlot(keys, newSlot);
    return this.openSession(key, row.id, 'session.recover');
  }

  lock(reason: 'manual' | 'idle'): void {
    const s = this.session;
    if (!s) return;
    // First: its connection goes away with the thread, which rolls back the bundle in progress and
    // frees the write lock that the audit entry below waits for.
    stopImports(s, 'the office was locked during the import');
    try {
      s.db.transaction(() =>
        appendAudit(s.db, {
          actor: s.ctx.actor,
          deviceId: s.ctx.deviceId,
          action: 'session.lock',
          at: new Date(this.now()).toISOString(),
          after: { reason },
        }),
        // IMMEDIATE: waits (busy_timeout) for the stopped import's write lock to go; a deferred
        // transaction that has read would get SQLITE_BUSY at once.
      ).immediate();
    } finally {
      void s.reports?.terminate();
      s.db.close();
      s.keys.dbKey.fill(0);
      this.session = null;
      this.opts.onEvent?.('session.locked', { reason });
    }
  }

  /** Counts as user activity for the idle lock. */
  touch(): void {
    if (this.session) this.session.lastActivity = this.now();
  }

  checkIdle(): void {
    const s = this.session;
    if (!s) return;
    const idleMs = getSettings(s.ctx).idleMinutes * 60_000;
    if (this.now() - s.lastActivity >= idleMs) this.lock('idle');
  }

  close(): void {
    this.lock('manual');
  }

  /** The acting user's context; every service call goes through here. */
  context(): ServiceContext;
  context(db: Db, deviceId: string, actor: Actor): ServiceContext;
  context(db?: Db, deviceId?: string, actor?: Actor): ServiceContext {
    if (db && deviceId && actor) {
      return { db, deviceId, actor, now: this.now, clock: new HybridClock(deviceId, this.now, lastHlc(db, deviceId)) };
    }
    return this.requireSession().ctx;
  }

  keyring(): Keyring {
    return this.requireSession().keys;
  }

  /** The session's report worker: one per unlocked session, a new one after a crash; stopped on lock. */
  reportWorker(): ReportWorker {
    const s = this.requireSession();
    if (!s.reports?.alive) s.reports = new ReportWorker(this.paths.db, s.keys.dbKey, this.opts.nativeBinding);
    return s.reports;
  }

  /** The session's sync import worker: started on first import, a new one after a crash or when idle; stopped on lock and restore. */
  /** Stops a sync import in progress, if any (quit): it rolls back and answers SYNC_IMPORT_STOPPED. */
  stopImports(why: string): void {
    if (this.session) stopImports(this.session, why);
  }

  importWorker(): ImportWorker {
    const s = this.requireSession();
    if (!s.imports?.alive) s.imports = new ImportWorker(this.paths.db, s.keys.dbKey, this.opts.nativeBinding);
    return s.imports;
  }

  /** The better_sqlite3.node build the core opens files with (restore verifies a copy with it). */
  nativeBinding(): string | undefined {
    return this.opts.nativeBinding;
  }

  /** Pushes an event to the window (progress of long work: reports, sync export and import). */
  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.opts.onEvent?.(event, payload);
  }

  /** The shell's dialogs and printing; a clear error where none is attached. */
  shell(): ShellPort {
    return requireShell(this.opts.shell);
  }

  isUnlocked(): boolean {
    return this.session !== null;
  }

  /**
   * Restore: checkpoints and closes the open database, lets `swap` replace the files, then opens
   * the result with the same key for the same user. `prepare` runs on the reopened database before
   * the session's context (and its clock) is rebuilt, so what it writes (a carried-forward sequence
   * number and clock floor, the audit entry) is seen by every later write. If the user no longer
   * exists or is disabled in the restored database, the office is left locked.
   */
  /**
   * Replaces the database file under the open session (a restore). `capture` reads what must be
   * carried over from the current database just before it closes; `swap` moves the files; `prepare`
   * runs on the reopened database before the session uses it.
   */
  async swapDatabase(
    swap: (dbPath: string) => void,
    prepare: (db: Db, deviceId: string) => void,
    capture: (db: Db) => void = () => undefined,
  ): Promise<void> {
    const s = this.requireSession();
    // The workers' connections must be closed before the files move: a connection that closes
    // later would checkpoint into, or delete the WAL of, whatever file then has the name. An import
    // in flight is rolled back with its thread. New ones start on the next report or import.
    const reports = s.reports;
    delete s.reports;
    const imports = s.imports;
    delete s.imports;
    const stopped = [
      reports?.terminate(),
      imports?.alive ? imports.terminate(new AppError('SYNC_IMPORT_STOPPED', 'the import was stopped for a restore from backup; the bundle in progress was not applied')) : undefined,
    ];
    // Wait here, before anything else runs, until the stopped import's transaction is gone (it
    // cannot commit meanwhile); busy_timeout otherwise, and the restore fails, nothing changed.
    s.db.exec('BEGIN IMMEDIATE');
    s.db.exec('ROLLBACK');
    await Promise.all(stopped);
    if (this.session !== s) throw new AppError('NOT_UNLOCKED', 'the office was locked before the restore could start');
    capture(s.db);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.db.close();
    const key = s.keys.dbKey;
    let swapError: unknown = null;
    try {
      swap(this.paths.db);
    } catch (e) {
      swapError = e;
    }
    let db: Db;
    try {
      db = this.openDb(key);
    } catch (e) {
      key.fill(0);
      this.session = null;
      this.opts.onEvent?.('session.locked', { reason: 'manual' });
      throw swapError ?? e;
    }
    if (swapError) {
      s.db = db;
      s.ctx = this.context(db, s.ctx.deviceId, s.ctx.actor);
      throw swapError;
    }
    try {
      const deviceId = (db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string }).value;
      prepare(db, deviceId);
      const user = findUser(this.context(db, deviceId, SYSTEM_ACTOR), s.user.id);
      if (!user?.active) throw new AppError('USER_DISABLED', 'the signed-in user is not active in the restored database');
      s.db = db;
      s.ctx = this.context(db, deviceId, s.ctx.actor);
    } catch (e) {
      db.close();
      key.fill(0);
      this.session = null;
      this.opts.onEvent?.('session.locked', { reason: 'manual' });
      throw e;
    }
  }

  private requireSession(): Session {
    if (!this.session) throw new AppError('NOT_UNLOCKED', 'the office is locked');
    return this.session;
  }

  private binding(): { nativeBinding?: string } {
    return this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {};
  }

  private readSlotsForUnlock() {
    if (!existsSync(this.paths.db)) {
      throw existsSync(this.paths.slots)
        ? new AppError('DB_MISSING', 'the database file is missing')
        : new AppError('NO_OFFICE', 'no office has been set up');
    }
    return readSlots(this.paths.slots);
  }

  private assertNotLockedOut(): void {
    const until = this.guard.lockedUntil();
    if (until) throw new AppError('LOCKED_OUT', 'too many failed attempts', { until });
  }

  private failure(kind: 'unlock.failed' | 'recover.failed', login: string, code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_CODE'): AppError {
    const g = this.guard.recordFailure(kind, login);
    if (g.lockedUntil) return new AppError('LOCKED_OUT', 'too many failed attempts', { until: g.lockedUntil });
    return new AppError(code, 'that did not unlock the office', { failedAttempts: g.failures });
  }

  /** Opens with a key from an authenticated slot: if SQLite then rejects it, the file is damaged. */
  private openDb(key: Buffer): Db {
    try {
      const db = openEncrypted(this.paths.db, key, this.binding());
      try {
        migrate(db, this.migrations, {
          backup: (from, to) => backupBeforeMigration(db, this.paths.backups, from, to, this.now()),
        });
      } catch (e) {
        db.close();
        throw e;
      }
      return db;
    } catch (e) {
      if (isAppError(e) && e.code === 'DB_WRONG_KEY') throw new AppError('DB_CORRUPT', 'the database file is damaged or was replaced');
      throw e;
    }
  }

  private async openSession(key: Buffer, userId: string, action: string): Promise<SessionUser> {
    let db: Db;
    try {
      db = this.openDb(key);
    } catch (e) {
      key.fill(0);
      throw e;
    }
    const meta = Object.fromEntries(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    const deviceId = meta.device_id!;
    const probe = this.context(db, deviceId, SYSTEM_ACTOR);
    const user = findUser(probe, userId);
    if (!user || !user.active) {
      db.close();
      key.fill(0);
      throw new AppError('USER_DISABLED', 'this user is disabled');
    }
    const sessionUser: SessionUser = { id: user.id, login: user.login, displayName: user.displayName, role: user.role };
    const ctx = this.context(db, deviceId, { userId: user.id, login: user.login, role: user.role });
    const pending = this.guard.pending();
    db.transaction(() => {
      for (const p of pending) {
        appendAudit(db, { actor: SYSTEM_ACTOR, deviceId, action: `session.${p.kind}`, at: p.at, after: { login: p.login } });
      }
      appendAudit(db, { actor: ctx.actor, deviceId, action, at: new Date(this.now()).toISOString() });
    })();
    this.guard.reset();
    this.session = {
      db,
      keys: { officeId: meta.office_id!, slotsPath: this.paths.slots, dbKey: key, kdf: this.kdf },
      user: sessionUser,
      ctx,
      officeName: meta.office_name!,
      demo: meta.demo === '1',
      lastActivity: this.now(),
    };
    return sessionUser;
  }
}

/** Stops the session's import worker, if any (its bundle in progress is rolled back). */
function stopImports(s: Session, why: string): void {
  const w = s.imports;
  delete s.imports;
  if (w?.alive) void w.terminate(new AppError('SYNC_IMPORT_STOPPED', `${why}; the bundle in progress was not applied`));
}

/** The newest stamp this device issued (its change log, or the floor a restore carried forward). */
export function lastHlc(db: Db, deviceId: string): string | null {
  const r = db.prepare('SELECT hlc FROM change_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1').get(deviceId) as
    | { hlc: string }
    | undefined;
  // After a restore, meta.hlc_floor is the newest stamp the replaced database had issued: peers
  // may have seen it, so this device's clock must not go back behind it.
  const floor = db.prepare("SELECT value FROM meta WHERE key = 'hlc_floor'").get() as { value: string } | undefined;
  if (floor && (!r || floor.value > r.hlc)) return floor.value;
  return r?.hlc ?? null;
}
