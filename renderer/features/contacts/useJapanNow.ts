import { useNow } from '../../components/useNow';
import { japanClock, japanToday } from './japanDates';

/** The current instant with today's Japan date and clock time, refreshed every 30 seconds. */
export function useJapanNow(intervalMs = 30_000): { now: number; today: string; time: string } {
  const now = useNow(intervalMs);
  return { now, today: japanToday(now), time: japanClock(now) };
}
