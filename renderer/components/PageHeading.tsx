import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** The page's h1; it takes focus when the page opens so keyboard and screen-reader users land on it. */
export function PageHeading({
  children,
  actions,
  focusOnMount = true,
}: {
  children: ReactNode;
  actions?: ReactNode;
  focusOnMount?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Before paint: once the heading can be seen it already has the focus, so a shortcut pressed at
  // once (Ctrl+K for search) is not undone by a late focus move.
  useLayoutEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
