import { useEffect, useRef } from 'react';
import { call, isApiError } from '../../api';

export const TOUCH_INTERVAL_MS = 30_000;

/** Tells the service the person is active (keyboard or pointer), at most once per 30 s. */
export function useActivityTouch(enabled: boolean, onSessionLost: () => void): void {
  const lastSent = useRef(Date.now());
  const lost = useRef(onSessionLost);
  lost.current = onSessionLost;

  useEffect(() => {
    if (!enabled) return;
    lastSent.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - lastSent.current < TOUCH_INTERVAL_MS) return;
      lastSent.current = now;
      call('session.touch', {}).catch((error: unknown) => {
        if (isApiError(error, 'NOT_UNLOCKED')) lost.current();
      });
    };
    window.addEventListener('keydown', onActivity, { capture: true, passive: true });
    window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', onActivity, { capture: true });
      window.removeEventListener('pointerdown', onActivity, { capture: true });
    };
  }, [enabled]);
}
