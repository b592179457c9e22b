import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeminarDetail } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useErrorText } from '../../i18n/useFormat';
import { CheckboxField } from '../contacts/controls';
import { useDebounced, useSearch } from '../search/queries';
import { overCapacityOf, type OverCapacity } from '../facilities/model';
import { isJuvenileCase, seatsLeft } from './model';
import { useInvite, usePersonFamily } from './queries';

/** Finds a supervisee and invites their family members and guarantors in one call. */
export function InvitePanel({ detail, onInvited }: { detail: SeminarDetail; onInvited: (names: string[]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [instructed, setInstructed] = useState(false);
  const [full, setFull] = useState<OverCapacity | null>(null);
  const settled = useDebounced(query, 150);
  const search = useSearch(personId ? '' : settled, 10);
  const person = usePersonFamily(personId);
  const invite = useInvite();
  const searchRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const invitedIds = new Set(detail.invitations.map((i) => i.familyMemberId));
  const hits = [...new Map((search.data ?? []).map((h) => [h.superviseeId, h])).values()];
  const juvenile = person.data ? isJuvenileCase(person.data) : false;
  const family = person.data?.family ?? [];
  const left = seatsLeft(detail.seminar);

  function reset() {
    setPersonId(null);
    setChosen([]);
    setInstructed(false);
    setFull(null);
    setQuery('');
    invite.reset();
    window.setTimeout(() => searchRef.current?.focus(), 0);
  }

  function send(allowOverCapacity: boolean) {
    if (chosen.length === 0) return;
    invite.mutate(
      { seminarId: detail.seminar.id, familyMemberIds: chosen, guardianInstructed: juvenile && instructed, allowOverCapacity },
      {
        onSuccess: () => {
          const names = family.filter((f) => chosen.includes(f.id)).map((f) => f.name);
          reset();
          onInvited(names);
        },
        onError: (err) => {
          const over = overCapacityOf(err);
          if (over && !allowOverCapacity) {
            setFull(over);
            invite.reset();
          }
        },
      },
    );
  }

  return (
    <section className="card fam-invite" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('families.invite.title')}</h2>
      <p className="hint">{left > 0 ? t('families.invite.seatsLeft', { n: left }) : t('families.invite.noSeats')}</p>
      {personId === null ? (
        <>
          <TextField
            ref={searchRef}
            label={t('families.invite.search')}
            hint={t('families.invite.searchHint')}
            value={query}
            onChange={setQuery}
            type="search"
            autoComplete="off"
          />
          {settled.trim() !== '' && search.data && hits.length === 0 ? <p className="muted">{t('families.invite.noHits', { q: settled.trim() })}</p> : null}
          {hits.length > 0 ? (
            <ul className="fam-hits" aria-label={t('families.invite.hits')}>
              {hits.map((h) => (
                <li key={h.superviseeId}>
                  <button type="button" className="button-secondary fam-hit" onClick={() => setPersonId(h.superviseeId)}>
                    <span>{h.name}</span>
                    <span className="sub">{[h.kana, h.caseNumber].filter(Boolean).join(' · ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <div className="stack">
          {person.isPending ? <p className="muted">{t('app.loading')}</p> : null}
          <ErrorAlert>{person.isError ? errorText(person.error) : null}</ErrorAlert>
          {person.data ? (
            <fieldset className="daily-choice-group fam-members">
              <legend>{t('families.invite.membersOf', { name: `${person.data.person.familyName} ${person.data.person.givenName}` })}</legend>
              {family.length === 0 ? <p className="muted">{t('families.invite.noFamily')}</p> : null}
              {family.map((f) => {
                const already = invitedIds.has(f.id);
                return (
                  <CheckboxField
                    key={f.id}
                    label={
                      <>
                        {f.name}
                        <span className="fam-member-facts">
                          {t(`peopleCodes.relation.${f.relation}`)}
                          {f.isGuarantor ? ` · ${t('families.guarantor')}` : ''}
                          {already ? ` · ${t('families.invite.already')}` : ''}
                        </span>
                      </>
                    }
                    checked={already || chosen.includes(f.id)}
                    onChange={(on) => {
                      if (already) return;
                      setFull(null);
                      setChosen((c) => (on ? [...c, f.id] : c.filter((x) => x !== f.id)));
                    }}
                  />
                );
              })}
            </fieldset>
          ) : null}
          {juvenile ? (
            <CheckboxField label={t('families.invite.instructed')} hint={t('families.invite.instructedHint')} checked={instructed} onChange={setInstructed} />
          ) : null}
          {full ? (
            <div className="alert alert-warning" role="alert">
              <p className="alert-title">{t('families.invite.fullTitle')}</p>
              <p>{t('families.invite.fullBody', { capacity: full.capacity, occupied: full.occupied, n: chosen.length })}</p>
              <div className="form-actions">
                <button ref={confirmRef} autoFocus type="button" className="button-primary fam-button-warn" disabled={invite.isPending} onClick={() => send(true)}>
                  {t('families.invite.inviteAnyway')}
                </button>
                <button type="button" className="button-secondary" onClick={() => setFull(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : null}
          <ErrorAlert>{invite.isError ? errorText(invite.error) : null}</ErrorAlert>
          <div className="form-actions">
            {full ? null : (
              <button type="button" className="button-primary" disabled={chosen.length === 0 || invite.isPending} onClick={() => send(false)}>
                {invite.isPending ? t('common.saving') : t('families.invite.submit', { n: chosen.length })}
              </button>
            )}
            <button type="button" className="button-secondary" onClick={reset}>
              {t('families.invite.other')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
