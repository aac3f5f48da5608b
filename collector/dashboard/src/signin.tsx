/** The admin token is asked for here and kept for this tab only (sessionStorage), never in the address. */
import { useState } from 'preact/hooks';
import { api, ApiError } from './api';

export function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const token = value.trim();
    if (!token) return setError('Paste an admin token.');
    setBusy(true);
    setError('');
    try {
      await api.me(token);
      onToken(token);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The collector could not be reached.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <form onSubmit={submit} aria-labelledby="signin-title">
        <div class="brand"><span class="mark" aria-hidden="true" />Behind the Answer</div>
        <h1 id="signin-title">Collector dashboard</h1>
        <p class="muted">Sign in with an admin token. Create one with <code>npm run collector -- token create --kind admin</code>.</p>
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autoComplete="off" spellcheck={false} value={value} onInput={(e) => setValue(e.currentTarget.value)} placeholder="bta_admin_…" />
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
        <p class="muted small">The token stays in this tab until you close it or sign out.</p>
      </form>
    </main>
  );
}
