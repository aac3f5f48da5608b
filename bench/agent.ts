/**
 * What the bench runs inside a chat page (main world), as plain JavaScript source: the
 * site's own behaviour while it writes an answer (a new answer unit, markdown nodes and
 * growing text at a steady pace, the site's finish signal), and the stopwatch.
 *
 * A string on purpose: tsx compiles functions with helpers that do not exist in the page.
 */
export const AGENT = String.raw`
(() => {
  if (window.__bench) return;
  const HOST = 'data-behind-the-answer';
  const longTasks = [];
  let recording = false;
  try {
    new PerformanceObserver((l) => { if (recording) for (const e of l.getEntries()) longTasks.push(e.duration); })
      .observe({ type: 'longtask' });
  } catch {}
  let cur = null;

  function clean(el) { el.querySelectorAll('[' + HOST + ']').forEach((h) => h.remove()); }

  // A new turn, scrolled into view as the chatbots keep the answer being written in sight.
  function newAnswer(site, uid) {
    if (site === 'chatgpt') {
      const turns = document.querySelectorAll('[data-turn-key]');
      let src = null;
      for (const t of turns) if (t.querySelector('[data-chatgpt-search-message-ids^="a-"] [data-markdown-text-style]') && t.querySelector('button[aria-label="Copy response"]')) { src = t; break; }
      const turn = src.cloneNode(true);
      clean(turn);
      turn.setAttribute('data-turn-key', 'turn-' + uid);
      const q = turn.querySelector('[data-user-message-bubble] [dir="auto"]');
      if (q) q.textContent = 'Question ' + uid;
      const unit = turn.querySelector('[data-chatgpt-search-message-ids^="a-"]');
      unit.setAttribute('data-chatgpt-search-message-ids', 'a-' + uid + ' a-' + uid);
      unit.querySelectorAll('[data-chatgpt-selection-message-id]').forEach((e) => e.setAttribute('data-chatgpt-selection-message-id', 'a-' + uid));
      const body = unit.querySelector('[data-markdown-text-style]');
      body.replaceChildren();
      turn.querySelectorAll('button[aria-label="Copy response"]').forEach((b) => b.closest('div').remove());
      const stop = document.createElement('button');
      stop.textContent = 'Stop';
      stop.setAttribute('data-testid', 'stop-button');
      document.body.append(stop);
      src.parentElement.prepend(turn); // column-reverse: newest first
      turn.scrollIntoView({ block: 'end' });
      cur = { site, body, finish() {
        stop.remove();
        const bar = document.createElement('div');
        const copy = document.createElement('button');
        copy.type = 'button';
        copy.setAttribute('aria-label', 'Copy response');
        bar.append(copy);
        unit.append(bar);
      } };
    } else if (site === 'claude') {
      const answers = document.querySelectorAll('[data-is-streaming]');
      const last = answers[answers.length - 1];
      const copy = last.cloneNode(true);
      clean(copy);
      copy.setAttribute('data-is-streaming', 'true');
      const body = copy.querySelector('.font-claude-response') || copy;
      body.replaceChildren();
      const row = document.createElement('div');
      row.append(copy);
      const at = last.closest('[data-test-render-count]') || last.parentElement;
      at.parentElement.append(row);
      row.scrollIntoView({ block: 'end' });
      cur = { site, body, finish() { copy.setAttribute('data-is-streaming', 'false'); } };
    } else if (site === 'gemini') {
      const all = document.querySelectorAll('.conversation-container');
      const last = all[all.length - 1];
      const turn = last.cloneNode(true);
      clean(turn);
      turn.id = 'b' + uid;
      const mc = turn.querySelector('[id^="model-response-message-content"]');
      mc.id = 'model-response-message-content-r_b' + uid;
      const busy = [...turn.querySelectorAll('[aria-busy]')];
      busy.forEach((e) => e.setAttribute('aria-busy', 'true'));
      const body = turn.querySelector('.markdown.markdown-main-panel') || mc;
      body.replaceChildren();
      last.after(turn);
      turn.scrollIntoView({ block: 'end' });
      cur = { site, body, finish() { busy.forEach((e) => e.setAttribute('aria-busy', 'false')); } };
    } else throw new Error('no site ' + site);
    return true;
  }

  // Ops: ['b', tag] new block (p, h3, pre, ul, ol), ['li'], ['i', tag] inline start, ['e'] inline end, ['t', s] text.
  function stream(chunks, intervalMs) {
    const root = cur.body;
    let block = null, list = null, text = null;
    const textIn = (p) => { text = document.createTextNode(''); p.append(text); };
    const apply = (op) => {
      switch (op[0]) {
        case 'b':
          if (op[1] === 'ul' || op[1] === 'ol') { list = document.createElement(op[1]); root.append(list); block = null; break; }
          block = document.createElement(op[1]);
          root.append(block);
          if (op[1] === 'pre') { const code = document.createElement('code'); block.append(code); textIn(code); } else textIn(block);
          break;
        case 'li': block = document.createElement('li'); list.append(block); textIn(block); break;
        case 'i': { const el = document.createElement(op[1]); block.append(el); textIn(el); break; }
        case 'e': textIn(block.tagName === 'PRE' ? block.firstChild : block); break;
        case 't': text.data += op[1]; break;
      }
    };
    return new Promise((resolve) => {
      let i = 0, lastChangeAt = 0;
      const step = () => {
        for (const op of chunks[i]) apply(op);
        lastChangeAt = performance.now();
        if (++i < chunks.length) setTimeout(step, intervalMs);
        else resolve(lastChangeAt);
      };
      setTimeout(step, intervalMs);
    });
  }

  /**
   * The site's finish signal; resolves with its time and when the panel after it is inserted,
   * then drawn (its buttons exist) and laid out.
   */
  function finishAndWait(timeoutMs) {
    return new Promise((resolve) => {
      let inserted = null, host = null;
      const mo = new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) {
          if (!host && n.nodeType === 1 && n.hasAttribute(HOST)) { host = n; inserted = performance.now(); frame(); }
        }
      });
      mo.observe(document.documentElement, { childList: true, subtree: true });
      const frame = () => requestAnimationFrame(() => {
        if (host.isConnected && host.shadowRoot?.querySelector('button') && host.getBoundingClientRect().height > 0) done(performance.now());
        else frame();
      });
      const timer = setTimeout(() => done(null), timeoutMs);
      const done = (visible) => { clearTimeout(timer); mo.disconnect(); resolve({ t0, inserted, visible }); };
      const t0 = performance.now();
      cur.finish();
    });
  }

  /** As a site does it: the last chunk, one interval later the finish signal; then the stopwatch. */
  async function streamThenFinish(chunks, intervalMs, timeoutMs) {
    const lastChangeAt = await stream(chunks, intervalMs);
    await new Promise((r) => setTimeout(r, intervalMs));
    return { lastChangeAt, ...(await finishAndWait(timeoutMs)) };
  }

  function recordLongTasks(on) {
    if (on) { longTasks.length = 0; recording = true; return []; }
    recording = false;
    return longTasks.slice();
  }

  /** Navigation start → the moment at least n panels are on the page (one check per frame). */
  function panels(n, timeoutMs) {
    const live = document.getElementsByTagName('bta-panel');
    return new Promise((resolve) => {
      const end = performance.now() + timeoutMs;
      const check = () => {
        let c = 0;
        for (const h of live) if (h.hasAttribute(HOST)) c++;
        if (c >= n) resolve(performance.now());
        else if (performance.now() > end) resolve(-c);
        else requestAnimationFrame(check);
      };
      check();
    });
  }

  function countAnswers(chain) {
    for (const s of chain) { const n = document.querySelectorAll(s).length; if (n) return n; }
    return 0;
  }

  window.__bench = { newAnswer, stream, streamThenFinish, finishAndWait, recordLongTasks, panels, countAnswers };
})();
`;
