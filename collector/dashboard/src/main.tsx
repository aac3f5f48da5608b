import './zod-setup';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { session } from './api';
import { SignIn } from './signin';
import { Dashboard } from './dashboard';
import './style.css';

function App() {
  const [token, setToken] = useState(session.get());
  const signOut = () => {
    session.clear();
    setToken(null);
  };
  if (!token) {
    return (
      <SignIn
        onToken={(t) => {
          session.set(t);
          setToken(t);
        }}
      />
    );
  }
  return <Dashboard token={token} onSignOut={signOut} />;
}

render(<App />, document.getElementById('app')!);
