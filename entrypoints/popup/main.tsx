import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { POPUP_CSS } from '@/components/popup/styles';
import { send } from '@/components/shared/send';
import { PAGE_CSS, addStyles } from '@/components/shared/styles';
import { localizeDocument } from '@/components/shared/document';

addStyles(document, PAGE_CSS, POPUP_CSS);
localizeDocument(document, 'extName');

function openOptions() {
  void browser.runtime.openOptionsPage();
  // The popup would otherwise stay open over the new tab.
  window.close();
}

render(<Popup send={send} openOptions={openOptions} />, document.getElementById('app')!);
