import type { KeyboardEvent } from 'react';

/** Enter submits from any field but a text area (there Ctrl+Enter) and the buttons; never mid-IME. */
export function isSubmitKey(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return false;
  const target = e.target as HTMLElement;
  if (target.tagName === 'BUTTON' || target.tagName === 'A') return false;
  if (target.tagName === 'TEXTAREA') return e.ctrlKey || e.metaKey;
  return true;
}
