import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call } from '../../api';

/** The value, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** As-you-type search over names (kanji, kana, romaji), case numbers and contact notes. */
export function useSearch(text: string, limit = 20) {
  const q = text.trim();
  return useQuery({
    queryKey: ['search', q, limit],
    queryFn: () => call('search.query', { q, limit }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 2_000,
  });
}
