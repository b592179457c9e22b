import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, subscribe } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { useErrorText } from '../../i18n/useFormat';
import { DEMO_LOGIN_HINT } from './demoHint';

/**
 * On the setup and sign-in screens of the real office: opens the demo office (a separate database
 * of fictional people), showing progress while it is created the first time.
 */
export function DemoOffer({ onOpened }: { onOpened: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const open = useMutation({
    mutationFn: () => call('demo.open', { scale: 1 }),
    onSuccess: () => onOpened(),
  });
  useEffect(
    () => subscribe('progress', (p) => (p.task === 'demo' ? setProgress({ done: p.done, total: p.total }) : undefined)),
    [],
  );

  return (
    <section className="demo-offer" aria-labelledby="demo-offer-title">
      <h2 id="demo-offer-title">{t('demoOffice.offerTitle')}</h2>
      <p>{t('demoOffice.offerText')}</p>
      {open.isPending ? (
        <div role="status" className="demo-progress">
          <p>{t('demoOffice.opening')}</p>
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label={t('demoOffice.opening')} />
          {progress ? <p className="hint">{t('demoOffice.progress', progress)}</p> : null}
        </div>
      ) : (
        <button type="button" className="button-secondary" onClick={() => open.mutate()}>
          {t('demoOffice.open')}
        </button>
      )}
      <ErrorAlert>{open.isError ? errorText(open.error) : null}</ErrorAlert>
    </section>
  );
}

/** On the sign-in screen of the demo office itself: its public sign-in, and the way back. */
export function DemoLockedNotice({ onLeft }: { onLeft: () => Promise<void> }) {
  const { t } = useTranslation();
  const leave = useMutation({ mutationFn: () => call('demo.leave', {}), onSuccess: () => onLeft() });
  return (
    <section className="demo-offer" aria-labelledby="demo-locked-title">
      <h2 id="demo-locked-title">{t('demoOffice.lockedTitle')}</h2>
      <p>{t('demoOffice.lockedText', DEMO_LOGIN_HINT)}</p>
      <button type="button" className="button-secondary" onClick={() => leave.mutate()} disabled={leave.isPending}>
        {t('demoOffice.leave')}
      </button>
    </section>
  );
}
