/**
 * Enterprise policy (browser.storage.managed) and how the three layers of settings combine.
 *
 * Design: the policy's keys are the team configuration's own settings, with the same names and
 * the same shapes — `team`, `endpoint`, `categories`, `required`, `attachPrompt`, `reporterId` —
 * each one a separate policy, each optional. There is no `schema` (the extension's
 * managed_schema.json is the version) and no `locked`: whatever the organisation sets is locked.
 * So an administrator can copy fields from a team's configuration file into the policy unchanged.
 *
 * public/managed_schema.json (Chrome's format) is generated from ManagedPolicySchema by
 * scripts/managed-schema.ts; tests/unit/policy.test.ts fails when it is stale.
 *
 * Precedence, per setting: organisation policy > a setting the team locks > the member's own
 * choice > the team's value > the default.
 */
import { z } from 'zod';
import type { Endpoint } from './settings';
import {
  AttachPromptSchema,
  effectiveCategories,
  issuesText,
  ReporterIdSchema,
  show,
  TeamCategoriesSchema,
  TeamEndpointSchema,
  TeamIdentitySchema,
  TeamRequiredSchema,
  TEAM_SETTINGS,
  type EffectiveCategory,
  type TeamCategories,
  type TeamConfig,
  type TeamRequired,
  type TeamSetting,
} from './team';

export const ManagedPolicySchema = z.object({
  team: TeamIdentitySchema.optional(),
  endpoint: TeamEndpointSchema.optional(),
  categories: TeamCategoriesSchema.optional(),
  required: TeamRequiredSchema.optional(),
  attachPrompt: AttachPromptSchema.optional(),
  reporterId: ReporterIdSchema.optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

export type PolicyResult =
  | { ok: true; policy: ManagedPolicy }
  /** `policy` holds the keys that were valid: one broken policy does not void the others. */
  | { ok: false; errors: string[]; policy: ManagedPolicy };

const POLICY_KEYS = Object.keys(ManagedPolicySchema.shape) as (keyof ManagedPolicy)[];

/**
 * What browser.storage.managed.get() returned, validated key by key. Chrome has already dropped
 * values that do not match managed_schema.json; Firefox (policies.json) checks nothing, and the
 * schema cannot express everything (a valid endpoint address, unique category ids), so every key
 * is checked again here. Keys set to null count as not set.
 */
export function parseManagedPolicy(raw: unknown): PolicyResult {
  if (raw === undefined || raw === null) return { ok: true, policy: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [`The organisation's policy is not an object (got ${show(raw)}).`], policy: {} };
  }
  const errors: string[] = [];
  const policy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (!(POLICY_KEYS as string[]).includes(key)) {
      errors.push(`${key}: not a policy of this extension (known: ${POLICY_KEYS.join(', ')})`);
      continue;
    }
    // One key at a time, so that issue paths start with the policy's name.
    const one = ManagedPolicySchema.pick({ [key]: true } as Record<keyof ManagedPolicy, true>);
    const parsed = one.safeParse({ [key]: value }, { reportInput: true });
    if (parsed.success) policy[key] = (parsed.data as Record<string, unknown>)[key];
    else errors.push(...issuesText(parsed.error, ManagedPolicySchema));
  }
  return errors.length
    ? { ok: false, errors, policy: policy as ManagedPolicy }
    : { ok: true, policy: policy as ManagedPolicy };
}

