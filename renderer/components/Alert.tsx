import type { ReactNode } from 'react';

/** An error the person must read: announced at once by screen readers. */
export function ErrorAlert({ children, title }: { children: ReactNode; title?: string }) {
  if (!children) return null;
  return (
    <div className="alert alert-error" role="alert">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{children}</p>
    </div>
  );
}

/** A confirmation or neutral notice: announced politely. Always rendered so the live region exists. */
export function StatusNotice({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div className={children ? `alert alert-${tone}` : 'visually-hidden'} role="status">
      {children ? <p>{children}</p> : null}
    </div>
  );
}
