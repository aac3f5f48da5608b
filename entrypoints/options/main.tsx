import '@/lib/zod-setup';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { downloadBlob } from '@/components/options/download';
import { OPTIONS_CSS } from '@/components/options/styles';
import { SECTIONS_CSS } from '@/components/options/sections';
import { send } from '@/components/shared/send';
import { PAGE_CSS, addStyles } from '@/components/shared/styles';
import { localizeDocument } from '@/components/shared/document';

addStyles(document, PAGE_CSS, OPTIONS_CSS, SECTIONS_CSS);
localizeDocument(document, 'options_title');

// Called straight from the click handler: the permission prompt needs that user gesture.
const requestPermission = (origins: string[]) => browser.permissions.request({ origins });

// A team link opened here carries its configuration (and maybe a token) in the fragment:
// read it once, then take it out of the address bar and the history.
const teamLink = location.hash.includes('config=') ? location.href : null;
if (teamLink) history.replaceState(null, '', location.pathname);

render(
  <Options send={send} requestPermission={requestPermission} download={(name, blob) => downloadBlob(name, blob)} teamLink={teamLink} />,
  document.getElementById('app')!,
);
