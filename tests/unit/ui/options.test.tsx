/**
 * The options page against a fake background and a fake permission prompt: the form
 * checks addresses as they are typed, asks for exactly the endpoint's origin before
 * saving, and the outbox deletes nothing without a second, explicit step.
 */
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../components/options/Options';
import type { Send } from '../../../components/shared/send';
import type { Reply, Status, ToBackground } from '../../../lib/messages';
import type { OutboxRecord, ReportState } from '../../../lib/outbox/db';
import type { Report } from '../../../lib/report';
import { DEFAULT_SETTINGS, endpointProblem, type Settings } from '../../../lib/settings';

const NOW = new Date(2026, 10, 23, 12, 0, 0).getTime();

function rec(n: number, state: ReportState, over: Partial<Report> = {}, extra: Partial<OutboxRecord> = {}): OutboxRecord {
  const report: Report = {
    id: `019a0000-0000-7000-8000-00000000000${n}`,
    createdAt: new Date(NOW - n * 60_000).toISOString(),
    extensionVersion: '0.1.0',
    site: 'claude',
    vendor: 'anthropic',
    model: 'Opus',
    answer: { key: `claude:c:${n}`, sha256: 'a'.repeat(64), text: `Answer ${n}` },
    flags: [],
    rating: 'up',
    ...over,
  };
  return { id: report.id, state, report, createdAt: Date.parse(report.createdAt), updatedAt: NOW, bytes: 100, attempts: 0, ...extra };
}

const LONG = `<img src=x onerror="window.pwned=1"> ${'x'.repeat(200)} END`;

