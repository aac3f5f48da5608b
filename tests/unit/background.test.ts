/**
 * The background's message handler against fake IndexedDB and the fake browser:
 * what arrives from a content script is validated, stored, undone, or refused with a
 * message a person can act on.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler } from '../../lib/background';
import { draftFor } from '../../lib/draft';
import { allReports, lease, openOutbox, settle, type Outbox } from '../../lib/outbox/db';
import type { AnswerInfo } from '../../lib/sites/types';

const EXT = 'ext-id';
const me = { id: EXT, url: 'https://chatgpt.com/c/abc', tab: { url: 'https://chatgpt.com/c/abc' } };
const NOW = Date.parse('2026-11-23T10:00:00Z');

const info: AnswerInfo = {
  key: 'chatgpt:abc:id-m1',
  text: 'Paris is the capital of France.',
  prompt: 'Capital of France?',
  model: 'gpt-5-2',
  mode: null,
  conversationId: 'abc',
  site: 'chatgpt',
  vendor: 'openai',
};

let db: Outbox;
let handle: ReturnType<typeof createHandler>;
let n = 0;

beforeEach(async () => {
  db = await openOutbox(`test-${++n}`);
  handle = createHandler({ db: async () => db, version: '1.2.3', extensionId: EXT, now: () => NOW });
});

describe('report:save', () => {
  it('stores a complete report built from the draft', async () => {
    const draft = draftFor(info, 'https://chatgpt.com/c/abc?model=x#frag', {
      flags: ['factually-wrong'],
      comment: '  Lyon is not the capital.  ',
      correction: '',
    });
    const reply = (await handle({ type: 'report:save', draft }, me)) as any;
    expect(reply).toMatchObject({ ok: true, destination: { kind: 'local' } });
    const [rec] = await allReports(db);
    expect(rec!.state).toBe('pending');
    expect(rec!.report).toEqual({
      id: reply.id,
      createdAt: '2026-11-23T10:00:00.000Z',
      extensionVersion: '1.2.3',
      site: 'chatgpt',
      vendor: 'openai',
      model: 'gpt-5-2',
      conversationUrl: 'https://chatgpt.com/c/abc',
      conversationId: 'abc',
      answer: {
        key: 'chatgpt:abc:id-m1',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        text: 'Paris is the capital of France.',
        // Detected on this device from the answer's text.
        lang: 'en',
      },
      // The prompt stays out by default.
      flags: ['factually-wrong'],
      comment: 'Lyon is not the capital.',
    });
    expect(reply.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('follows the privacy settings: prompt on, answer text off, personal details hidden', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, privacy: { prompt: true, answerText: false } } });
    const draft = draftFor({ ...info, prompt: 'Mail me at ann@example.org' }, me.url, { flags: ['other'], comment: 'Call +44 20 7946 0958' });
    await handle({ type: 'report:save', draft }, me);
    const [rec] = await allReports(db);
    expect(rec!.report.prompt).toEqual({ text: 'Mail me at [email]' });
    expect(rec!.report.answer.text).toBeUndefined();
    // The language comes from the whole answer, even when its text is not kept.
    expect(rec!.report.answer.lang).toBe('en');
    // The fingerprint is still of the whole answer.
    expect(rec!.report.answer.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rec!.report.comment).toBe('Call [phone]');
  });

  it('refuses reports from a chatbot the person switched off', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, sitesOff: ['chatgpt'] } });
    const reply = await handle({ type: 'report:save', draft: draftFor(info, me.url, { rating: 'up' }) }, me);
    expect(reply).toEqual({ ok: false, error: 'The extension is switched off for this chatbot.' });
    expect(await handle({ type: 'page:config', site: 'chatgpt' }, me)).toMatchObject({ ok: true, config: { enabled: false } });
    expect(await handle({ type: 'page:config', site: 'claude' }, me)).toMatchObject({ ok: true, config: { enabled: true, privacy: { prompt: false, redact: true } } });
  });

  it('fingerprints the answer with SHA-256 of its text', async () => {
    await handle({ type: 'report:save', draft: draftFor({ ...info, text: 'abc' }, me.url, { rating: 'up' }) }, me);
    const [rec] = await allReports(db);
    expect(rec!.report.answer.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses a report with neither rating nor flag, saying why, and stores nothing', async () => {
    const reply = await handle({ type: 'report:save', draft: draftFor(info, me.url, {}) }, me);
    expect(reply).toEqual({ ok: false, error: 'Invalid message: draft.flags: A report needs a rating or at least one flag category.' });
    expect(await allReports(db)).toEqual([]);
  });

  it('refuses unknown categories, sites and oversized text', async () => {
    const base = draftFor(info, me.url, { rating: 'down' });
    const bad = [
      { ...base, flags: ['rude'] },
      { ...base, site: 'bard' },
      { ...base, answer: { key: 'k', text: 'x'.repeat(200_001) } },
      { ...base, conversationUrl: 'javascript:alert(1)' },
    ];
    for (const draft of bad) {
      const reply = (await handle({ type: 'report:save', draft }, me)) as any;
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/^Invalid message: draft\./);
    }
    expect(await allReports(db)).toEqual([]);
  });

  it('refuses messages from anyone but this extension', async () => {
    const draft = draftFor(info, me.url, { rating: 'up' });
    expect(await handle({ type: 'report:save', draft }, { ...me, id: 'another-extension' })).toEqual({
      ok: false,
      error: 'Message from an unknown sender.',
    });
    expect(await allReports(db)).toEqual([]);
  });

  it('refuses a message of unknown type', async () => {
    const reply = (await handle({ type: 'report:delete-all' }, me)) as any;
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/^Invalid message: type:/);
  });
});

describe('report:undo', () => {
  it('removes a report that has not left the device, once', async () => {
    const saved = (await handle({ type: 'report:save', draft: draftFor(info, me.url, { rating: 'up' }) }, me)) as any;
    expect(await handle({ type: 'report:undo', id: saved.id }, me)).toEqual({ ok: true, removed: true });
    expect(await allReports(db)).toEqual([]);
    expect(await handle({ type: 'report:undo', id: saved.id }, me)).toEqual({ ok: true, removed: false });
  });

  it('does not remove a report already being sent', async () => {
    const saved = (await handle({ type: 'report:save', draft: draftFor(info, me.url, { rating: 'up' }) }, me)) as any;
    await lease(db, { max: 1, maxBytes: 1e6, now: NOW, leaseMs: 60_000 });
    expect(await handle({ type: 'report:undo', id: saved.id }, me)).toEqual({ ok: true, removed: false });
    expect(await allReports(db)).toHaveLength(1);
  });
});

describe('report:state', () => {
  it('follows a report from pending through sending to sent', async () => {
    const saved = (await handle({ type: 'report:save', draft: draftFor(info, me.url, { rating: 'up' }) }, me)) as any;
    expect(await handle({ type: 'report:state', id: saved.id }, me)).toEqual({ ok: true, state: 'pending' });
    const held = await lease(db, { max: 1, maxBytes: 1e6, now: NOW, leaseMs: 60_000 });
    expect(await handle({ type: 'report:state', id: saved.id }, me)).toEqual({ ok: true, state: 'sending' });
    await settle(db, held!, { sent: [saved.id] }, NOW);
    expect(await handle({ type: 'report:state', id: saved.id }, me)).toEqual({ ok: true, state: 'sent' });
    expect(await handle({ type: 'report:state', id: 'no-such-report' }, me)).toEqual({ ok: true, state: null });
  });
});

describe('layout:status and status:get', () => {
  it('records unrecognised layouts per site, counts them, and clears them once recognised', async () => {
    const url = 'https://claude.ai/chat/0b7e2c1d?token=secret';
    await handle({ type: 'layout:status', site: 'claude', recognised: false, url }, me);
    await handle({ type: 'layout:status', site: 'claude', recognised: false, url }, me);
    let status = ((await handle({ type: 'status:get' }, me)) as any).status;
    expect(status.layoutWarnings).toEqual([
      { site: 'claude', url: 'https://claude.ai/chat/0b7e2c1d', lastSeen: '2026-11-23T10:00:00.000Z', count: 2 },
    ]);
    await handle({ type: 'layout:status', site: 'claude', recognised: true, url }, me);
    status = ((await handle({ type: 'status:get' }, me)) as any).status;
    expect(status.layoutWarnings).toEqual([]);
    expect(await fakeBrowser.storage.local.get('layoutWarnings')).toEqual({ layoutWarnings: {} });
  });

  it('puts a stored delivery problem into words when it is shown, in the language of the moment', async () => {
    const said = { key: 'sync_tokenRefused', subs: ['401: bad token'] };
    await fakeBrowser.storage.local.set({
      syncState: { attempt: 0, nextAttemptAt: null, lastSuccessAt: null, lastError: { message: 'words of the day', at: NOW, said }, paused: 'words of the day', pausedSaid: said },
    });
    let sync = ((await handle({ type: 'status:get' }, me)) as any).status.sync;
    const english = 'The endpoint refused the token (401: bad token). Check the token in the settings, then choose “Sync now”.';
    expect(sync.lastError.message).toBe(english);
    expect(sync.paused).toBe(english);

    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
      key === 'sync_tokenRefused' ? `Jeton refusé (${subs?.[0]})` : '') as never);
    sync = ((await handle({ type: 'status:get' }, me)) as any).status.sync;
    expect(sync.paused).toBe('Jeton refusé (401: bad token)');
    getMessage.mockRestore();

    // Written by an older version (no key), or with a key this version no longer has: as stored.
    await fakeBrowser.storage.local.set({
      syncState: { attempt: 0, nextAttemptAt: null, lastSuccessAt: null, lastError: { message: 'old words', at: NOW }, paused: 'old pause', pausedSaid: { key: 'gone_key', subs: [] } },
    });
    sync = ((await handle({ type: 'status:get' }, me)) as any).status.sync;
    expect(sync.lastError.message).toBe('old words');
    expect(sync.paused).toBe('old pause');
  });

  it('counts stored reports', async () => {
    await handle({ type: 'report:save', draft: draftFor(info, me.url, { rating: 'up' }) }, me);
    await handle({ type: 'report:save', draft: draftFor(info, me.url, { flags: ['other'] }) }, me);
    const status = ((await handle({ type: 'status:get' }, me)) as any).status;
    expect(status.reports).toMatchObject({ total: 2, pending: 2, byState: { pending: 2, sending: 0, sent: 0, rejected: 0 } });
    expect(status.reports.bytes).toBeGreaterThan(500);
  });
});
