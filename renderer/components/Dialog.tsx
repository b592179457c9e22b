import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /**
   * Work is running that the dialog reports on: it says so (aria-busy) and cannot be closed —
   * Escape is swallowed, and if the browser closes it anyway it is opened again.
   */
  busy?: boolean;
}

/**
 * A modal on the native <dialog>: it traps focus, closes on Escape (unless busy) and gives focus
 * back to the opener. Mount it to open it; it reports every way of closing through onClose.
 */
export function Dialog({ title, onClose, children, busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const handleClose = () => {
      // Chromium lets a repeated Escape close a modal whose cancel event was refused.
      if (busyRef.current) dialog.showModal();
      else onCloseRef.current();
    };
    const handleCancel = (e: Event) => {
      if (busyRef.current) e.preventDefault();
    };
    // On the document: focus may be anywhere (on body once a clicked button is disabled).
    const handleKey = (e: KeyboardEvent) => {
      if (busyRef.current && e.key === 'Escape') e.preventDefault();
    };
    dialog.addEventListener('close', handleClose);
    dialog.addEventListener('cancel', handleCancel);
    document.addEventListener('keydown', handleKey, true);
    return () => {
      dialog.removeEventListener('close', handleClose);
      dialog.removeEventListener('cancel', handleCancel);
      document.removeEventListener('keydown', handleKey, true);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-busy={busy || undefined}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
