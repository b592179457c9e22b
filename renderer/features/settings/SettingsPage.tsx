import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { DisplaySettings } from './DisplaySettings';
import { IdleSettings } from './IdleSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <DisplaySettings />
      <IdleSettings />
      <ChangePassphraseForm />
    </>
  );
}
