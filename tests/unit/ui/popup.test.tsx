/**
 * The popup against a fake background: what it says about the outbox and delivery,
 * and that "Sync now" asks the background and then reads the status again.
 */
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import type { Send } from '../../../components/shared/send';
import type { Status, SyncStatus, ToBackground } from '../../../lib/messages';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function status(sync: Partial<SyncStatus> = {}, extra: Partial<Status> = {}): Status {
  return {
    reports: { total: 10, pending: 3, byState: { pending: 3, sending: 1, sent: 4, rejected: 2 }, bytes: 5000 },
    sync: {
      destination: { kind: 'endpoint', host: 'reports.example.org' },
      lastSuccessAt: new Date(NOW - 5 * 60_000).toISOString(),
      lastError: null,
      paused: null,
      nextAttemptAt: null,
      running: false,
      ...sync,
    },
    layoutWarnings: [],
    ...extra,
  };
}

/** A background that answers from `current` and records what it was asked. */
function fakeBackground(initial: Status) {
  const calls: ToBackground[] = [];
  const bg = { current: initial, calls, onSync: () => {} };
  const send = (async (msg: ToBackground) => {
    calls.push(msg);
    if (msg.type === 'status:get') return { ok: true, status: bg.current };
    if (msg.type === 'sync:now') {
      bg.onSync();
      return { ok: true, sync: bg.current.sync };
    }
    return { ok: false, error: 'unexpected' };
  }) as Send;
  return { bg, send };
}

const flush = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
};

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

async function open(send: Send, openOptions = () => {}) {
  container = document.createElement('div');
  document.body.append(container);
  render(h(Popup, { send, openOptions, refreshMs: 60_000, now: () => NOW }), container);
  await flush();
  return container;
}

function button(root: HTMLElement, name: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

describe('popup', () => {
  it('says where reports go, how many are in each state and when delivery last worked', async () => {
    const { send } = fakeBackground(status());
    const root = await open(send);
    expect(root.querySelector('h1')?.textContent).toBe('Behind the Answer');
    expect(root.textContent).toContain('Reports go to reports.example.org.');
    const counts = Object.fromEntries(
      [...root.querySelectorAll('.count')].map((c) => [c.querySelector('dt')!.textContent, c.querySelector('dd')!.textContent]),
    );
    expect(counts).toEqual({ Waiting: '3', Sending: '1', Delivered: '4', 'Refused by the endpoint': '2' });
    expect(root.textContent).toContain('Last delivery: 5 minutes ago');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('explains local-only storage and offers no sync', async () => {
    const { send } = fakeBackground(status({ destination: { kind: 'local' }, lastSuccessAt: null }));
    const root = await open(send);
    expect(root.textContent).toContain(
      'Reports are kept on this device only. Set an endpoint in the settings to send them to your team.',
    );
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Settings and outbox', 'Human work behind the chatbots']);
  });

  it('shows a paused delivery as an alert, with the last error and the next attempt', async () => {
    const { send } = fakeBackground(
      status({
        paused: 'The endpoint refused the token (401). Enter a new token in the settings.',
        lastError: { message: 'The endpoint answered 401 Unauthorized.', at: new Date(NOW - 2 * 3600_000).toISOString() },
        lastSuccessAt: null,
        nextAttemptAt: new Date(NOW + 3 * 60_000).toISOString(),
      }),
    );
    const root = await open(send);
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Delivery is stopped');
    expect(alert.textContent).toContain('The endpoint refused the token (401). Enter a new token in the settings.');
    const sync = root.querySelector('.sync[role="status"]')!.textContent!;
    expect(sync).toContain('Last delivery: never');
    expect(sync).toContain('Last problem (2 hours ago): The endpoint answered 401 Unauthorized.');
    expect(sync).toContain('Next attempt: in 3 minutes');
  });

  it('"Sync now" asks the background, shows it is busy, then reads the status again', async () => {
    const { bg, send } = fakeBackground(status());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = (async (msg: ToBackground) => {
      if (msg.type === 'sync:now') await gate;
      return send(msg as never);
    }) as Send;
    bg.onSync = () => {
      bg.current = status(
        { lastSuccessAt: new Date(NOW).toISOString() },
        { reports: { total: 10, pending: 0, byState: { pending: 0, sending: 0, sent: 8, rejected: 2 }, bytes: 5000 } },
      );
    };
    const root = await open(slow);
    expect(bg.calls.map((c) => c.type)).toEqual(['status:get']);

    button(root, 'Sync now').click();
    await flush();
    const busy = button(root, 'Syncing…');
    expect(busy.disabled).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');

    release();
    await flush();
    expect(bg.calls.map((c) => c.type)).toEqual(['status:get', 'sync:now', 'status:get']);
    expect(button(root, 'Sync now').disabled).toBe(false);
    expect(root.querySelector('.count.sent dd')?.textContent).toBe('8');
    expect(root.textContent).toContain('Last delivery: just now');
  });

  it('shows a failed sync in words', async () => {
    const { send } = fakeBackground(status());
    const failing = (async (msg: ToBackground) =>
      msg.type === 'sync:now' ? { ok: false, error: 'Delivery is already running.' } : send(msg as never)) as Send;
    const root = await open(failing);
    button(root, 'Sync now').click();
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Sync did not start: Delivery is already running.');
  });

  it('lists unrecognised layouts as text', async () => {
    const { send } = fakeBackground(
      status({}, {
        layoutWarnings: [
          { site: 'claude', url: 'https://claude.ai/chat/<b>x</b>', count: 3, lastSeen: new Date(NOW - 3600_000).toISOString() },
        ],
      }),
    );
    const root = await open(send);
    const section = root.querySelector('section[aria-labelledby="layouts"]')!;
    expect(section.querySelector('h2')?.textContent).toBe('Layouts not recognised');
    expect(section.querySelector('b')).toBeNull();
    expect(section.textContent).toContain('Claude https://claude.ai/chat/<b>x</b>');
    expect(section.textContent).toContain('3 times, last seen 1 hour ago');
  });

  it('reads the status again while open, and opens the settings', async () => {
    vi.useFakeTimers();
    try {
      const { bg, send } = fakeBackground(status());
      const openOptions = vi.fn();
      container = document.createElement('div');
      render(h(Popup, { send, openOptions, now: () => NOW }), container);
      await vi.advanceTimersByTimeAsync(0);
      expect(bg.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(4000);
      expect(bg.calls).toHaveLength(3);
      button(container, 'Settings and outbox').click();
      expect(openOptions).toHaveBeenCalledOnce();
      render(null, container);
      await vi.advanceTimersByTimeAsync(4000);
      expect(bg.calls).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when the background does not answer', async () => {
    const send = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as Send;
    const root = await open(send);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not read the extension’s status: The extension’s background did not answer (Could not establish connection.',
    );
  });
});
