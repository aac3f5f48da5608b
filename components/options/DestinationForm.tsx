import { useEffect, useRef, useState } from 'preact/hooks';
import { EndpointSchema, endpointProblem, originPattern, type Settings } from '@/lib/settings';
import type { EndpointView, ToBackground } from '@/lib/messages';
import { ask, type Send } from '../shared/send';
import { t } from '@/lib/i18n';

/** Asks the browser for host access; true when granted. Must be called inside a user gesture. */
export type RequestPermission = (origins: string[]) => Promise<boolean>;

type EndpointInput = NonNullable<Extract<ToBackground, { type: 'endpoint:test' }>['endpoint']>;

/** The team or the organisation sets the endpoint: shown, never editable here. */
export interface Lock {
  by: 'organisation' | 'team';
  team: string | null;
  endpoint: EndpointView | null;
}

/** Stands in for a secret the page is not given: the field shows that one is set. */
const MASK = '••••••••';

export interface Fields {
  url: string;
  token: string;
  headerName: string;
  headerValue: string;
  batchSize: string;
  timeoutSeconds: string;
  keepSentDays: string;
}
type FieldErrors = Partial<Record<keyof Fields, string>>;

const EMPTY: Fields = {
  url: '',
  token: '',
  headerName: '',
  headerValue: '',
  batchSize: '100',
  timeoutSeconds: '20',
  keepSentDays: '30',
};

export function fieldsFrom(s: Settings): Fields {
  const e = s.endpoint;
  return {
    url: e?.url ?? '',
    token: e?.token ?? '',
    headerName: e?.header?.name ?? '',
    headerValue: e?.header?.value ?? '',
    batchSize: String(e?.batchSize ?? 100),
    timeoutSeconds: String(e?.timeoutSeconds ?? 20),
    keepSentDays: String(s.keepSentDays),
  };
}

/** What the fields show while locked (keepSentDays stays the person's own). */
function lockedFields(e: EndpointView | null, keepSentDays: string): Fields {
  return {
    url: e?.url ?? '',
    token: e?.token ? MASK : '',
    headerName: e?.header?.name ?? '',
    headerValue: e?.header ? MASK : '',
    batchSize: String(e?.batchSize ?? ''),
    timeoutSeconds: String(e?.timeoutSeconds ?? ''),
    keepSentDays,
  };
}

function whole(raw: string, min: number, max: number): number | string {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) return t('dest_wholeNumber', min, max);
  return n;
}

interface Checked {
  errors: FieldErrors;
  /** null: no endpoint at all (reports stay on this device). */
  endpoint: EndpointInput | null;
  keepSentDays: number | null;
}

/**
 * The form as the background will see it. The endpoint's own rules come from
 * EndpointSchema, so the page and the background cannot disagree about what is valid.
 */
export function check(f: Fields): Checked {
  const errors: FieldErrors = {};
  const keep = whole(f.keepSentDays, 0, 3650);
  if (typeof keep === 'string') errors.keepSentDays = keep;
  const keepSentDays = typeof keep === 'number' ? keep : null;

  const url = f.url.trim();
  const nothing = !url && !f.token && !f.headerName.trim() && !f.headerValue;
  if (nothing) return { errors, endpoint: null, keepSentDays };
  errors.url = url ? (endpointProblem(url) ?? undefined) : t('dest_urlNeeded');

  const batch = whole(f.batchSize, 1, 100);
  if (typeof batch === 'string') errors.batchSize = batch;
  const timeout = whole(f.timeoutSeconds, 1, 60);
  if (typeof timeout === 'string') errors.timeoutSeconds = timeout;
  const headerName = f.headerName.trim();
  if (!headerName && f.headerValue) errors.headerName = t('dest_headerNameNeeded');

  const endpoint: EndpointInput = {
    url,
    ...(f.token && { token: f.token }),
    ...(headerName && { header: { name: headerName, value: f.headerValue } }),
    batchSize: typeof batch === 'number' ? batch : 100,
    timeoutSeconds: typeof timeout === 'number' ? timeout : 20,
  };
  const parsed = EndpointSchema.safeParse(endpoint);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, sub] = issue.path;
      const field: keyof Fields | undefined =
        top === 'url' ? 'url' : top === 'token' ? 'token' : top === 'header' ? (sub === 'value' ? 'headerValue' : 'headerName') : undefined;
      if (field && !errors[field]) errors[field] = field === 'token' ? t('dest_tokenTooLong') : issue.message;
    }
  }
  return { errors, endpoint, keepSentDays };
}

