import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { AddUserForm } from './AddUserForm';
import { useResetPassphrase, useSetActive, useUsers } from './queries';
import { TempPassphraseDialog } from './TempPassphraseDialog';
import { UsersTable } from './UsersTable';

type Pending = { kind: 'reset' | 'enable'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { status } = useSession();
  const users = useUsers();
  const setActive = useSetActive();
  const enable = useSetActive();
  const reset = useResetPassphrase();
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Pending>(null);

  const names = (u: User) => ({ name: u.displayName, login: u.login });

  function disable(user: User) {
    setNotice(null);
    setActive.mutate(
      { userId: user.id, active: false },
      { onSuccess: () => setNotice(t('users.disabled', names(user))) },
    );
  }

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <StatusNotice>{notice}</StatusNotice>
      <ErrorAlert>{setActive.isError ? errorText(setActive.error) : null}</ErrorAlert>
      <section aria-labelledby="users-list-title" className="section">
        <div className="section-heading">
          <h2 id="users-list-title">{t('users.listCaption')}</h2>
          {users.data ? <span className="muted">{t('users.count', { n: users.data.length })}</span> : null}
        </div>
        {users.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{users.isError ? errorText(users.error) : null}</ErrorAlert>
        {users.data ? (
          <UsersTable
            users={users.data}
            currentUserId={status.user.id}
            busy={setActive.isPending}
            onDisable={disable}
            onEnable={(user) => setDialog({ kind: 'enable', user })}
            onReset={(user) => setDialog({ kind: 'reset', user })}
          />
        ) : null}
      </section>
      <AddUserForm onAdded={(user) => setNotice(t('users.added', names(user)))} />
      {dialog?.kind === 'reset' ? (
        <TempPassphraseDialog
          title={t('users.resetTitle')}
          intro={t('users.resetIntro', names(dialog.user))}
          submitLabel={t('users.resetSubmit')}
          onClose={() => setDialog(null)}
          onSubmit={async (passphrase) => {
            await reset.mutateAsync({ userId: dialog.user.id, passphrase });
            setDialog(null);
            setNotice(t('users.resetDone', names(dialog.user)));
          }}
        />
      ) : null}
      {dialog?.kind === 'enable' ? (
        <TempPassphraseDialog
          title={t('users.enableTitle')}
          intro={t('users.enableIntro', names(dialog.user))}
          submitLabel={t('users.enableSubmit')}
          onClose={() => setDialog(null)}
          onSubmit={async (passphrase) => {
            await enable.mutateAsync({ userId: dialog.user.id, active: true, passphrase });
            setDialog(null);
            setNotice(t('users.enabled', names(dialog.user)));
          }}
        />
      ) : null}
    </>
  );
}
