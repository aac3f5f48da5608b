/**
 * A small React chat page in ChatGPT's markup that does what real chatbots do to us:
 * re-renders constantly, virtualises its turn list (only a window of turns is in the
 * DOM), now and then throws the whole list away and renders it anew, and switches
 * conversations with pushState. Built with React's development build so React reports
 * any DOM it did not expect.
 */
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const CONVERSATIONS: Record<string, number> = { 'conv-a': 40, 'conv-b': 5 };
const WINDOW = 8;

declare global {
  interface Window {
    chat: { scrollTo(start: number): void; go(conversation: string): void; remounts: number; ticks: number };
  }
}

const conversationOf = () => /^\/c\/([^/]+)/.exec(location.pathname)?.[1] ?? 'conv-a';

function Turn({ conv, i, tick }: { conv: string; i: number; tick: number }) {
  return h(
    'article',
    { 'data-testid': `conversation-turn-${i}` },
    h('div', { 'data-message-author-role': 'user', 'data-message-id': `${conv}-u${i}` }, h('div', { className: 'whitespace-pre-wrap' }, `Question ${i} in ${conv}`)),
    h(
      'div',
      { 'data-message-author-role': 'assistant', 'data-message-id': `${conv}-a${i}` },
      h('div', { className: 'markdown prose' }, h('p', null, `Answer ${i} in ${conv}.`)),
    ),
    h('div', null, h('button', { 'data-testid': 'copy-turn-action-button' }, 'Copy'), h('span', null, ` seen ${tick}`)),
  );
}

function App() {
  const [conv, setConv] = useState(conversationOf());
  const [start, setStart] = useState(0);
  const [tick, setTick] = useState(0);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    window.chat = {
      scrollTo: setStart,
      go(c) {
        history.pushState(null, '', `/c/${c}`);
        setStart(0);
        setConv(c);
      },
      remounts: 0,
      ticks: 0,
    };
    const onPop = () => setConv(conversationOf());
    addEventListener('popstate', onPop);
    const t = setInterval(() => {
      window.chat.ticks++;
      setTick((x) => x + 1);
      // Every few ticks the list is thrown away and rebuilt: new elements, same messages.
      if (window.chat.ticks % 4 === 0) {
        window.chat.remounts++;
        setGeneration((g) => g + 1);
      }
    }, 120);
    return () => {
      clearInterval(t);
      removeEventListener('popstate', onPop);
    };
  }, []);

  const n = CONVERSATIONS[conv] ?? 0;
  const visible = [];
  for (let i = start; i < Math.min(n, start + WINDOW); i++) visible.push(i);
  return h(
    'main',
    null,
    h('header', null, `Conversation ${conv}, render ${tick}`),
    h('div', { key: `${conv}-${generation}`, className: 'thread' }, visible.map((i) => h(Turn, { key: i, conv, i, tick }))),
  );
}

createRoot(document.getElementById('root')!).render(h(App));