type Note = { text: string; kind: 'ok' | 'error' | 'info' };

export function DestinationForm({
  send,
  requestPermission,
  onSaved,
}: {
  send: Send;
  requestPermission: RequestPermission;
  onSaved?: (s: Settings) => void;
}) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [saved, setSaved] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [showToken, setShowToken] = useState(false);
  const [busy, setBusy] = useState<null | 'save' | 'test' | 'stop'>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [test, setTest] = useState<Note | null>(null);
  const [lock, setLock] = useState<Lock | null>(null);
  // The first answer can take seconds while the service worker starts: what was typed meanwhile stays.
  const edited = useRef(false);

  useEffect(() => {
    void Promise.all([ask(send, { type: 'settings:get' }), ask(send, { type: 'team:get' })]).then(([reply, team]) => {
      if (!reply.ok) return setLoadError(reply.error);
      setSaved(reply.settings);
      // No answer about the team: nothing known to be locked; the background still refuses a locked change.
      const by = team.ok ? team.team.lockedBy.endpoint : undefined;
      if (team.ok && by) {
        const l: Lock = { by, team: team.team.team?.name ?? null, endpoint: team.team.lockedEndpoint };
        setLock(l);
        setFields(lockedFields(l.endpoint, String(reply.settings.keepSentDays)));
      } else if (!edited.current) {
        setFields(fieldsFrom(reply.settings));
      }
    });
  }, [send]);

  const locked = lock !== null;
  const full = check(fields);
  // While locked only the days to keep delivered reports are the person's to change.
  const checked: Checked = locked ? { errors: { keepSentDays: full.errors.keepSentDays }, endpoint: null, keepSentDays: full.keepSentDays } : full;
  // The address is checked as it is typed; an empty required field only after a first try.
  const shown: FieldErrors = tried ? checked.errors : { ...checked.errors, url: fields.url.trim() ? checked.errors.url : undefined };
  const hasErrors = Object.values(checked.errors).some(Boolean);

  const set = (k: keyof Fields) => (e: Event) => {
    if (locked && k !== 'keepSentDays') return;
    edited.current = true;
    setFields((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));
  };

  /** Asks for host access, turning a browser that throws (not declared, no gesture) into "no". */
  function askAccess(url: string): Promise<{ granted: boolean; why?: string }> {
    let pattern: string;
    try {
      pattern = originPattern(url);
    } catch {
      return Promise.resolve({ granted: false });
    }
    return requestPermission([pattern]).then(
      (granted) => ({ granted }),
      (e: unknown) => ({ granted: false, why: e instanceof Error ? e.message : String(e) }),
    );
  }

  function refuse(): boolean {
    setTried(true);
    if (!hasErrors) return false;
    setNote({ text: t('dest_fixFirst'), kind: 'error' });
    return true;
  }

  // Not async on purpose up to the permission request: the browser shows its prompt only
  // while the click is still being handled, so nothing may be awaited before it.
  function onSave(e: Event) {
    e.preventDefault();
    if (busy || refuse()) return;
    const { endpoint, keepSentDays } = checked;
    if (locked) return void saveKeepDays(keepSentDays ?? undefined);
    const access = endpoint ? askAccess(endpoint.url) : Promise.resolve({ granted: true });
    void finishSave(access, endpoint, keepSentDays ?? undefined);
  }

  /** Locked: the endpoint is not sent at all, only the person's own setting. */
  async function saveKeepDays(keepSentDays: number | undefined) {
    setBusy('save');
    setNote(null);
    const reply = await ask(send, { type: 'settings:save', ...(keepSentDays !== undefined && { keepSentDays }) });
    setBusy(null);
    if (!reply.ok) return setNote({ text: t('dest_notSaved', reply.error), kind: 'error' });
    setSaved(reply.settings);
    onSaved?.(reply.settings);
    setNote({ text: t('dest_savedKeep'), kind: 'ok' });
  }

  async function finishSave(
    access: Promise<{ granted: boolean; why?: string }>,
    endpoint: EndpointInput | null,
    keepSentDays: number | undefined,
  ) {
    setBusy('save');
    setNote(null);
    const { granted, why } = await access;
    const reply = await ask(send, { type: 'settings:save', endpoint, ...(keepSentDays !== undefined && { keepSentDays }) });
    setBusy(null);
    if (!reply.ok) return setNote({ text: t('dest_notSaved', reply.error), kind: 'error' });
    setSaved(reply.settings);
    onSaved?.(reply.settings);
    if (!endpoint) return setNote({ text: t('dest_savedLocal'), kind: 'ok' });
    const host = new URL(endpoint.url).host;
    if (granted) return setNote({ text: t('dest_savedHost', host), kind: 'ok' });
    setNote({ text: why ? t('dest_savedNoAccessWhy', host, why) : t('dest_savedNoAccess', host), kind: 'info' });
  }

  function onTest() {
    if (busy) return;
    if (locked) return testLocked();
    if (refuse()) return;
    const { endpoint } = checked;
    if (!endpoint) {
      setTried(true);
      setTest({ text: t('dest_nothingToTest'), kind: 'error' });
      return;
    }
    // The test makes a real request, so it needs the same access delivery will have.
    const access = askAccess(endpoint.url);
    void (async () => {
      setBusy('test');
      setTest({ text: t('dest_testingHost', new URL(endpoint.url).host), kind: 'info' });
      await access;
      showTest(await ask(send, { type: 'endpoint:test', endpoint }));
    })();
  }

  /** The endpoint in force, tested by the background with its own token. */
  function testLocked() {
    const url = lock?.endpoint?.url;
    const access = url ? askAccess(url) : Promise.resolve({ granted: false });
    void (async () => {
      setBusy('test');
      setTest({ text: t('dest_testingHost', url ? hostOf(url) : ''), kind: 'info' });
      await access;
      showTest(await ask(send, { type: 'endpoint:test' }));
    })();
  }

  function showTest(reply: Awaited<ReturnType<typeof ask<'endpoint:test'>>>) {
    setBusy(null);
    if (!reply.ok) setTest({ text: t('dest_testFailed', reply.error), kind: 'error' });
    else setTest({ text: reply.result.message, kind: reply.result.ok ? 'ok' : 'error' });
  }

  async function onStop() {
    if (busy || locked) return;
    setBusy('stop');
    setNote(null);
    const keep = checked.keepSentDays;
    const reply = await ask(send, { type: 'settings:save', endpoint: null, ...(keep !== null && { keepSentDays: keep }) });
    setBusy(null);
    if (!reply.ok) return setNote({ text: t('dest_notChanged', reply.error), kind: 'error' });
    setSaved(reply.settings);
    onSaved?.(reply.settings);
    setNote({ text: t('dest_stopped'), kind: 'ok' });
  }

  const err = (k: keyof Fields) => shown[k];
  const described = (k: keyof Fields, hint?: string) => {
    const ids = [locked && k !== 'keepSentDays' ? 'dest-lock' : undefined, hint, err(k) ? `${k}-error` : undefined].filter(Boolean).join(' ');
    return {
      'aria-describedby': ids || undefined,
      'aria-invalid': err(k) ? true : undefined,
      disabled: locked && k !== 'keepSentDays',
    };
  };
  const inForce = lock ? lock.endpoint : saved?.endpoint;
  const errorOf = (k: keyof Fields) =>
    err(k) ? (
      <span id={`${k}-error`} class="field-error error">
        {err(k)}
      </span>
    ) : null;

  return (
    <section aria-labelledby="destination-heading" class="card">
      <h2 id="destination-heading">{t('dest_heading')}</h2>
      <p class="muted" role="status">
        {!saved ? (loadError ? '' : t('dest_loading')) : inForce ? t('dest_nowHost', hostOf(inForce.url)) : t('dest_nowLocal')}
      </p>
      {lock && (
        <p id="dest-lock" class="muted">
          {lock.by === 'team' && lock.team ? t('dest_lockedByTeam', lock.team) : lock.by === 'team' ? t('dest_lockedByAnyTeam') : t('dest_lockedByOrg')}
        </p>
      )}
      {loadError && (
        <p class="error" role="alert">
          {t('dest_loadError', loadError)}
        </p>
      )}
      <form onSubmit={onSave} noValidate>
        <div class="field">
          <label for="url">{t('dest_url')}</label>
          <input
            id="url"
            type="url"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="https://reports.example.org/api/reports"
            value={fields.url}
            onInput={set('url')}
            {...described('url', 'url-hint')}
          />
          <span id="url-hint" class="hint">
            {t('dest_urlHint')}
          </span>
          {errorOf('url')}
        </div>
        <div class="field">
          <label for="token">{t('dest_token')}</label>
          <div class="inline">
            <input
              id="token"
              // preact's input typings are a union per type; a toggled type fits none of them.
              {...({ type: showToken ? 'text' : 'password' } as { type: 'text' })}
              autocomplete="off"
              spellcheck={false}
              value={fields.token}
              onInput={set('token')}
              {...described('token', 'token-hint')}
            />
            <button type="button" aria-controls="token" aria-pressed={showToken} disabled={locked} onClick={() => setShowToken((s) => !s)}>
              {showToken ? t('dest_hide') : t('dest_show')}
            </button>
          </div>
          <span id="token-hint" class="hint">
            {t('dest_tokenHint')}
          </span>
          {errorOf('token')}
        </div>
        <fieldset>
          <legend>{t('dest_header')}</legend>
          <div class="pair">
            <div class="field">
              <label for="headerName">{t('dest_headerName')}</label>
              <input id="headerName" autocomplete="off" spellcheck={false} value={fields.headerName} onInput={set('headerName')} {...described('headerName')} />
              {errorOf('headerName')}
            </div>
            <div class="field">
              <label for="headerValue">{t('dest_headerValue')}</label>
              <input
                id="headerValue"
                // A locked header's value is a secret like the token: masked.
                {...({ type: locked ? 'password' : 'text' } as { type: 'text' })}
                autocomplete="off" spellcheck={false} value={fields.headerValue} onInput={set('headerValue')} {...described('headerValue')} />
              {errorOf('headerValue')}
            </div>
          </div>
        </fieldset>
        <div class="pair">
          <div class="field">
            <label for="batchSize">{t('dest_batchSize')}</label>
            <input id="batchSize" type="number" min={1} max={100} step={1} value={fields.batchSize} onInput={set('batchSize')} {...described('batchSize')} />
            {errorOf('batchSize')}
          </div>
          <div class="field">
            <label for="timeoutSeconds">{t('dest_timeout')}</label>
            <input id="timeoutSeconds" type="number" min={1} max={60} step={1} value={fields.timeoutSeconds} onInput={set('timeoutSeconds')} {...described('timeoutSeconds')} />
            {errorOf('timeoutSeconds')}
          </div>
        </div>
        <div class="field">
          <label for="keepSentDays">{t('dest_keepDays')}</label>
          <input id="keepSentDays" type="number" min={0} max={3650} step={1} value={fields.keepSentDays} onInput={set('keepSentDays')} {...described('keepSentDays', 'keep-hint')} />
          <span id="keep-hint" class="hint">
            {t('dest_keepDaysHint')}
          </span>
          {errorOf('keepSentDays')}
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy !== null} aria-busy={busy === 'save'}>
            {busy === 'save' ? t('form_saving') : t('common_save')}
          </button>
          <button type="button" onClick={onTest} disabled={busy !== null} aria-busy={busy === 'test'}>
            {busy === 'test' ? t('dest_testing') : t('dest_test')}
          </button>
          {inForce && (
            <button type="button" class="danger" onClick={onStop} disabled={busy !== null || locked} aria-busy={busy === 'stop'}>
              {t('dest_stop')}
            </button>
          )}
        </div>
        <p role="status" aria-live="polite" class={`note ${note?.kind ?? ''}`}>
          {note?.text}
        </p>
        <p role="status" aria-live="polite" class={`note test ${test?.kind ?? ''}`}>
          {test?.text}
        </p>
      </form>
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
