import type { Policy, Role } from './contract';
import { AppError } from './errors';
import type { ServiceContext } from './write';

export const POLICY: Policy = { minPassphraseLength: 12 };
export const DEFAULT_IDLE_MINUTES = 15;

export function assertPassphrase(passphrase: string): void {
  const chars = [...passphrase.normalize('NFKC')];
  if (chars.length < POLICY.minPassphraseLength) {
    throw new AppError('WEAK_PASSPHRASE', `passphrase shorter than ${POLICY.minPassphraseLength} characters`, {
      min: POLICY.minPassphraseLength,
    });
  }
  if (new Set(chars).size < 4) throw new AppError('WEAK_PASSPHRASE', 'passphrase uses too few distinct characters');
}

/** Role checks live here, in the services, whatever the UI shows or hides. */
export function requireRole(ctx: ServiceContext, ...roles: Role[]): void {
  if (!ctx.actor.role || !roles.includes(ctx.actor.role)) {
    throw new AppError('FORBIDDEN', `this action needs the role ${roles.join(' or ')}`);
  }
}
