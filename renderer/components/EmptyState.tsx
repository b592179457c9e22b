import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <svg className="empty-state-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="8" y="6" width="32" height="36" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M15 16h18M15 23h18M15 30h11" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
