import { Mark } from '../shared/styles';
import type { Send } from '../shared/send';
import { DestinationForm, type RequestPermission } from './DestinationForm';
import { Outbox, type Download } from './Outbox';
import { RegistrySettings } from './RegistrySettings';
import { PrivacySettings } from './PrivacySettings';
import { SitesSettings } from './SitesSettings';
import { DataSettings } from './DataSettings';
import { TeamSettings } from './TeamSettings';
import { t } from '@/lib/i18n';

export interface OptionsProps {
  send: Send;
  /** A team configuration link the page was opened with (#config=…). */
  teamLink?: string | null;
  requestPermission: RequestPermission;
  download: Download;
  now?: () => number;
}

export function Options({ send, requestPermission, download, now, teamLink }: OptionsProps) {
  return (
    <main class="options" lang={t('langTag')}>
      <h1>
        <Mark />
        {t('options_title')}
      </h1>
      <p class="muted">{t('options_intro')}</p>
      <TeamSettings send={send} initialLink={teamLink} />
      <DestinationForm send={send} requestPermission={requestPermission} />
      <PrivacySettings send={send} />
      <SitesSettings send={send} />
      <RegistrySettings send={send} requestPermission={requestPermission} />
      <Outbox send={send} download={download} now={now} />
      <DataSettings send={send} onDeleted={() => location.reload()} />
    </main>
  );
}
