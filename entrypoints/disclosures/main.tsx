import { render } from 'preact';
import { Directory } from '@/components/disclosures/Directory';
import { DIRECTORY_CSS } from '@/components/disclosures/styles';
import { send } from '@/components/shared/send';
import { PAGE_CSS, addStyles } from '@/components/shared/styles';

addStyles(document, PAGE_CSS, DIRECTORY_CSS);
render(<Directory send={send} copy={(t) => navigator.clipboard.writeText(t)} />, document.getElementById('app')!);
