import { z } from 'zod';
import { channel, empty } from './define';

/** The demo office is a separate database with synthetic people; its sign-in is public. */
export const DEMO_CREDENTIALS = { login: 'demo', passphrase: 'demo-office-2026' } as const;

export const demoChannels = {
  /** Creates the demo office on first use (with progress events), then signs in to it. */
  'demo.open': channel<{ login: string }>()(
    z.object({ scale: z.number().int().min(1).max(5).default(1) }).strict(),
  ),
  /** Locks the demo office and returns to the real one. */
  'demo.leave': channel<null>()(empty),
} as const;

export const HOST_CHANNELS = ['demo.open', 'demo.leave'] as const;
export type HostChannel = (typeof HOST_CHANNELS)[number];
