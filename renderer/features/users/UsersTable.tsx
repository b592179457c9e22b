import { useTranslation } from 'react-i18next';
import type { User } from '../../../db/contract';

interface Props {
  users: User[];
  currentUserId: string;
  busy: boolean;
  onDisable: (user: User) => void;
  onEnable: (user: User) => void;
  onReset: (user: User) => void;
}

/** A row action whose accessible name says whom it acts on ("Disable: 佐藤 花子"). */
function RowButton({ label, user, disabled, onClick }: { label: string; user: User; disabled: boolean; onClick: (u: User) => void }) {
  return (
    <button
      type="button"
      className="button-small"
      disabled={disabled}
      aria-label={`${label}: ${user.displayName}`}
      onClick={() => onClick(user)}
    >
      {label}
    </button>
  );
}

export function UsersTable({ users, currentUserId, busy, onDisable, onEnable, onReset }: Props) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="muted">{t('users.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('users.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.colLogin')}</th>
            <th scope="col">{t('users.colName')}</th>
            <th scope="col">{t('users.colRole')}</th>
            <th scope="col">{t('users.colStatus')}</th>
            <th scope="col" className="col-actions">
              {t('users.colActions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const self = u.id === currentUserId;
            return (
              <tr key={u.id} className={u.active ? undefined : 'row-inactive'}>
                <td className="mono">{u.login}</td>
                <th scope="row" className="cell-name">
                  {u.displayName}
                  {self ? <span className="muted"> {t('users.you')}</span> : null}
                </th>
                <td>{t(`roles.${u.role}`)}</td>
                <td>
                  <span className={u.active ? 'pill pill-ok' : 'pill pill-off'}>
                    {u.active ? t('users.active') : t('users.inactive')}
                  </span>
                </td>
                <td className="col-actions">
                  <div className="row-actions">
                    {u.active ? (
                      <RowButton label={t('users.resetPassphrase')} user={u} disabled={busy} onClick={onReset} />
                    ) : null}
                    {u.active && !self ? (
                      <RowButton label={t('users.disable')} user={u} disabled={busy} onClick={onDisable} />
                    ) : null}
                    {u.active ? null : <RowButton label={t('users.enable')} user={u} disabled={busy} onClick={onEnable} />}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
