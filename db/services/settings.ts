import type { Settings } from '../contract';
import { DEFAULT_IDLE_MINUTES, requireRole } from '../policy';
import { mutate, type ServiceContext } from '../write';

const KEYS = { idleMinutes: 'idle_minutes' } as const;

export function getSettings(ctx: ServiceContext): Settings {
  const r = ctx.db.prepare('SELECT value FROM settings WHERE id = ?').get(KEYS.idleMinutes) as { value: string } | undefined;
  return { idleMinutes: r ? Number(JSON.parse(r.value)) : DEFAULT_IDLE_MINUTES };
}

export function updateSettings(ctx: ServiceContext, input: Settings): Settings {
  requireRole(ctx, 'administrator');
  mutate(ctx, 'settings.update', (tx) => {
    const value = JSON.stringify(input.idleMinutes);
    const exists = ctx.db.prepare('SELECT 1 FROM settings WHERE id = ?').get(KEYS.idleMinutes);
    if (exists) tx.update('settings', KEYS.idleMinutes, { value, updated_at: tx.at });
    else tx.insert('settings', { id: KEYS.idleMinutes, value, updated_at: tx.at });
  });
  return getSettings(ctx);
}
