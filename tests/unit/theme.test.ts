import { describe, expect, it } from 'vitest';
import { parseColor, themeBehind } from '../../lib/theme';

describe('theme', () => {
  it('reads rgb and rgba in both syntaxes', () => {
    expect(parseColor('rgb(33, 33, 33)')).toEqual([33, 33, 33, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseColor('transparent')).toBeNull();
  });

  it('takes the first opaque background behind the answer', () => {
    document.body.innerHTML =
      '<div id="dark" style="background-color: rgb(33, 33, 33)"><div style="background-color: rgba(0,0,0,0)"><p id="a">x</p></div></div>' +
      '<div style="background-color: rgb(250, 250, 250)"><p id="b">y</p></div>';
    expect(themeBehind(document.getElementById('a'), window)).toBe('dark');
    expect(themeBehind(document.getElementById('b'), window)).toBe('light');
  });
});
