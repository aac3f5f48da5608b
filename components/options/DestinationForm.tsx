import { useEffect, useState } from 'preact/hooks';
import { EndpointSchema, endpointProblem, originPattern, type Settings } from '@/lib/settings';
import type { ToBackground } from '@/lib/messages';
import { ask, type Send } from '../shared/send';

/** Asks the browser for host access; true when granted. Must be called inside a user gesture. */
export type RequestPermission = (origins: string[]) => Promise<boolean>;

type EndpointInput = Extract<ToBackground, { type: 'endpoint:test' }>['endpoint'];

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

function whole(raw: string, min: number, max: number): number | string {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) return `A whole number from ${min} to ${max}.`;
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
  errors.url = url ? (endpointProblem(url) ?? undefined) : 'Enter the address reports should be sent to, or clear the other fields.';

  const batch = whole(f.batchSize, 1, 100);
  if (typeof batch === 'string') errors.batchSize = batch;
  const timeout = whole(f.timeoutSeconds, 1, 60);
  if (typeof timeout === 'string') errors.timeoutSeconds = timeout;
  const headerName = f.headerName.trim();
  if (!headerName && f.headerValue) errors.headerName = 'Give the header a name, or clear its value.';

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
      if (field && !errors[field]) errors[field] = field === 'token' ? 'The token is too long.' : issue.message;
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

  useEffect(() => {
    void ask(send, { type: 'settings:get' }).then((reply) => {
      if (!reply.ok) return setLoadError(reply.error);
      setSaved(reply.settings);
      setFields(fieldsFrom(reply.settings));
    });
  }, [send]);

  const checked = check(fields);
  // The address is checked as it is typed; an empty required field only after a first try.
  const shown: FieldErrors = tried ? checked.errors : { ...checked.errors, url: fields.url.trim() ? checked.errors.url : undefined };
  const hasErrors = Object.values(checked.errors).some(Boolean);

  const set = (k: keyof Fields) => (e: Event) => setFields((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));

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
    setNote({ text: 'Nothing was saved: correct the fields marked above first.', kind: 'error' });
    return true;
  }

  // Not async on purpose up to the permission request: the browser shows its prompt only
  // while the click is still being handled, so nothing may be awaited before it.
  function onSave(e: Event) {
    e.preventDefault();
    if (busy || refuse()) return;
    const { endpoint, keepSentDays } = checked;
    const access = endpoint ? askAccess(endpoint.url) : Promise.resolve({ granted: true });
    void finishSave(access, endpoint, keepSentDays ?? undefined);
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
    if (!reply.ok) return setNote({ text: `Not saved: ${reply.error}`, kind: 'error' });
    setSaved(reply.settings);
    onSaved?.(reply.settings);
    if (!endpoint) return setNote({ text: 'Saved. Reports are kept on this device only.', kind: 'ok' });
    const host = new URL(endpoint.url).host;
    if (granted) return setNote({ text: `Saved. Reports will be sent to ${host}.`, kind: 'ok' });
    setNote({
      text:
        `Saved, but the browser did not allow the extension to reach ${host}${why ? ` (${why})` : ''}. ` +
        'Without that permission the extension can only deliver to endpoints that allow cross-origin requests (CORS). ' +
        'If delivery fails, press Save again and choose Allow.',
      kind: 'info',
    });
  }

  function onTest() {
    if (busy || refuse()) return;
    const { endpoint } = checked;
    if (!endpoint) {
      setTried(true);
      setTest({ text: 'Enter an endpoint address to test.', kind: 'error' });
      return;
    }
    // The test makes a real request, so it needs the same access delivery will have.
    const access = askAccess(endpoint.url);
    void (async () => {
      setBusy('test');
      setTest({ text: `Testing ${new URL(endpoint.url).host}…`, kind: 'info' });
      await access;
      const reply = await ask(send, { type: 'endpoint:test', endpoint });
      setBusy(null);
      if (!reply.ok) setTest({ text: `The test could not run: ${reply.error}`, kind: 'error' });
      else setTest({ text: reply.result.message, kind: reply.result.ok ? 'ok' : 'error' });
    })();
  }

  async function onStop() {
    if (busy) return;
    setBusy('stop');
    setNote(null);
    const keep = checked.keepSentDays;
    const reply = await ask(send, { type: 'settings:save', endpoint: null, ...(keep !== null && { keepSentDays: keep }) });
    setBusy(null);
    if (!reply.ok) return setNote({ text: `Not changed: ${reply.error}`, kind: 'error' });
    setSaved(reply.settings);
    onSaved?.(reply.settings);
    setNote({
      text: 'Sending stopped. New reports are kept on this device only; reports already in the outbox stay there.',
      kind: 'ok',
    });
  }

  const err = (k: keyof Fields) => shown[k];
  const described = (k: keyof Fields, hint?: string) => {
    const ids = [hint, err(k) ? `${k}-error` : undefined].filter(Boolean).join(' ');
    return { 'aria-describedby': ids || undefined, 'aria-invalid': err(k) ? true : undefined };
  };
  const errorOf = (k: keyof Fields) =>
    err(k) ? (
      <span id={`${k}-error`} class="field-error error">
        {err(k)}
      </span>
    ) : null;

  return (
    <section aria-labelledby="destination-heading" class="card">
      <h2 id="destination-heading">Destination</h2>
      <p class="muted" role="status">
        {!saved
          ? loadError
            ? ''
            : 'Loading the settings…'
          : saved.endpoint
            ? `Now: reports are sent to ${hostOf(saved.endpoint.url)}.`
            : 'Now: reports are kept on this device only.'}
      </p>
      {loadError && (
        <p class="error" role="alert">
          Could not load the settings: {loadError}
        </p>
      )}
      <form onSubmit={onSave} noValidate>
        <div class="field">
          <label for="url">Endpoint address</label>
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
            Your team’s collector. Leave empty to keep reports on this device only.
          </span>
          {errorOf('url')}
        </div>
        <div class="field">
          <label for="token">Token</label>
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
            <button type="button" aria-controls="token" aria-pressed={showToken} onClick={() => setShowToken((s) => !s)}>
              {showToken ? 'Hide' : 'Show'}
            </button>
          </div>
          <span id="token-hint" class="hint">
            Sent as “Authorization: Bearer …”. Optional.
          </span>
          {errorOf('token')}
        </div>
        <fieldset>
          <legend>Extra header (optional)</legend>
          <div class="pair">
            <div class="field">
              <label for="headerName">Name</label>
              <input id="headerName" autocomplete="off" spellcheck={false} value={fields.headerName} onInput={set('headerName')} {...described('headerName')} />
              {errorOf('headerName')}
            </div>
            <div class="field">
              <label for="headerValue">Value</label>
              <input id="headerValue" autocomplete="off" spellcheck={false} value={fields.headerValue} onInput={set('headerValue')} {...described('headerValue')} />
              {errorOf('headerValue')}
            </div>
          </div>
        </fieldset>
        <div class="pair">
          <div class="field">
            <label for="batchSize">Reports per request</label>
            <input id="batchSize" type="number" min={1} max={100} step={1} value={fields.batchSize} onInput={set('batchSize')} {...described('batchSize')} />
            {errorOf('batchSize')}
          </div>
          <div class="field">
            <label for="timeoutSeconds">Give up waiting after (seconds)</label>
            <input id="timeoutSeconds" type="number" min={1} max={60} step={1} value={fields.timeoutSeconds} onInput={set('timeoutSeconds')} {...described('timeoutSeconds')} />
            {errorOf('timeoutSeconds')}
          </div>
        </div>
        <div class="field">
          <label for="keepSentDays">Keep delivered reports for (days)</label>
          <input id="keepSentDays" type="number" min={0} max={3650} step={1} value={fields.keepSentDays} onInput={set('keepSentDays')} {...described('keepSentDays', 'keep-hint')} />
          <span id="keep-hint" class="hint">
            Delivered reports stay in the outbox this long, then are deleted from this device. 0 deletes them soon after delivery.
          </span>
          {errorOf('keepSentDays')}
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy !== null} aria-busy={busy === 'save'}>
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onTest} disabled={busy !== null} aria-busy={busy === 'test'}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          {saved?.endpoint && (
            <button type="button" class="danger" onClick={onStop} disabled={busy !== null} aria-busy={busy === 'stop'}>
              Stop sending
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
