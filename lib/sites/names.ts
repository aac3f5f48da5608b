import { SITES } from './index';
import type { SiteId } from './types';

/** Display names ("Le Chat") by site id. */
export const SITE_NAMES = Object.fromEntries(SITES.map((s) => [s.id, s.name])) as Record<SiteId, string>;
