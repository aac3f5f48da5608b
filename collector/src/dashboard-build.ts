/**
 * `npm run collector` on a fresh clone must just work: the dashboard is built on start when its
 * build is missing or older than its sources, so nobody has to remember a build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTOR_DIR, DEFAULT_DASHBOARD_DIR } from './server';

const DASHBOARD = resolve(COLLECTOR_DIR, 'dashboard');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export function dashboardStale(): boolean {
  const built = join(DEFAULT_DASHBOARD_DIR, 'index.html');
  if (!existsSync(built)) return true;
  const sources = [join(DASHBOARD, 'src'), join(DASHBOARD, 'index.html'), join(DASHBOARD, 'vite.config.ts'), join(COLLECTOR_DIR, 'src/filters.ts')];
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

export async function ensureDashboard(log: (msg: string) => void): Promise<void> {
  if (!dashboardStale()) return;
  log('Building the dashboard (vite)…');
  // vite is a development dependency: loaded only when a build is needed.
  const { build } = await import('vite');
  await build({ configFile: join(DASHBOARD, 'vite.config.ts'), logLevel: 'warn' });
}
