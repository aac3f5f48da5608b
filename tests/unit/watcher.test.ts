/**
 * The watcher on a scripted chat page: when panels appear, that each answer has exactly
 * one, and that they follow the page through streaming, re-renders, virtualisation and
 * SPA navigation. Fake timers drive time, so "not yet" is checked at a known moment.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_ATTR, watchPage, type PageWatcher } from '../../lib/sites/watcher';
import type { AnswerInfo, SiteAdapter } from '../../lib/sites/types';

const marked: SiteAdapter = {
  id: 'claude',
  name: 'Test (marker)',
  vendor: 'anthropic',
  hosts: ['localhost'],
  conversationId: /^\/c\/([^/]+)/,
  selectors: {
    answer: ['.answer'],
    body: ['.body'],
    prompt: ['.prompt'],
    streaming: [{ selector: '[data-streaming]', attr: 'data-streaming', done: ['false'] }],
    key: [{ selector: '[data-id]', attr: 'data-id', where: 'self' }],
  },
};

const unmarked: SiteAdapter = {
  ...marked,
  name: 'Test (no marker)',
  selectors: {
    answer: ['.answer'],
    body: ['.body'],
    prompt: ['.prompt'],
    turn: '.turn',
    generating: ['button.stop'],
    actionBar: ['.actions'],
  },
};

let watcher: PageWatcher | null = null;
let mounts: AnswerInfo[] = [];
let layout: boolean[] = [];
let navs: string[] = [];

function start(site: SiteAdapter) {
  watcher = watchPage(
    document,
    site,
    {
      mount(_answer, info) {
        mounts.push(info);
        const host = document.createElement('bta-panel');
        return { host, destroy() {} };
      },
      layout: (r) => layout.push(r),
      navigated: (u) => navs.push(u),
    },
    { quietMs: 100, quietCapMs: 1000, stableMs: 300, pollMs: 50, flushMs: 20, unrecognisedMs: 2000, urlPollMs: 100, stuckMs: 5000 },
  );
}

const hosts = () => [...document.querySelectorAll(`[${HOST_ATTR}]`)];
const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function turn(n: number, answer: string, attrs = '') {
  return `<div class="turn" id="t${n}"><div class="prompt">question ${n}</div>` +
    `<div class="answer" data-id="m${n}" ${attrs}><div class="body">${answer}</div></div></div>`;
}

beforeEach(() => {
  vi.useFakeTimers();
  mounts = [];
  layout = [];
  navs = [];
  history.replaceState(null, '', '/c/first');
});

afterEach(() => {
  watcher?.stop();
  watcher = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('first mount', () => {
  it('waits for a quiet page, then puts one panel right after every answer', async () => {
    document.body.innerHTML = `<main>${turn(1, 'one', 'data-streaming="false"')}${turn(2, 'two', 'data-streaming="false"')}</main>`;
    start(marked);
    // The page keeps changing (hydration): no panels while it does.
    for (let i = 0; i < 5; i++) {
      document.querySelector('main')!.setAttribute('data-x', String(i));
      document.querySelector('main')!.append(document.createElement('span'));
      await tick(60);
    }
    expect(hosts()).toHaveLength(0);
    await tick(150);
    expect(hosts()).toHaveLength(2);
    for (const a of document.querySelectorAll('.answer')) {
      expect(a.nextElementSibling?.getAttribute(HOST_ATTR)).toBe(`claude:first:id-${a.getAttribute('data-id')}`);
    }
    expect(mounts.map((m) => [m.prompt, m.text])).toEqual([
      ['question 1', 'one'],
      ['question 2', 'two'],
    ]);
  });

  it('does not take a ticking clock’s text for a page still loading', async () => {
    document.body.innerHTML = `<span id="clock">0</span><main>${turn(1, 'one', 'data-streaming="false"')}</main>`;
    start(marked);
    const clock = document.getElementById('clock')!.firstChild as Text;
    for (let i = 1; i <= 3; i++) {
      clock.data = String(i);
      await tick(50);
    }
    // Quiet (100 ms) since the last node change, long before the 1,000 ms cap.
    expect(hosts()).toHaveLength(1);
  });

  it('mounts even on a page that never stops changing, after the cap', async () => {
    document.body.innerHTML = `<main>${turn(1, 'one', 'data-streaming="false"')}</main>`;
    start(marked);
    for (let i = 0; i < 25; i++) {
      document.querySelector('main')!.append(document.createElement('i'));
      await tick(50);
    }
    expect(hosts()).toHaveLength(1);
  });
});

describe('streaming with a per-answer marker', () => {
  it('shows no panel while the marker says writing, and exactly one once it says done', async () => {
    document.body.innerHTML = `<main>${turn(1, 'one', 'data-streaming="false"')}</main>`;
    start(marked);
    await tick(200);
    document.querySelector('main')!.insertAdjacentHTML('beforeend', turn(2, 'par', 'data-streaming="true"'));
    const body = document.querySelector('#t2 .body')!;
    for (const w of ['tial', ' answer', ' text']) {
      body.append(w);
      await tick(400);
    }
    expect(hosts()).toHaveLength(1);
    document.querySelector('#t2 .answer')!.setAttribute('data-streaming', 'false');
    await tick(100);
    expect(hosts()).toHaveLength(2);
    expect(mounts.at(-1)!.text).toBe('partial answer text');
    // Later mutations inside a finished answer do not add a second panel.
    body.append(document.createElement('b'));
    await tick(500);
    expect(hosts()).toHaveLength(2);
  });

  it('mounts as soon as the marker says done, without waiting for the mutation batch', async () => {
    watcher = watchPage(document, marked, { mount: (_a, info) => (mounts.push(info), { host: document.createElement('bta-panel'), destroy() {} }) }, {
      quietMs: 100, quietCapMs: 1000, stableMs: 300, pollMs: 50, flushMs: 500, unrecognisedMs: 2000, urlPollMs: 100, stuckMs: 5000,
    });
    document.body.innerHTML = `<main>${turn(1, 'one', 'data-streaming="false"')}</main>`;
    await tick(200);
    document.querySelector('main')!.insertAdjacentHTML('beforeend', turn(2, 'answer', 'data-streaming="true"'));
    await tick(600);
    expect(hosts()).toHaveLength(1);
    document.querySelector('#t2 .answer')!.setAttribute('data-streaming', 'false');
    await tick(1);
    expect(hosts()).toHaveLength(2);
  });

  it('sees the marker turn done in a re-rendered node, which no attribute change announces', async () => {
    const inner: SiteAdapter = {
      ...marked,
      selectors: { ...marked.selectors, streaming: [{ selector: '.body[data-streaming]', attr: 'data-streaming', done: ['false'] }] },
    };
    document.body.innerHTML = `<main>${turn(1, 'one').replace('class="body"', 'class="body" data-streaming="false"')}</main>`;
    start(inner);
    await tick(200);
    expect(hosts()).toHaveLength(1);
    document.querySelector('main')!.insertAdjacentHTML('beforeend', turn(2, 'partial').replace('class="body"', 'class="body" data-streaming="true"'));
    await tick(400);
    expect(hosts()).toHaveLength(1);
    // The framework swaps the whole body node for a finished one: a child-list change inside
    // an answer still being written, which the page observer leaves to the poll.
    const done = document.createElement('div');
    done.className = 'body';
    done.setAttribute('data-streaming', 'false');
    done.textContent = 'partial answer';
    document.querySelector('#t2 .body')!.replaceWith(done);
    await tick(60);
    expect(hosts()).toHaveLength(2);
    expect(mounts.at(-1)!.text).toBe('partial answer');
  });

  it('takes the panel away when an answer is regenerated in place, and brings one back after', async () => {
    document.body.innerHTML = `<main>${turn(1, 'one', 'data-streaming="false"')}</main>`;
    start(marked);
    await tick(200);
    const a = document.querySelector('.answer')!;
    a.setAttribute('data-streaming', 'true');
    await tick(100);
    expect(hosts()).toHaveLength(0);
    a.querySelector('.body')!.textContent = 'another take';
    a.setAttribute('data-streaming', 'false');
    await tick(100);
    expect(hosts()).toHaveLength(1);
    expect(mounts.at(-1)!.text).toBe('another take');
  });
});

describe('streaming without a marker', () => {
  const generatingPage = (answer: string) =>
    `<button class="stop">Stop</button><main>${turn(1, 'one') .replace('</div></div></div>', '</div></div><div class="actions"></div></div>')}${turn(2, answer)}</main>`;

  it('waits for the stop button to go, the action bar to come and the text to settle', async () => {
    document.body.innerHTML = generatingPage('Hel');
    start(unmarked);
    await tick(200);
    // The finished first answer is mounted; the one being written is not.
    expect(hosts()).toHaveLength(1);
    const body = document.querySelector('#t2 .body')!;
    body.append('lo');
    await tick(400);
    document.querySelector('button.stop')!.remove();
    await tick(400);
    expect(hosts()).toHaveLength(1); // no action bar yet: the site may still be finishing
    document.querySelector('#t2')!.insertAdjacentHTML('beforeend', '<div class="actions"></div>');
    body.append('!');
    await tick(100);
    expect(hosts()).toHaveLength(1); // bar present, but the text changed under stableMs ago
    await tick(400);
    expect(hosts()).toHaveLength(2);
    expect(mounts.at(-1)!.text).toBe('Hello!');
  });

  it('counts the window from the text’s last change, not from the action bar appearing', async () => {
    watcher = watchPage(document, unmarked, { mount: (_a, info) => (mounts.push(info), { host: document.createElement('bta-panel'), destroy() {} }) }, {
      quietMs: 100, quietCapMs: 1000, stableMs: 800, pollMs: 200, flushMs: 100, unrecognisedMs: 2000, urlPollMs: 500, stuckMs: 5000,
    });
    document.body.innerHTML = generatingPage('Hel');
    await tick(200); // found at 100 ms, its text unchanged since
    expect(hosts()).toHaveLength(1);
    document.querySelector('button.stop')!.remove();
    document.querySelector('#t2 .answer')!.insertAdjacentHTML('beforeend', '<div class="actions"></div>');
    await tick(690);
    expect(hosts()).toHaveLength(1);
    await tick(20); // 800 ms after the text last changed
    expect(hosts()).toHaveLength(2);
  });

  it('sees text edited in place (no node added) and waits the whole window after it', async () => {
    watcher = watchPage(document, unmarked, { mount: (_a, info) => (mounts.push(info), { host: document.createElement('bta-panel'), destroy() {} }) }, {
      quietMs: 100, quietCapMs: 1000, stableMs: 800, pollMs: 200, flushMs: 100, unrecognisedMs: 2000, urlPollMs: 500, stuckMs: 5000,
    });
    document.body.innerHTML = generatingPage('Hel');
    await tick(200);
    document.querySelector('button.stop')!.remove();
    document.querySelector('#t2')!.insertAdjacentHTML('beforeend', '<div class="actions"></div>');
    // The action bar came first; the text grows inside its node 130 ms later (no record for that).
    await tick(130);
    (document.querySelector('#t2 .body')!.firstChild as Text).appendData('lo');
    await tick(800);
    expect(hosts()).toHaveLength(1);
    // Seen by the next poll, at most pollMs later: the window counts from there.
    await tick(200);
    expect(hosts()).toHaveLength(2);
    expect(mounts.at(-1)!.text).toBe('Hello');
  });

  it('sees an in-place edit away from the end of the answer before calling it finished', async () => {
    watcher = watchPage(document, unmarked, { mount: (_a, info) => (mounts.push(info), { host: document.createElement('bta-panel'), destroy() {} }) }, {
      quietMs: 100, quietCapMs: 1000, stableMs: 800, pollMs: 200, flushMs: 100, unrecognisedMs: 2000, urlPollMs: 500, stuckMs: 5000,
    });
    document.body.innerHTML = generatingPage('<p>Helo</p><p>world</p>');
    await tick(200);
    document.querySelector('button.stop')!.remove();
    document.querySelector('#t2 .answer')!.insertAdjacentHTML('beforeend', '<div class="actions"></div>');
    // A correction in the first paragraph: not where streamed text lands, and no record for it.
    await tick(400);
    (document.querySelector('#t2 .body p')!.firstChild as Text).data = 'Hello';
    await tick(500);
    expect(hosts()).toHaveLength(1); // its window has ended, but its whole text differs from early in it
    await tick(800 + 250);
    expect(hosts()).toHaveLength(2);
    expect(mounts.at(-1)!.text).toBe('Hello\nworld');
  });

  it('is woken by the poll and by new nodes while an answer streams, not by every chunk', async () => {
    // Every observer callback and timer is a task (or microtask) of ours on the page's main thread.
    let callbacks = 0;
    const Native = window.MutationObserver;
    window.MutationObserver = class extends Native {
      constructor(cb: MutationCallback) {
        super((records, mo) => {
          callbacks++;
          cb(records, mo);
        });
      }
    };
    watcher = watchPage(document, unmarked, { mount: (_a, info) => (mounts.push(info), { host: document.createElement('bta-panel'), destroy() {} }) }, {
      quietMs: 100, quietCapMs: 1000, stableMs: 800, pollMs: 200, flushMs: 100, unrecognisedMs: 2000, urlPollMs: 60_000, stuckMs: 5000,
    });
    window.MutationObserver = Native;
    document.body.innerHTML = generatingPage('');
    await tick(200);
    const body = document.querySelector('#t2 .body')!;
    // Ten seconds of streaming as a chatbot does it: 3 tokens every 40 ms, a new paragraph now and then.
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    const intervals = vi.spyOn(globalThis, 'setInterval');
    callbacks = 0;
    let text = body.appendChild(document.createTextNode(''));
    for (let i = 0; i < 250; i++) {
      if (i % 10 === 0) text = body.appendChild(document.createElement('p')).appendChild(document.createTextNode(''));
      text.appendData(' one two three');
      await tick(40);
    }
    // A callback per chunk would be 250 on its own; a callback per new paragraph 25. Once the
    // first poll has seen the answer grow, nothing inside it is observed: only polls remain.
    expect(callbacks).toBeLessThanOrEqual(1);
    // And one repeating timer for the polls, not one armed per poll.
    expect(timeouts.mock.calls.length + intervals.mock.calls.length).toBeLessThanOrEqual(1);
    timeouts.mockRestore();
    intervals.mockRestore();
    expect(hosts()).toHaveLength(1);
    document.querySelector('button.stop')!.remove();
    document.querySelector('#t2')!.insertAdjacentHTML('beforeend', '<div class="actions"></div>');
    await tick(800 + 200); // the last chunk edited a text node: seen by a poll, window from there
    expect(hosts()).toHaveLength(2);
    expect(mounts.at(-1)!.text.match(/one two three/g)).toHaveLength(250);
  });

  it('counts an answer finished once a newer answer follows it', async () => {
    document.body.innerHTML = `<main></main>`;
    start(unmarked);
    await tick(200);
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', turn(1, 'first'));
    await tick(100);
    main.insertAdjacentHTML('beforeend', turn(2, 'second'));
    await tick(1000);
    expect(mounts.map((m) => m.text)).toEqual(['first']);
  });
});

describe('the page re-rendering', () => {
  it('puts our panel back when the framework removes it', async () => {
    document.body.innerHTML = `<main>${turn(1, 'one', 'data-streaming="false"')}</main>`;
    start(marked);
    await tick(200);
    const host = hosts()[0]!;
    host.remove();
    await tick(50);
    expect(hosts()).toEqual([host]);
    expect(mounts).toHaveLength(1);
  });

  it('gives a virtualised answer its panel back exactly once when it is re-mounted', async () => {
    const many = Array.from({ length: 30 }, (_, i) => turn(i, `answer ${i}`, 'data-streaming="false"')).join('');
    document.body.innerHTML = `<main>${many}</main>`;
    start(marked);
    await tick(200);
    expect(hosts()).toHaveLength(30);
    const main = document.querySelector('main')!;
    // Scroll away: the first ten turns leave the DOM; scroll back: new elements, same ids.
    const first = [...main.children].slice(0, 10);
    first.forEach((el) => el.remove());
    await tick(50);
    expect(hosts()).toHaveLength(20);
    const again = first.map((el) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll(`[${HOST_ATTR}]`).forEach((h) => h.remove());
      return copy;
    });
    main.prepend(...again);
    await tick(50);
    expect(hosts()).toHaveLength(30);
    for (const a of document.querySelectorAll('.answer')) {
      expect(a.nextElementSibling?.hasAttribute(HOST_ATTR)).toBe(true);
    }
    const keys = hosts().map((h) => h.getAttribute(HOST_ATTR));
    expect(new Set(keys).size).toBe(30);
  });
});

describe('while an answer streams (its own changes only polled)', () => {
  const finished = (n: number) => turn(n, `answer ${n}`);
  const page = (n: number) =>
    `<button class="stop">Stop</button><main>${Array.from({ length: n }, (_, i) => finished(i + 1)).join('')}${turn(n + 1, '')}</main>`;
  /** Three tokens into the last answer every 40 ms, as text grows in one node. */
  async function stream(ms: number) {
    const body = document.querySelector('main > .turn:last-child .body')!;
    const text = (body.firstChild as Text | null) ?? body.appendChild(document.createTextNode(''));
    for (let t = 0; t < ms; t += 40) {
      text.appendData(' one two three');
      await tick(40);
    }
  }
  async function finish() {
    document.querySelector('button.stop')!.remove();
    document.querySelector('main > .turn:last-child')!.insertAdjacentHTML('beforeend', '<div class="actions"></div>');
    await tick(800 + 300);
  }

  it('gives answers a virtualised list re-mounts their panels without waiting for the stream to end', async () => {
    document.body.innerHTML = page(10);
    start(unmarked);
    await tick(200);
    expect(hosts()).toHaveLength(10);
    await stream(500);
    const main = document.querySelector('main')!;
    const first = [...main.children].slice(0, 3);
    first.forEach((el) => el.remove());
    main.prepend(...first.map((el) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll(`[${HOST_ATTR}]`).forEach((h) => h.remove());
      return copy;
    }));
    await stream(100);
    expect(hosts()).toHaveLength(10);
    for (const a of [...document.querySelectorAll('.answer')].slice(0, 10)) expect(a.nextElementSibling?.hasAttribute(HOST_ATTR)).toBe(true);
    await finish();
    expect(hosts()).toHaveLength(11);
  });

  it('puts back a panel a re-render dropped meanwhile, once the stream ends', async () => {
    document.body.innerHTML = page(3);
    start(unmarked);
    await tick(200);
    await stream(500);
    hosts()[1]!.remove();
    await stream(300);
    await finish();
    expect(hosts()).toHaveLength(4);
    for (const a of document.querySelectorAll('.answer')) expect(a.nextElementSibling?.hasAttribute(HOST_ATTR)).toBe(true);
    expect(mounts).toHaveLength(4);
  });

  it('finds an answer added inside a turn meanwhile, once the stream ends', async () => {
    document.body.innerHTML = page(3);
    start(unmarked);
    await tick(200);
    await stream(500);
    document.querySelector('#t2')!.insertAdjacentHTML('beforeend', '<div class="answer"><div class="body">a second part</div></div>');
    await stream(300);
    await finish();
    expect(hosts()).toHaveLength(5);
    expect(mounts.map((m) => m.text)).toContain('a second part');
  });
});

