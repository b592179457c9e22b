/**
 * Unlock attempts happen while the database is closed, so failures are counted in a small file
 * beside it. The lockout therefore survives a restart. Failures are copied into the audit trail
 * at the next successful unlock.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 10 * 60 * 1000;
const MAX_PENDING = 200;

const eventSchema = z.object({
  at: z.string(),
  kind: z.enum(['unlock.failed', 'unlock.lockout', 'recover.failed']),
  login: z.string().max(64).nullable(),
});
const guardSchema = z.object({
  version: z.literal(1),
  failures: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
  pending: z.array(eventSchema),
});
export type GuardEvent = z.infer<typeof eventSchema>;
export type GuardState = z.infer<typeof guardSchema>;

const EMPTY: GuardState = { version: 1, failures: 0, lockedUntil: null, pending: [] };

export class UnlockGuard {
  constructor(
    private readonly path: string,
    private readonly now: () => number,
  ) {}

  read(): GuardState {
    if (!existsSync(this.path)) return { ...EMPTY, pending: [] };
    try {
      return guardSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      // A damaged guard file must not become a way around the lockout: treat it as locked now.
      return { version: 1, failures: 0, lockedUntil: new Date(this.now() + LOCKOUT_MS).toISOString(), pending: [] };
    }
  }

  /** The ISO instant until which attempts are refused, or null. */
  lockedUntil(): string | null {
    const s = this.read();
    return s.lockedUntil && Date.parse(s.lockedUntil) > this.now() ? s.lockedUntil : null;
  }

  recordFailure(kind: GuardEvent['kind'], login: string | null): GuardState {
    const s = this.read();
    const at = new Date(this.now()).toISOString();
    if (s.lockedUntil && Date.parse(s.lockedUntil) <= this.now()) s.lockedUntil = null;
    s.failures += 1;
    s.pending.push({ at, kind, login });
    if (s.failures >= MAX_FAILED_ATTEMPTS) {
      s.failures = 0;
      s.lockedUntil = new Date(this.now() + LOCKOUT_MS).toISOString();
      s.pending.push({ at, kind: 'unlock.lockout', login: null });
    }
    s.pending = s.pending.slice(-MAX_PENDING);
    writeFileAtomic(this.path, JSON.stringify(s));
    return s;
  }

  /** Failures not yet copied into the audit trail. */
  pending(): GuardEvent[] {
    return this.read().pending;
  }

  /** After a successful unlock, once the pending failures are in the audit trail. */
  reset(): void {
    writeFileAtomic(this.path, JSON.stringify(EMPTY));
  }
}
