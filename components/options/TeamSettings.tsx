/**
 * Joining a team: from a configuration file or a link the team shares. Nothing applies
 * until the person has seen exactly what the configuration sets and locks, and confirmed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamStatus } from '@/lib/messages';
import { parseTeamConfig, parseTeamConfigLink, type TeamConfig } from '@/lib/team';
import { ask, type Send } from '../shared/send';
import { rich } from '../shared/rich';
import { t, type MessageKey } from '@/lib/i18n';
import { Notice, type Note } from './Notice';

const SETTINGS = ['endpoint', 'categories', 'required', 'attachPrompt', 'reporterId', 'team'];
/** A lockable setting's plain name (messages team_setting_<name>); unknown ones by their key. */
const settingName = (k: string) => (SETTINGS.includes(k) ? t(`team_setting_${k}` as MessageKey) : k);

export function TeamSettings({ send, initialLink }: { send: Send; initialLink?: string | null }) {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [link, setLink] = useState(initialLink ?? '');
  const [pending, setPending] = useState<TeamConfig | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<Note>(null);

  const load = async () => {
    const r = await ask(send, { type: 'team:get' });
    if (r.ok) setStatus(r.team);
    else setMessage({ text: r.error, error: true });
  };
  useEffect(() => {
    void load();
    if (initialLink) check(parseTeamConfigLink(initialLink));
  }, []);

  function check(result: ReturnType<typeof parseTeamConfig>) {
    setMessage(null);
    if (result.ok) {
      setErrors([]);
      setPending(result.config);
    } else {
      setPending(null);
      setErrors(result.errors);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    check(parseTeamConfig(await file.text()));
  }

  async function join() {
    if (!pending) return;
    const r = await ask(send, { type: 'team:set', config: pending });
    if (!r.ok) return setMessage({ text: r.error, error: true });
    setStatus(r.team);
    setPending(null);
    setLink('');
    setMessage({ text: t('team_joined', pending.team.name), error: false });
  }

  async function act(type: 'team:leave' | 'reporter:rotate', done: string) {
    const r = await ask(send, { type });
    if (!r.ok) return setMessage({ text: r.error, error: true });
    setStatus(r.team);
    setMessage({ text: done, error: false });
  }

  const locked = Object.entries(status?.lockedBy ?? {});
  return (
    <section class="card" aria-labelledby="team-h">
      <h2 id="team-h">{t('team_heading')}</h2>
      <p class="muted">{t('team_intro')}</p>
      {status?.team ? (
        <p>{rich('team_inTeam', <strong>{status.team.name}</strong>, status.team.id)}</p>
      ) : (
        <p>{t('team_notInTeam')}</p>
      )}
      {locked.length > 0 && (
        <ul class="locks">
          {locked.map(([k, by]) => (
            <li key={k}>
              {t(by === 'organisation' ? 'team_lockedByOrg' : 'team_lockedByTeam', settingName(k))}
            </li>
          ))}
        </ul>
      )}
      {status && status.policyErrors.length > 0 && (
        <div class="error" role="alert">
          <p>{t('team_policyErrors')}</p>
          <ul>
            {status.policyErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {status?.reporterId && (
        <p>
          {rich('team_reporterIdLine', <code>{status.reporterId}</code>)}{' '}
          <button type="button" onClick={() => void act('reporter:rotate', t('team_newReporterIdDone'))}>
            {t('team_newReporterId')}
          </button>
        </p>
      )}

      <div class="field">
        <label for="team-link">{t('team_linkLabel')}</label>
        <div class="inline">
          <input id="team-link" type="url" value={link} onInput={(e) => setLink(e.currentTarget.value)} placeholder="https://behindtheanswer.org/join#config=…" />
          <button type="button" disabled={!link.trim()} onClick={() => check(parseTeamConfigLink(link.trim()))}>
            {t('team_checkLink')}
          </button>
        </div>
      </div>
      <div class="field">
        <label for="team-file">{t('team_fileLabel')}</label>
        <input id="team-file" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
      </div>

      {errors.length > 0 && (
        <div class="error" role="alert">
          <p>{t('team_invalid')}</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {pending && <Confirm config={pending} onJoin={join} onCancel={() => setPending(null)} />}

      {status?.team && !status.managed && (
        <p>
          <button type="button" onClick={() => void act('team:leave', t('team_left'))}>
            {t('team_leave', status.team.name)}
          </button>
        </p>
      )}
      <Notice note={message} />
    </section>
  );
}

/** Exactly what joining changes, before anything changes. */
function Confirm({ config, onJoin, onCancel }: { config: TeamConfig; onJoin: () => void; onCancel: () => void }) {
  const rows: [string, string][] = [[t('team_heading'), `${config.team.name} (${config.team.id})`]];
  if (config.endpoint) {
    const host = new URL(config.endpoint.url).host;
    rows.push([t('team_rowReportsTo'), config.endpoint.token ? t('team_hostWithToken', host) : host]);
  }
  if (config.categories) {
    rows.push([
      config.categories.mode === 'replace' ? t('team_rowCategoriesReplace') : t('team_rowCategoriesExtra'),
      config.categories.items.map((c) => c.label).join(', '),
    ]);
  }
  const needs = { comment: !!config.required?.comment, correction: !!config.required?.correction };
  const req = needs.comment && needs.correction ? t('team_needsBoth') : needs.comment ? t('team_needsComment') : needs.correction ? t('team_needsCorrection') : '';
  if (req) rows.push([t('team_rowNeeds'), req]);
  if (config.attachPrompt !== undefined) rows.push([t('preview_prompt'), config.attachPrompt ? t('team_promptAttached') : t('team_promptNotAttached')]);
  if (config.reporterId) rows.push([t('team_rowReporterId'), t('team_reporterIdValue')]);
  if (config.locked.length) rows.push([t('team_rowLocked'), config.locked.map(settingName).join(', ')]);
  return (
    <div class="confirm" role="group" aria-labelledby="team-confirm-h">
      <h3 id="team-confirm-h">{t('team_confirmTitle', config.team.name)}</h3>
      <dl class="report">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p>
        <button type="button" class="primary" onClick={onJoin}>
          {t('team_join', config.team.name)}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </p>
    </div>
  );
}