/** True when the organisation sets anything at all. */
export function hasPolicy(policy: ManagedPolicy | null | undefined): policy is ManagedPolicy {
  return !!policy && POLICY_KEYS.some((k) => policy[k] !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Merging

/**
 * The member's own choices for the settings a team or an organisation can set. In lib/settings.ts
 * terms: `endpoint` is settings.endpoint and `attachPrompt` is settings.privacy.prompt; the others
 * are new. `reporterId: false` means the member declined an id the team asked for.
 */
export interface MemberSettings {
  endpoint?: Endpoint | undefined;
  team?: { id: string; name: string } | undefined;
  categories?: TeamCategories | undefined;
  required?: TeamRequired | undefined;
  attachPrompt?: boolean | undefined;
  reporterId?: boolean | undefined;
}

export type LockSource = 'organisation' | 'team';
export type SettingSource = LockSource | 'member' | 'default';

export interface EffectiveSettings {
  team: { id: string; name: string } | null;
  endpoint: Endpoint | undefined;
  /** The categories setting as configured (undefined: the built-in ones). */
  categories: TeamCategories | undefined;
  /** What the flag form offers, in order. */
  categoryList: EffectiveCategory[];
  required: TeamRequired;
  attachPrompt: boolean;
  /** Reports carry the member's pseudonymous reporter id. */
  reporterId: boolean;
}

export interface MergedSettings {
  effective: EffectiveSettings;
  /** Settings the member cannot change, and who decided. Absent: the member may change it. */
  lockedBy: Partial<Record<TeamSetting, LockSource>>;
  /** Where each effective value came from (for "set by your organisation" / "from your team"). */
  source: Record<TeamSetting, SettingSource>;
}

export const DEFAULT_REQUIRED: TeamRequired = { comment: false, correction: false, category: true };

/**
 * The settings in force. For each setting: the organisation's policy if it sets it (locked,
 * 'organisation'); else the team's value if the team locks it ('team'); else the member's choice;
 * else the team's value; else the default. Two exceptions:
 * - `team` is never the member's to invent: policy, then the team configuration, then the member's
 *   stored team (if any).
 * - `reporterId` is on only when the team or the organisation asks for it; the member may decline
 *   unless it is locked, and cannot turn it on when nobody asked.
 */
export function mergeSettings(user: MemberSettings, team: TeamConfig | null, managed: ManagedPolicy | null): MergedSettings {
  const lockedBy: Partial<Record<TeamSetting, LockSource>> = {};
  const source = {} as Record<TeamSetting, SettingSource>;
  const teamLocks = new Set<TeamSetting>(team?.locked ?? []);

  function pick<K extends TeamSetting>(key: K, memberMayChoose = true): (ManagedPolicy & TeamConfig)[K] | undefined {
    type V = (ManagedPolicy & TeamConfig)[K];
    const org = managed?.[key] as V | undefined;
    if (org !== undefined) {
      lockedBy[key] = 'organisation';
      source[key] = 'organisation';
      return org;
    }
    const fromTeam = team?.[key] as V | undefined;
    if (fromTeam !== undefined && teamLocks.has(key)) {
      lockedBy[key] = 'team';
      source[key] = 'team';
      return fromTeam;
    }
    const mine = user[key] as V | undefined;
    if (memberMayChoose && mine !== undefined) {
      source[key] = 'member';
      return mine;
    }
    if (fromTeam !== undefined) {
      source[key] = 'team';
      return fromTeam;
    }
    if (!memberMayChoose && mine !== undefined) {
      source[key] = 'member';
      return mine;
    }
    source[key] = 'default';
    return undefined;
  }

  const teamId = pick('team', false);
  const endpoint = pick('endpoint');
  const categories = pick('categories');
  const required = pick('required');
  const attachPrompt = pick('attachPrompt');

  // The reporter id: asked for by the organisation or the team; declinable unless locked.
  let reporterId = false;
  if (managed?.reporterId !== undefined) {
    lockedBy.reporterId = 'organisation';
    source.reporterId = 'organisation';
    reporterId = managed.reporterId;
  } else if (team?.reporterId !== undefined) {
    if (teamLocks.has('reporterId')) {
      lockedBy.reporterId = 'team';
      source.reporterId = 'team';
      reporterId = team.reporterId;
    } else if (team.reporterId && user.reporterId === false) {
      source.reporterId = 'member';
    } else {
      source.reporterId = 'team';
      reporterId = team.reporterId;
    }
  } else {
    source.reporterId = 'default';
  }

  return {
    effective: {
      team: teamId ?? null,
      endpoint,
      categories,
      categoryList: effectiveCategories({ categories }),
      required: required ?? DEFAULT_REQUIRED,
      attachPrompt: attachPrompt ?? false,
      reporterId,
    },
    lockedBy,
    source,
  };
}

/**
 * The member's settings after joining a team (the configuration confirmed): the team's values
 * become the member's starting values, so an endpoint the member had before does not silently
 * outrank the team's. The member can change the unlocked ones afterwards.
 */
export function applyTeamConfigToMember(user: MemberSettings, config: TeamConfig): MemberSettings {
  const next: MemberSettings = { ...user, team: config.team };
  for (const key of TEAM_SETTINGS) {
    if (key === 'team' || config[key] === undefined) continue;
    (next as Record<string, unknown>)[key] = config[key];
  }
  return next;
}

/**
 * Whether `incoming` may replace the current team configuration, and if not, why (in words the
 * options page can show). Updating the same team (same id) is always allowed; leaving a team
 * (removing its configuration) is the member's right and is not checked here.
 */
export function teamConfigBlocked(
  current: TeamConfig | null,
  managed: ManagedPolicy | null,
  incoming: TeamConfig,
): { by: LockSource; message: string } | null {
  if (managed?.team && managed.team.id !== incoming.team.id) {
    return {
      by: 'organisation',
      message: `Your organisation has set the team to "${managed.team.name}" for this browser; a configuration for "${incoming.team.name}" cannot replace it.`,
    };
  }
  if (current && current.locked.includes('team') && current.team.id !== incoming.team.id) {
    return {
      by: 'team',
      message: `"${current.team.name}" does not let members switch to another team's configuration. Leave "${current.team.name}" first if you want to join "${incoming.team.name}".`,
    };
  }
  return null;
}
