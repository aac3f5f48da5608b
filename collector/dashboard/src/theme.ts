/** Chart colours follow the page's light or dark scheme (CSS variables), and change with it. */
import { useEffect, useState } from 'preact/hooks';

export interface Palette {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  flag: string;
  up: string;
  down: string;
  series: string[];
}

function read(): Palette {
  const s = getComputedStyle(document.documentElement);
  const v = (name: string) => s.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--muted'),
    grid: v('--grid'),
    accent: v('--accent'),
    flag: v('--flag'),
    up: v('--up'),
    down: v('--down'),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--series-${i}`)),
  };
}

export function usePalette(): Palette {
  const [palette, setPalette] = useState(read);
  useEffect(() => {
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setPalette(read());
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return palette;
}
