/**
 * Joining a team: from a configuration file or a link the team shares. Nothing applies
 * until the person has seen exactly what the configuration sets and locks, and confirmed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamStatus } from '@/lib/messages';
import { parseTeamConfig, parseTeamConfigLink, type TeamConfig } from '@/lib/team';
import { ask, type Send } from '../shared/send';

const SETTING_NAMES: Record<string, string> = {
  endpoint: 'where reports go',
  categories: 'flag categories',
  required: 'required fields',
  attachPrompt: 'attaching prompts',
  reporterId: 'the reporter id',
  team: 'the team',
};

export function TeamSettings({ send, initialLink }: { send: Send; initialLink?: string | null }) {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [link, setLink] = useState(initialLink ?? '');
  const [pending, setPending] = useState<TeamConfig | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

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
    setMessage({ text: `You joined ${pending.team.name}.`, error: false });
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
      <h2 id="team-h">Team</h2>
      <p class="muted">A team can send you one configuration: where reports go, its own flag categories and what a flag must include.</p>
      {status?.team ? (
        <p>
          You are in <strong>{status.team.name}</strong> ({status.team.id}).
        </p>
      ) : (
        <p>You are not in a team.</p>
      )}
      {locked.length > 0 && (
        <ul class="locks">
          {locked.map(([k, by]) => (
            <li key={k}>
              {by === 'organisation' ? 'Set by your organisation' : 'Set by your team'}: {SETTING_NAMES[k] ?? k}
            </li>
          ))}
        </ul>
      )}
      {status && status.policyErrors.length > 0 && (
        <div class="error" role="alert">
          <p>Part of your organisation’s policy could not be used:</p>
          <ul>
            {status.policyErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {status?.reporterId && (
        <p>
          Your reports carry the pseudonymous id <code>{status.reporterId}</code>, random and not derived from you.{' '}
          <button type="button" onClick={() => void act('reporter:rotate', 'You have a new reporter id.')}>
            New reporter id
          </button>
        </p>
      )}

      <div class="field">
        <label for="team-link">Configuration link from your team</label>
        <div class="inline">
          <input id="team-link" type="url" value={link} onInput={(e) => setLink(e.currentTarget.value)} placeholder="https://behindtheanswer.org/join#config=…" />
          <button type="button" disabled={!link.trim()} onClick={() => check(parseTeamConfigLink(link.trim()))}>
            Check link
          </button>
        </div>
      </div>
      <div class="field">
        <label for="team-file">Or a configuration file (.json)</label>
        <input id="team-file" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
      </div>

      {errors.length > 0 && (
        <div class="error" role="alert">
          <p>This configuration cannot be used:</p>
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
          <button type="button" onClick={() => void act('team:leave', 'You left the team. Your own settings apply again.')}>
            Leave {status.team.name}
          </button>
        </p>
      )}
      {message && (
        <p class={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Exactly what joining changes, before anything changes. */
function Confirm({ config, onJoin, onCancel }: { config: TeamConfig; onJoin: () => void; onCancel: () => void }) {
  const rows: [string, string][] = [['Team', `${config.team.name} (${config.team.id})`]];
  if (config.endpoint) rows.push(['Reports go to', `${new URL(config.endpoint.url).host}${config.endpoint.token ? ', with a token' : ''}`]);
  if (config.categories) {
    rows.push([
      config.categories.mode === 'replace' ? 'Flag categories (instead of the usual ones)' : 'Extra flag categories',
      config.categories.items.map((c) => c.label).join(', '),
    ]);
  }
  const req = config.required ? Object.entries(config.required).filter(([k, v]) => v && k !== 'category').map(([k]) => (k === 'comment' ? 'a comment' : 'the right answer')) : [];
  if (req.length) rows.push(['Every flag needs', req.join(' and ')]);
  if (config.attachPrompt !== undefined) rows.push(['Your prompt', config.attachPrompt ? 'attached to reports' : 'not attached']);
  if (config.reporterId) rows.push(['Reporter id', 'your reports carry a random pseudonymous id']);
  if (config.locked.length) rows.push(['You cannot change', config.locked.map((k) => SETTING_NAMES[k] ?? k).join(', ')]);
  return (
    <div class="confirm" role="group" aria-labelledby="team-confirm-h">
      <h3 id="team-confirm-h">Join {config.team.name}?</h3>
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
          Join {config.team.name}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}
