/**
 * A team configuration joined through the background: its categories and required
 * fields reach the page, reports carry the team and a pseudonymous reporter id, and
 * what the team locks cannot be changed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from '../../lib/background';
import { draftFor } from '../../lib/draft';
import { allReports, openOutbox, type Outbox } from '../../lib/outbox/db';
import type { AnswerInfo } from '../../lib/sites/types';

const EXT = 'ext';
const page = { id: EXT, url: 'chrome-extension://ext/options.html' };
const tab = { id: EXT, url: 'https://claude.ai/chat/x' };
const info: AnswerInfo = { key: 'claude:x:h-1', text: 'It was 1969.', prompt: 'When?', model: null, mode: null, conversationId: 'x', site: 'claude', vendor: 'anthropic' };
const CONFIG = {
  schema: 'behind-the-answer.team/1',
  team: { id: 'newsroom', name: 'Newsroom fact-check' },
  endpoint: { url: 'https://reports.newsroom.example/api/reports', token: 't0ken' },
  categories: { mode: 'add', items: [{ id: 'wrong-date', label: 'Wrong date or time' }] },
  required: { comment: true },
  attachPrompt: true,
  reporterId: true,
  locked: ['endpoint', 'categories', 'required', 'team'],
};

let db: Outbox;
let handle: ReturnType<typeof createHandler>;
let n = 0;
beforeEach(async () => {
  db = await openOutbox(`team-${++n}`);
  handle = createHandler({ db: async () => db, version: '1.0.0', extensionId: EXT, extensionOrigin: 'chrome-extension://ext' });
});

describe('joining a team', () => {
  it('refuses a broken configuration with every problem listed', async () => {
    const reply = (await handle({ type: 'team:set', config: { ...CONFIG, team: { id: 'QA Team', name: '' } } }, page)) as any;
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/^This team configuration cannot be used:\nteam\.id: use lowercase letters, digits and hyphens \(got "QA Team"\)/);
  });

  it('gives the page the team’s categories and required fields, and stamps reports', async () => {
    expect(await handle({ type: 'team:set', config: CONFIG }, page)).toMatchObject({ ok: true, team: { team: { id: 'newsroom' } } });
    const cfg = ((await handle({ type: 'page:config', site: 'claude' }, tab)) as any).config;
    expect(cfg.categories.at(-1)).toEqual({ id: 'wrong-date', label: 'Wrong date or time' });
    expect(cfg.categories[0].id).toBe('factually-wrong');
    expect(cfg.required).toMatchObject({ comment: true });
    expect(cfg.privacy.prompt).toBe(true);

    const noComment = await handle({ type: 'report:save', draft: draftFor(info, tab.url, { flags: ['wrong-date'] }) }, tab);
    expect(noComment).toEqual({ ok: false, error: 'Your team asks for a comment with every flag.' });
    const saved = (await handle({ type: 'report:save', draft: draftFor(info, tab.url, { flags: ['wrong-date'], comment: 'It was 1968.' }) }, tab)) as any;
    expect(saved).toMatchObject({ ok: true, destination: { kind: 'endpoint', host: 'reports.newsroom.example' } });
    const [rec] = await allReports(db);
    expect(rec!.report).toMatchObject({ team: 'newsroom', flags: ['wrong-date'], prompt: { text: 'When?' } });
    expect(rec!.report.reporter).toMatch(/^r-[a-z2-7]{20}$/);
  });

  it('keeps what the team locks, and lets the member rotate the reporter id and leave', async () => {
    await handle({ type: 'team:set', config: CONFIG }, page);
    const change = await handle({ type: 'settings:save', endpoint: { url: 'https://mine.example/r', batchSize: 100, timeoutSeconds: 20 } }, page);
    expect(change).toEqual({ ok: false, error: 'Your team sets where reports go; it cannot be changed here.' });
    await handle({ type: 'report:save', draft: draftFor(info, tab.url, { rating: 'up' }) }, tab);
    const first = (await allReports(db))[0]!.report.reporter;
    const rotated = ((await handle({ type: 'reporter:rotate' }, page)) as any).team.reporterId;
    expect(rotated).toMatch(/^r-[a-z2-7]{20}$/);
    expect(rotated).not.toBe(first);
    expect(await handle({ type: 'team:leave' }, page)).toMatchObject({ ok: true, team: { team: null } });
    const cfg = ((await handle({ type: 'page:config', site: 'claude' }, tab)) as any).config;
    expect(cfg.categories.map((c: any) => c.id)).not.toContain('wrong-date');
  });

  it('is for the extension’s own pages only', async () => {
    expect(await handle({ type: 'team:set', config: CONFIG }, tab)).toEqual({ ok: false, error: 'Only the extension’s own pages may do this.' });
  });
});
