/**
 * The panel in happy-dom: page text stays text, the flag form refuses an empty flag
 * with a specific message, and the host keeps key events from the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mountPanel, type PanelHandle } from '../../components/panel/mount';
import type { PanelApi } from '../../components/panel/Panel';
import type { ReportDraft } from '../../lib/report';
import type { AnswerInfo } from '../../lib/sites/types';
import { DEFAULT_PRIVACY } from '../../lib/privacy';

const hostile: AnswerInfo = {
  key: 'chatgpt:c1:id-m1',
  text: '<img src=x onerror="window.pwned=1"> bold <b>claim</b>',
  prompt: '<script>window.pwned=2</script>',
  model: null,
  mode: null,
  conversationId: 'c1',
  site: 'chatgpt',
  vendor: 'openai',
};

const saved: ReportDraft[] = [];
const api: PanelApi = {
  async save(draft) {
    saved.push(draft);
    return { ok: true, id: 'r1', destination: { kind: 'local' } };
  },
  async undo() {
    return { ok: true, removed: true };
  },
  async state() {
    return { ok: true, state: 'pending' };
  },
};

let panel: PanelHandle | null = null;
afterEach(() => {
  panel?.destroy();
  panel?.host.remove();
  saved.length = 0;
});

function open() {
  panel = mountPanel(hostile, {
    api,
    pageUrl: () => 'https://chatgpt.com/c/c1',
    theme: 'dark',
    // This person includes prompts, so the hostile prompt is shown in the preview too.
    config: () => ({ enabled: true, privacy: { ...DEFAULT_PRIVACY, prompt: true } }),
  });
  document.body.append(panel.host);
  return panel.host.shadowRoot!;
}

/** Preact commits effects and state updates on the next tasks. */
const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('panel', () => {
  it('renders the page’s text as text, never as markup', async () => {
    const root = open();
    panel!.openFlag();
    await flush();
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="window.pwned=1"> bold <b>claim</b>');
    expect(root.textContent).toContain('<script>window.pwned=2</script>');
    expect(panel!.host.getAttribute('data-theme')).toBe('dark');
  });

  it('asks for a category before saving a flag, and saves once one is chosen', async () => {
    const root = open();
    panel!.openFlag();
    await flush();
    const form = root.querySelector('form')!;
    form.requestSubmit();
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Choose at least one category (use “Other” if none fits).');
    expect(saved).toEqual([]);
    const other = root.querySelector<HTMLInputElement>('input[value="other"]')!;
    other.click();
    await flush();
    form.requestSubmit();
    await flush();
    await flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ flags: ['other'], answer: { key: 'chatgpt:c1:id-m1' } });
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Flag saved on this device.');
  });

  it('keeps keystrokes typed in the panel away from the page', async () => {
    const root = open();
    panel!.openFlag();
    await flush();
    const seen: string[] = [];
    document.addEventListener('keydown', (e) => seen.push(e.key));
    root.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
  });
});
