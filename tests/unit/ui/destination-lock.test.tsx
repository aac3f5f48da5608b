/**
 * The destination form when a team or the organisation sets the endpoint: the fields show
 * it but cannot be edited, the token stays masked, one line says who decided, and nothing
 * the page sends changes the stored endpoint. Driven through the real background handler.
 */
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DestinationForm } from '../../../components/options/DestinationForm';
import type { Send } from '../../../components/shared/send';
import { createHandler } from '../../../lib/background';
import { openOutbox } from '../../../lib/outbox/db';
import { loadSettings } from '../../../lib/settings';

const EXT = 'ext';
const page = { id: EXT, url: 'chrome-extension://ext/options.html' };
const TEAM_ENDPOINT = { url: 'https://reports.newsroom.example/api/reports', token: 's3cret-token', header: { name: 'x-desk', value: 'hidden-value' } };
const CONFIG = {
  schema: 'behind-the-answer.team/1',
  team: { id: 'newsroom', name: 'Newsroom fact-check' },
  endpoint: TEAM_ENDPOINT,
  locked: ['endpoint'],
};

let handle: ReturnType<typeof createHandler>;
let calls: { type: string; endpoint?: unknown }[];
let n = 0;
beforeEach(async () => {
  const db = await openOutbox(`lock-${++n}`);
  const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
  handle = createHandler({ db: async () => db, version: '1.0.0', extensionId: EXT, extensionOrigin: 'chrome-extension://ext', fetch });
  calls = [];
});

const send = ((msg: { type: string }) => {
  calls.push(msg);
  return handle(msg, page);
}) as Send;

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

async function open() {
  const requestPermission = vi.fn(async () => true);
  container = document.createElement('div');
  document.body.append(container);
  render(h(DestinationForm, { send, requestPermission }), container);
  await flush();
  return { root: container, requestPermission };
}

const input = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
const button = (root: HTMLElement, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const ENDPOINT_FIELDS = ['url', 'token', 'headerName', 'headerValue', 'batchSize', 'timeoutSeconds'];

function type(root: HTMLElement, id: string, value: string) {
  const el = input(root, id);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('destination locked by the team', () => {
  beforeEach(async () => {
    expect(await handle({ type: 'team:set', config: CONFIG }, page)).toMatchObject({ ok: true });
  });

  it('shows the endpoint read-only, token and header value masked, and says who set it', async () => {
    const { root } = await open();
    for (const id of ENDPOINT_FIELDS) expect(input(root, id).disabled, id).toBe(true);
    expect(input(root, 'keepSentDays').disabled).toBe(false);
    expect(input(root, 'url').value).toBe(TEAM_ENDPOINT.url);
    expect(input(root, 'headerName').value).toBe('x-desk');
    expect(input(root, 'token').type).toBe('password');
    expect(input(root, 'token').value).not.toContain('s3cret');
    expect(input(root, 'headerValue').value).not.toContain('hidden');
    expect(root.textContent).not.toContain('s3cret-token');
    expect(button(root, 'Show')!.disabled).toBe(true);

    const lock = root.querySelector('#dest-lock')!;
    expect(lock.textContent).toBe('Set by your team Newsroom fact-check: these fields cannot be changed here.');
    expect(input(root, 'url').getAttribute('aria-describedby')?.split(' ')).toContain('dest-lock');
    expect(root.textContent).toContain('Now: reports are sent to reports.newsroom.example.');
    expect(button(root, 'Stop sending')!.disabled).toBe(true);
  });

  it('cannot change the stored endpoint, however the form is pushed', async () => {
    const before = await loadSettings();
    const { root, requestPermission } = await open();
    type(root, 'url', 'https://elsewhere.example/in');
    type(root, 'keepSentDays', '7');
    await flush();
    expect(input(root, 'url').value).toBe(TEAM_ENDPOINT.url);

    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    button(root, 'Stop sending')!.click();
    await flush();

    const after = await loadSettings();
    expect(after.endpoint).toEqual(before.endpoint);
    expect(after.endpoint?.url).toBe(TEAM_ENDPOINT.url);
    // The person's own setting in the same form still saves.
    expect(after.keepSentDays).toBe(7);
    expect(calls.filter((c) => c.type === 'settings:save').every((c) => !('endpoint' in c))).toBe(true);
    expect(requestPermission).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Saved.');
  });

  it('still tests the connection, with the endpoint in force', async () => {
    const { root, requestPermission } = await open();
    const test = button(root, 'Test connection')!;
    expect(test.disabled).toBe(false);
    test.click();
    await flush();
    expect(requestPermission).toHaveBeenCalledWith(['https://reports.newsroom.example/*']);
    expect(calls.filter((c) => c.type === 'endpoint:test')).toEqual([{ type: 'endpoint:test' }]);
    expect(root.textContent).toContain('The endpoint answered 200: it is reachable and accepts batches.');
  });
});

describe('destination locked by the organisation', () => {
  it('says the organisation set it', async () => {
    await fakeBrowser.storage.managed.set({ endpoint: { url: 'https://collect.corp.example/r' } });
    const { root } = await open();
    expect(root.querySelector('#dest-lock')!.textContent).toBe('Set by your organisation: these fields cannot be changed here.');
    expect(input(root, 'url').value).toBe('https://collect.corp.example/r');
    for (const id of ENDPOINT_FIELDS) expect(input(root, id).disabled, id).toBe(true);
    expect(input(root, 'token').value).toBe('');
  });
});

describe('destination not locked', () => {
  it('leaves every field editable and shows no lock line', async () => {
    const { root } = await open();
    for (const id of ENDPOINT_FIELDS) expect(input(root, id).disabled, id).toBe(false);
    expect(root.querySelector('#dest-lock')).toBeNull();
  });

  it('keeps what was typed while the settings were still on their way', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = (async (msg: { type: string }) => {
      if (msg.type === 'settings:get') await gate;
      return handle(msg, page);
    }) as Send;
    container = document.createElement('div');
    document.body.append(container);
    render(h(DestinationForm, { send: slow, requestPermission: async () => true }), container);
    await flush();
    type(container, 'url', 'https://typed.example/in');
    release();
    await flush();
    expect(input(container, 'url').value).toBe('https://typed.example/in');
    expect(container.textContent).toContain('Now: reports are kept on this device only.');
  });
});