describe('re-rendered answers without a marker', () => {
  it('come back at once, without waiting for their text to settle again', async () => {
    const withBar = (n: number) => turn(n, `answer ${n}`).replace('</div></div></div>', '</div></div><div class="actions"></div></div>');
    document.body.innerHTML = `<main>${withBar(1)}${withBar(2)}</main>`;
    start({ ...unmarked, selectors: { ...unmarked.selectors, key: marked.selectors.key } });
    await tick(200);
    expect(hosts()).toHaveLength(2);
    // The framework rebuilds the list faster than the stability window, again and again.
    for (let i = 0; i < 5; i++) {
      document.querySelector('main')!.innerHTML = `${withBar(1)}${withBar(2)}`;
      await tick(100);
      expect(hosts()).toHaveLength(2);
    }
  });
});

describe('SPA navigation', () => {
  it('removes every panel of the old conversation and mounts the new one', async () => {
    document.body.innerHTML = `<main>${turn(1, 'old one', 'data-streaming="false"')}${turn(2, 'old two', 'data-streaming="false"')}</main>`;
    start(marked);
    await tick(200);
    expect(hosts()).toHaveLength(2);
    history.pushState(null, '', '/c/second');
    await tick(100);
    expect(hosts()).toHaveLength(0);
    expect(navs).toEqual([`${location.origin}/c/second`]);
    document.querySelector('main')!.innerHTML = turn(7, 'new', 'data-streaming="false"');
    await tick(300);
    expect(hosts().map((h) => h.getAttribute(HOST_ATTR))).toEqual(['claude:second:id-m7']);
  });

  it('follows the Navigation API where the browser has it, with no address poll', async () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const intervals = vi.spyOn(globalThis, 'setInterval');
    try {
      document.body.innerHTML = `<main>${turn(1, 'old one', 'data-streaming="false"')}</main>`;
      start(marked);
      await tick(200);
      expect(hosts()).toHaveLength(1);
      history.pushState(null, '', '/c/second');
      navigation.dispatchEvent(new Event('navigate'));
      await tick(1);
      expect(navs).toEqual([`${location.origin}/c/second`]);
      expect(hosts()).toHaveLength(0);
      expect(intervals).not.toHaveBeenCalled();
    } finally {
      intervals.mockRestore();
      delete (window as { navigation?: unknown }).navigation;
    }
  });

  it('does not give the old conversation its panels back while the router is slow to replace it', async () => {
    document.body.innerHTML = `<main>${turn(1, 'old one', 'data-streaming="false"')}</main>`;
    start(marked);
    await tick(200);
    history.pushState(null, '', '/c/second');
    await tick(1500);
    expect(hosts()).toHaveLength(0);
    document.querySelector('main')!.innerHTML = turn(2, 'new', 'data-streaming="false"');
    await tick(200);
    expect(mounts.map((m) => m.key)).toEqual(['claude:first:id-m1', 'claude:second:id-m2']);
  });
});

