/**
 * The page's title and language from the interface language, at startup. The HTML keeps an
 * English title so the tab has a name before the script runs (or if it fails).
 */
import { t, type MessageKey } from '@/lib/i18n';

export function localizeDocument(doc: Document, titleKey: MessageKey): void {
  doc.title = t(titleKey);
  doc.documentElement.lang = t('langTag');
}
