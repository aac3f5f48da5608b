/**
 * The settings in force for this browser: the person's own, the team configuration they
 * joined, and the organisation's policy (managed storage), merged by lib/policy.ts.
 * Background only; every stored value is re-validated on read.
 */
import { browser } from 'wxt/browser';
import { loadSettings, SETTINGS_KEY, type Settings } from './settings';
import { mergeSettings, parseManagedPolicy, type ManagedPolicy, type MemberSettings, type MergedSettings } from './policy';
import { newReporterId, REPORTER_ID_PATTERN, TeamConfigSchema, type TeamConfig } from './team';

export const TEAM_KEY = 'teamConfig';
export const REPORTER_KEY = 'reporterId';

export interface Effective {
  settings: Settings;
  team: TeamConfig | null;
  managed: ManagedPolicy | null;
  /** Organisation policy problems, in words (shown in the options page). */
  policyErrors: string[];
  merged: MergedSettings;
}

async function managedPolicy(): Promise<{ policy: ManagedPolicy | null; errors: string[] }> {
  let raw: unknown;
  try {
    // Throws where the browser has no managed storage or no schema for it.
    raw = await browser.storage.managed.get(null);
  } catch {
    return { policy: null, errors: [] };
  }
  if (!raw || typeof raw !== 'object' || Object.keys(raw).length === 0) return { policy: null, errors: [] };
  const r = parseManagedPolicy(raw);
  return r.ok ? { policy: r.policy, errors: [] } : { policy: r.policy, errors: r.errors };
}

export async function loadTeam(): Promise<TeamConfig | null> {
  const raw = (await browser.storage.local.get(TEAM_KEY))[TEAM_KEY];
  const parsed = TeamConfigSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The member's own choices, in the shape the merge takes. */
export function memberOf(settings: Settings): MemberSettings {
  return { endpoint: settings.endpoint, attachPrompt: settings.privacy.prompt, reporterId: settings.reporterId };
}

export async function loadEffective(): Promise<Effective> {
  const [settings, team, managed] = await Promise.all([loadSettings(), loadTeam(), managedPolicy()]);
  return {
    settings,
    team,
    managed: managed.policy,
    policyErrors: managed.errors,
    merged: mergeSettings(memberOf(settings), team, managed.policy),
  };
}

/** The pseudonymous reporter id: random, made once, replaced on request, never derived from the person. */
export async function reporterId(rotate = false): Promise<string> {
  const got = (await browser.storage.local.get(REPORTER_KEY))[REPORTER_KEY];
  if (!rotate && typeof got === 'string' && REPORTER_ID_PATTERN.test(got)) return got;
  const id = newReporterId();
  await browser.storage.local.set({ [REPORTER_KEY]: id });
  return id;
}

export async function saveSettings(next: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
}