describe('a layout we do not recognise', () => {
  it('says so once on a conversation page with no matching answers', async () => {
    document.body.innerHTML = `<main><div class="redesigned">an answer in new markup</div></main>`;
    start(marked);
    await tick(2500);
    expect(layout).toEqual([false]);
    await tick(5000);
    expect(layout).toEqual([false]);
  });

  it('says nothing on a new-chat page', async () => {
    history.replaceState(null, '', '/new');
    document.body.innerHTML = `<main></main>`;
    start(marked);
    await tick(3000);
    expect(layout).toEqual([]);
  });

  it('recovers when answers appear after all', async () => {
    document.body.innerHTML = `<main></main>`;
    start(marked);
    await tick(2500);
    document.querySelector('main')!.innerHTML = turn(1, 'late', 'data-streaming="false"');
    await tick(1500);
    expect(layout).toEqual([false, true]);
    expect(hosts()).toHaveLength(1);
  });
});

describe('latest()', () => {
  it('is the last finished answer in page order', async () => {
    document.body.innerHTML = `<main>${turn(1, 'one', 'data-streaming="false"')}${turn(2, 'two', 'data-streaming="false"')}${turn(3, 'three', 'data-streaming="true"')}</main>`;
    start(marked);
    await tick(200);
    expect(watcher!.latest()?.info.text).toBe('two');
  });
});
