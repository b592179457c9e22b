import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { fiscalYear, ORG_KIND_OPTIONS, percent, useLinkShare } from './queries';

/** The office's share of drug-related cases linked to support, beside the national figure, with its definition. */
export function ShareCard() {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const share = useLinkShare();
  if (share.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (share.isError) return <ErrorAlert>{errorText(share.error)}</ErrorAlert>;
  const s = share.data;
  const year = fiscalYear(s.national.period);
  const kinds = ORG_KIND_OPTIONS.filter((k) => s.byKind[k] > 0);
  return (
    <section className="card link-share" aria-labelledby="link-share-title">
      <h2 id="link-share-title">{t('supportLinks.share.title')}</h2>
      <div className="link-share-figures">
        <div className="link-share-figure" data-testid="office-share">
          <span className="link-share-label">{t('supportLinks.share.office')}</span>
          <span className="link-share-value">{s.share === null ? t('common.none') : percent(s.share)}</span>
          <span className="sub">
            {s.share === null ? t('supportLinks.share.noCases') : t('supportLinks.share.of', { n: s.numerator, d: s.denominator })}
            {' · '}
            {t('supportLinks.share.asOf', { date: formatDate(s.asOf, style) })}
          </span>
        </div>
        <div className="link-share-figure link-share-national">
          <span className="link-share-label">{t('supportLinks.share.national')}</span>
          <span className="link-share-value">{percent(s.national.share)}</span>
          <span className="sub">{year ? t('supportLinks.share.period', { year }) : s.national.period}</span>
        </div>
      </div>
      <p className="hint">{t('supportLinks.share.definition', { date: formatDate(s.asOf, style) })}</p>
      {kinds.length > 0 ? (
        <p className="link-share-kinds">
          <span className="muted">{t('supportLinks.share.byKind')}: </span>
          {kinds.map((k, i) => (
            <span key={k}>
              {i > 0 ? ' · ' : ''}
              {t(`supportLinks.kinds.${k}`)} {s.byKind[k]}
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
