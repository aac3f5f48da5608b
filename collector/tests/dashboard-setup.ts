/** vitest globalSetup: the dashboard built once before the suites that serve it (a fresh clone has no build). */
import { ensureDashboard } from '../src/dashboard-build';

export default async function setup() {
  await ensureDashboard(() => {});
}