function fakeBackground(settings: Settings = DEFAULT_SETTINGS) {
  const calls: ToBackground[] = [];
  const bg = {
    calls,
    settings,
    records: [
      rec(1, 'pending'),
      rec(2, 'sending'),
      rec(3, 'sent', { rating: undefined, flags: ['factually-wrong', 'unsafe'], answer: { key: 'k3', sha256: 'b'.repeat(64), text: LONG } }),
      rec(4, 'rejected', {}, { reason: 'Missing field "model"' }),
    ],
    saveReply: null as Reply<'settings:save'> | null,
    testReply: { ok: true, result: { ok: true, message: 'The endpoint answered 200 OK and accepted a test batch.', status: 200 } } as Reply<'endpoint:test'>,
  };
  const byState = () => {
    const c = { pending: 0, sending: 0, sent: 0, rejected: 0 };
    for (const r of bg.records) c[r.state]++;
    return c;
  };
  const send = (async (msg: ToBackground): Promise<unknown> => {
    calls.push(msg);
    switch (msg.type) {
      case 'settings:get':
        return { ok: true, settings: bg.settings };
      case 'settings:save': {
        if (bg.saveReply) return bg.saveReply;
        const { endpoint, keepSentDays } = msg;
        bg.settings = {
          ...DEFAULT_SETTINGS,
          version: 1,
          keepSentDays: keepSentDays ?? bg.settings.keepSentDays,
          ...(endpoint && { endpoint: { batchSize: 100, timeoutSeconds: 20, ...endpoint } }),
        };
        return { ok: true, settings: bg.settings };
      }
      case 'endpoint:test':
        return bg.testReply;
      case 'status:get': {
        const status: Status = {
          reports: { total: bg.records.length, pending: 1, byState: byState(), bytes: 400 },
          sync: { destination: { kind: 'local' }, lastSuccessAt: null, lastError: null, paused: null, nextAttemptAt: null, running: false },
          layoutWarnings: [],
        };
        return { ok: true, status };
      }
      case 'outbox:list': {
        const list = bg.records.filter((r) => !msg.state || r.state === msg.state);
        return { ok: true, records: list.slice(0, msg.limit ?? Infinity) };
      }
      case 'outbox:delete': {
        const before = bg.records.length;
        bg.records = bg.records.filter((r) => r.state === 'sending' || (msg.ids !== 'all' && !msg.ids.includes(r.id)));
        return { ok: true, removed: before - bg.records.length };
      }
      default:
        return { ok: false, error: 'unexpected' };
    }
  }) as Send;
  return { bg, send };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

async function open(opts: { settings?: Settings; permission?: (origins: string[]) => Promise<boolean> } = {}) {
  const { bg, send } = fakeBackground(opts.settings);
  const requestPermission = vi.fn(opts.permission ?? (async () => true));
  const downloads: { name: string; blob: Blob }[] = [];
  container = document.createElement('div');
  document.body.append(container);
  render(
    h(Options, { send, requestPermission, download: (name, blob) => downloads.push({ name, blob }), now: () => NOW }),
    container,
  );
  await flush();
  return { root: container, bg, requestPermission, downloads };
}

function button(root: HTMLElement, name: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

function type(root: HTMLElement, id: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const types = (bg: { calls: ToBackground[] }) => bg.calls.map((c) => c.type);

describe('options: destination', () => {
  it('says what is wrong with an address as it is typed, tied to the field', async () => {
    const { root } = await open();
    const url = root.querySelector<HTMLInputElement>('#url')!;
    expect(url.getAttribute('aria-invalid')).toBeNull();
    expect(root.querySelector('#url-error')).toBeNull();

    type(root, 'url', 'http://example.com');
    await flush();
    const error = root.querySelector('#url-error')!;
    expect(error.textContent).toBe(endpointProblem('http://example.com'));
    expect(error.textContent).toContain('must start with https://');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')?.split(' ')).toContain('url-error');

    type(root, 'url', 'https://example.com/in');
    await flush();
    expect(root.querySelector('#url-error')).toBeNull();
  });

  it('does not save or ask for access while a field is wrong', async () => {
    const { root, bg, requestPermission } = await open();
    type(root, 'url', 'http://example.com');
    type(root, 'batchSize', '500');
    await flush();
    button(root, 'Save').click();
    await flush();
    expect(requestPermission).not.toHaveBeenCalled();
    expect(types(bg)).not.toContain('settings:save');
    expect(root.querySelector('#batchSize-error')?.textContent).toBe('A whole number from 1 to 100.');
    expect(root.textContent).toContain('Nothing was saved: correct the fields marked above first.');
  });

  it('asks for the endpoint’s origin only, during the click, then saves', async () => {
    const { root, bg, requestPermission } = await open();
    type(root, 'url', 'https://reports.example.org:8443/api/reports?team=x');
    type(root, 'token', 'secret-token');
    type(root, 'headerName', 'X-Team');
    type(root, 'headerValue', 'blue');
    type(root, 'timeoutSeconds', '30');
    type(root, 'keepSentDays', '7');
    await flush();
    button(root, 'Save').click();
    // Synchronously, inside the click: a prompt after an await would lose the user gesture.
    expect(requestPermission).toHaveBeenCalledExactlyOnceWith(['https://reports.example.org/*']);
    expect(types(bg)).not.toContain('settings:save');
    await flush();
    expect(bg.calls.at(-1)).toEqual({
      type: 'settings:save',
      endpoint: {
        url: 'https://reports.example.org:8443/api/reports?team=x',
        token: 'secret-token',
        header: { name: 'X-Team', value: 'blue' },
        batchSize: 100,
        timeoutSeconds: 30,
      },
      keepSentDays: 7,
    });
    expect(root.textContent).toContain('Saved. Reports will be sent to reports.example.org:8443.');
    expect(root.textContent).toContain('Now: reports are sent to reports.example.org:8443.');
  });

  it('still saves when access is refused, and says what that means', async () => {
    const { root, bg } = await open({ permission: async () => false });
    type(root, 'url', 'https://reports.example.org/in');
    await flush();
    button(root, 'Save').click();
    await flush();
    expect(types(bg)).toContain('settings:save');
    const note = root.querySelector('.note')!.textContent!;
    expect(note).toContain('Saved, but the browser did not allow the extension to reach reports.example.org.');
    expect(note).toContain('can only deliver to endpoints that allow cross-origin requests (CORS)');
  });

  it('treats a permission call that throws as refused', async () => {
    const { root, bg } = await open({
      permission: async () => {
        throw new Error('Only permissions specified in the manifest may be requested.');
      },
    });
    type(root, 'url', 'https://reports.example.org/in');
    await flush();
    button(root, 'Save').click();
    await flush();
    expect(types(bg)).toContain('settings:save');
    expect(root.textContent).toContain('(Only permissions specified in the manifest may be requested.)');
  });

  it('shows the background’s reason when it does not save', async () => {
    const { root, bg } = await open();
    bg.saveReply = { ok: false, error: 'The settings could not be written (storage is full).' };
    type(root, 'url', 'https://reports.example.org/in');
    await flush();
    button(root, 'Save').click();
    await flush();
    expect(root.textContent).toContain('Not saved: The settings could not be written (storage is full).');
  });

  it('with no address, saves "this device only" without asking for access', async () => {
    const { root, bg, requestPermission } = await open();
    type(root, 'keepSentDays', '90');
    await flush();
    button(root, 'Save').click();
    await flush();
    expect(requestPermission).not.toHaveBeenCalled();
    expect(bg.calls.at(-1)).toEqual({ type: 'settings:save', endpoint: null, keepSentDays: 90 });
    expect(root.textContent).toContain('Saved. Reports are kept on this device only.');
  });

  it('loads the saved endpoint, hides and shows the token, and stops sending', async () => {
    const { root, bg } = await open({
      settings: {
        ...DEFAULT_SETTINGS,
        version: 1,
        keepSentDays: 14,
        endpoint: { url: 'https://r.example.org/in', token: 'tok', batchSize: 50, timeoutSeconds: 10 },
      },
    });
    const token = root.querySelector<HTMLInputElement>('#token')!;
    expect(root.querySelector<HTMLInputElement>('#url')!.value).toBe('https://r.example.org/in');
    expect(root.querySelector<HTMLInputElement>('#batchSize')!.value).toBe('50');
    expect(root.querySelector<HTMLInputElement>('#keepSentDays')!.value).toBe('14');
    expect(token.value).toBe('tok');
    expect(token.type).toBe('password');
    button(root, 'Show').click();
    await flush();
    expect(token.type).toBe('text');
    expect(button(root, 'Hide').getAttribute('aria-pressed')).toBe('true');

    button(root, 'Stop sending').click();
    await flush();
    expect(bg.calls.at(-1)).toEqual({ type: 'settings:save', endpoint: null, keepSentDays: 14 });
    expect(root.textContent).toContain('Sending stopped.');
    expect(root.textContent).toContain('Now: reports are kept on this device only.');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Stop sending')).toBe(false);
  });

  it('tests the connection with the form as it is, and shows the answer in words', async () => {
    const { root, bg, requestPermission } = await open();
    type(root, 'url', 'http://localhost:8080/in');
    type(root, 'batchSize', '10');
    await flush();
    button(root, 'Test connection').click();
    expect(requestPermission).toHaveBeenCalledWith(['http://localhost/*']);
    await flush();
    expect(bg.calls.at(-1)).toEqual({
      type: 'endpoint:test',
      endpoint: { url: 'http://localhost:8080/in', batchSize: 10, timeoutSeconds: 20 },
    });
    const status = root.querySelector('.note.test')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('The endpoint answered 200 OK and accepted a test batch.');
    expect(types(bg)).not.toContain('settings:save');

    bg.testReply = { ok: true, result: { ok: false, message: 'The endpoint refused the token (401 Unauthorized).', status: 401 } };
    button(root, 'Test connection').click();
    await flush();
    expect(status.textContent).toBe('The endpoint refused the token (401 Unauthorized).');
    expect(status.className).toContain('error');
  });
});

describe('options: outbox', () => {
  it('lists reports as text, with states in words, and details on request', async () => {
    const { root } = await open();
    const rows = [...root.querySelectorAll('table.reports tbody tr')];
    expect(rows).toHaveLength(4);
    expect(root.querySelector('table img')).toBeNull();
    const r3 = rows[2]!;
    expect(r3.textContent).toContain('Claude');
    expect(r3.textContent).toContain('Factually wrong, Unsafe or harmful');
    expect(r3.textContent).toContain('Delivered');
    const preview = r3.querySelector('td.answer')!.textContent!;
    expect(preview).toBe(`${LONG.slice(0, 120)}…`);
    expect(rows[3]!.textContent).toContain('Refused by the endpoint: Missing field "model"');
    // A report being sent cannot be deleted.
    expect(rows[1]!.textContent).toContain('Sending');
    expect([...rows[1]!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Details']);

    const details = button(r3 as HTMLElement, 'Details');
    expect(details.getAttribute('aria-expanded')).toBe('false');
    details.click();
    await flush();
    expect(details.getAttribute('aria-expanded')).toBe('true');
    const panel = root.querySelector(`#${details.getAttribute('aria-controls')}`)!;
    expect(panel.textContent).toContain(LONG);
    expect(panel.textContent).toContain('b'.repeat(64));
    expect(panel.querySelector('img')).toBeNull();
  });

  it('filters by state', async () => {
    const { root, bg } = await open();
    const select = root.querySelector<HTMLSelectElement>('#outbox-filter')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Waiting (1)', 'Sending (1)', 'Delivered (1)', 'Refused (1)', 'All (4)']);
    select.value = 'rejected';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(bg.calls.filter((c) => c.type === 'outbox:list').at(-1)).toEqual({ type: 'outbox:list', state: 'rejected', limit: 500 });
    const rows = root.querySelectorAll('table.reports tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Missing field "model"');
  });

  it('deletes all only after a second, explicit step', async () => {
    const { root, bg } = await open();
    button(root, 'Delete all…').click();
    await flush();
    expect(types(bg)).not.toContain('outbox:delete');
    const confirm = root.querySelector('#confirm-delete')!;
    expect(confirm.textContent).toContain('Delete all 3 reports from this device?');
    expect(confirm.textContent).toContain('Waiting reports have not been delivered yet and will be lost.');
    expect(document.activeElement?.textContent).toBe('Yes, delete them');

    button(root, 'Cancel').click();
    await flush();
    expect(root.querySelector('#confirm-delete')).toBeNull();
    expect(types(bg)).not.toContain('outbox:delete');

    button(root, 'Delete all…').click();
    await flush();
    button(root, 'Yes, delete them').click();
    await flush();
    expect(bg.calls.filter((c) => c.type === 'outbox:delete')).toEqual([{ type: 'outbox:delete', ids: 'all' }]);
    expect(root.textContent).toContain('Deleted 3 reports.');
    expect(root.querySelectorAll('table.reports tbody tr')).toHaveLength(1);
  });

  it('"Delete all" under a filter deletes only that state', async () => {
    const { root, bg } = await open();
    const select = root.querySelector<HTMLSelectElement>('#outbox-filter')!;
    select.value = 'sent';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    button(root, 'Delete all…').click();
    await flush();
    expect(root.querySelector('#confirm-delete')!.textContent).toContain('Delete 1 delivered report from this device?');
    button(root, 'Yes, delete them').click();
    await flush();
    expect(bg.calls.filter((c) => c.type === 'outbox:delete')).toEqual([
      { type: 'outbox:delete', ids: ['019a0000-0000-7000-8000-000000000003'] },
    ]);
    expect(bg.records.map((r) => r.state)).toEqual(['pending', 'sending', 'rejected']);
  });

  it('deletes one report', async () => {
    const { root, bg } = await open();
    const row = root.querySelectorAll('table.reports tbody tr')[0] as HTMLElement;
    button(row, 'Delete').click();
    await flush();
    expect(bg.calls.filter((c) => c.type === 'outbox:delete')).toEqual([
      { type: 'outbox:delete', ids: ['019a0000-0000-7000-8000-000000000001'] },
    ]);
    expect(root.textContent).toContain('Deleted 1 report.');
    expect(root.querySelectorAll('table.reports tbody tr')).toHaveLength(3);
  });

  it('exports the current list as JSONL and CSV files named by date', async () => {
    const { root, bg, downloads } = await open();
    button(root, 'Export JSONL').click();
    await flush();
    button(root, 'Export CSV').click();
    await flush();
    // Exports read the whole list, not the first page shown.
    expect(bg.calls.filter((c) => c.type === 'outbox:list').slice(-2)).toEqual([{ type: 'outbox:list' }, { type: 'outbox:list' }]);
    expect(downloads.map((d) => d.name)).toEqual([
      'behind-the-answer-reports-2026-11-23.jsonl',
      'behind-the-answer-reports-2026-11-23.csv',
    ]);
    const jsonl = await downloads[0]!.blob.text();
    expect(jsonl.trim().split('\n').map((l) => JSON.parse(l).state)).toEqual(['pending', 'sending', 'sent', 'rejected']);
    const csv = await downloads[1]!.blob.text();
    expect(csv.replace(/^\uFEFF/, '').startsWith('id,createdAt,state,reason,site,')).toBe(true);
    expect(root.textContent).toContain('Exported 4 reports to behind-the-answer-reports-2026-11-23.csv.');
  });
});
