import '@/lib/zod-setup';
import { render } from 'preact';
import { Directory } from '@/components/disclosures/Directory';
import { DIRECTORY_CSS } from '@/components/disclosures/styles';
import { send } from '@/components/shared/send';
import { PAGE_CSS, addStyles } from '@/components/shared/styles';
import { localizeDocument } from '@/components/shared/document';

addStyles(document, PAGE_CSS, DIRECTORY_CSS);
localizeDocument(document, 'page_titleDirectory');
render(<Directory send={send} copy={(t) => navigator.clipboard.writeText(t)} />, document.getElementById('app')!);
