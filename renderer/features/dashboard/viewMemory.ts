/**
 * What the dashboard remembers while the app runs, so that Back from a person page returns to the
 * same filters, sort and row. Kept in memory per signed-in user; it holds settings and a row
 * position, never case data.
 */
import type { CaseloadView } from './model';

export interface RememberedView {
  view: CaseloadView;
  /** Index of the active row, or null before the table was used. */
  active: number | null;
  /** Set when a person was opened from the table: coming back puts the focus on the table again. */
  returning: boolean;
}

const memory = new Map<string, RememberedView>();

export function recall(userId: string): RememberedView | undefined {
  return memory.get(userId);
}

export function remember(userId: string, value: RememberedView): void {
  memory.set(userId, value);
}
