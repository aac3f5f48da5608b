/**
 * Every adapter against every real captured page: the right number of answers and
 * prompts, the right pairing, clean text, model where shown, and keys that are the
 * same on a second, independent parse.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { ALL_CASES } from '../../fixtures/cases';
import { loadFixture } from '../../fixtures/load';
import { findPrompts, parsePage } from '../../../lib/sites/parse';
import { SITES } from '../../../lib/sites';

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

function parse(file: string, url: string, siteId: string) {
  const site = SITES.find((s) => s.id === siteId)!;
  const win = loadFixture(file, url);
  windows.push(win);
  const doc = win.document as unknown as Document;
  return { site, doc, answers: parsePage(doc, site, new URL(url)) };
}

describe.each(ALL_CASES)('$site: $file', (c) => {
  const { site, doc, answers } = parse(c.file, c.url, c.site);

  it('finds every answer and prompt on the page', () => {
    expect(answers).toHaveLength(c.answers.length);
    expect(findPrompts(doc, site)).toHaveLength(c.prompts);
  });

  it('pairs each answer with the prompt before it and reads clean text', () => {
    answers.forEach((a, i) => {
      const want = c.answers[i]!;
      expect(a.key).toBe(want.key);
      if (want.prompt === null) expect(a.prompt).toBeNull();
      else expect(a.prompt?.startsWith(want.prompt), `prompt of answer ${i}: ${a.prompt}`).toBe(true);
      expect(a.text.startsWith(want.text), `text of answer ${i}: ${a.text.slice(0, 80)}`).toBe(true);
      if (want.model !== undefined) expect(a.model).toBe(want.model);
      if (want.mode !== undefined) expect(a.mode).toBe(want.mode);
      expect(a.site).toBe(c.site);
      expect(a.vendor).toBe(site.vendor);
    });
  });

  it('keeps hidden labels, thinking and other extensions out of the text', () => {
    for (const a of answers) {
      for (const junk of c.absent ?? []) expect(a.text).not.toContain(junk);
      expect(a.text).not.toMatch(/\n{3,}/);
    }
  });

  it('gives every answer a distinct key that survives a fresh parse', () => {
    const again = parse(c.file, c.url, c.site).answers.map((a) => a.key);
    expect(again).toEqual(answers.map((a) => a.key));
    expect(new Set(again).size).toBe(again.length);
  });
});
