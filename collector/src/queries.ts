/** What the dashboard reads: aggregates, one page of reports, and exports, all under one filter. */
import type { Queryable } from './db';
import type { Filters } from './filters';
import type { Report } from '../../lib/report';

/** Which reports an admin token may see: one team, or every team (null). */
export interface Scope {
  team: string | null;
}

function where(scope: Scope, f: Filters): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const conds: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const team = scope.team ?? f.team;
  if (team) conds.push(`team = ${p(team)}`);
  if (f.from) conds.push(`created_at >= ${p(f.from)}::date::timestamp AT TIME ZONE 'UTC'`);
  if (f.to) conds.push(`created_at < (${p(f.to)}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  if (f.vendor) conds.push(`vendor = ${p(f.vendor)}`);
  if (f.site) conds.push(`site = ${p(f.site)}`);
  if (f.model) conds.push(f.model === UNKNOWN ? 'model IS NULL' : `model = ${p(f.model)}`);
  if (f.answer) conds.push(`answer_key = ${p(f.answer)}`);
  if (f.category) conds.push(`${p(f.category)} = ANY(flags)`);
  if (f.rating === 'none') conds.push('rating IS NULL');
  else if (f.rating) conds.push(`rating = ${p(f.rating)}`);
  if (f.flagged === 'yes') conds.push('cardinality(flags) > 0');
  if (f.flagged === 'no') conds.push('cardinality(flags) = 0');
  if (f.q) {
    const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conds.push(
      `(report->'answer'->>'text' ILIKE ${like} OR report->'prompt'->>'text' ILIKE ${like} OR report->>'comment' ILIKE ${like} OR report->>'correction' ILIKE ${like} OR model ILIKE ${like})`,
    );
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

/** How a report without a model name is grouped and filtered. */
export const UNKNOWN = '(unknown)';

export interface Count {
  key: string;
  count: number;
}
export interface Summary {
  totals: { reports: number; flagged: number; up: number; down: number; answers: number };
  /** One row per UTC day that has reports, by creation time. */
  overTime: { day: string; reports: number; flagged: number; up: number; down: number }[];
  byVendor: Count[];
  bySite: Count[];
  byModel: Count[];
  byCategory: Count[];
  ratingsByVendor: { vendor: string; up: number; down: number }[];
  mostFlagged: { answerKey: string; flags: number; vendor: string; site: string; model: string | null; text: string; categories: string[]; last: string }[];
}

const iso = (d: unknown) => new Date(d as string).toISOString();

export async function summary(db: Queryable, scope: Scope, f: Filters): Promise<Summary> {
  const w = where(scope, f);
  const q = <T>(sql: string) => db.query<T>(sql, w.params);
  const counts = (col: string, limit = 20) =>
    q<Count>(`SELECT ${col} AS key, count(*)::int AS count FROM reports ${w.sql} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`);
  const [totals, overTime, byVendor, bySite, byModel, byCategory, ratingsByVendor, mostFlagged] = await Promise.all([
    q<Summary['totals']>(`SELECT count(*)::int AS reports,
        count(*) FILTER (WHERE cardinality(flags) > 0)::int AS flagged,
        count(*) FILTER (WHERE rating = 'up')::int AS up,
        count(*) FILTER (WHERE rating = 'down')::int AS down,
        count(DISTINCT answer_key)::int AS answers
      FROM reports ${w.sql}`),
    q<{ day: string; reports: number; flagged: number; up: number; down: number }>(`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
        count(*)::int AS reports,
        count(*) FILTER (WHERE cardinality(flags) > 0)::int AS flagged,
        count(*) FILTER (WHERE rating = 'up')::int AS up,
        count(*) FILTER (WHERE rating = 'down')::int AS down
      FROM reports ${w.sql} GROUP BY 1 ORDER BY 1`),
    counts('vendor'),
    counts('site'),
    counts(`coalesce(model, '${UNKNOWN}')`, 15),
    q<Count>(`SELECT c AS key, count(*)::int AS count FROM reports CROSS JOIN LATERAL unnest(flags) AS c ${w.sql} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30`),
    q<{ vendor: string; up: number; down: number }>(`SELECT vendor,
        count(*) FILTER (WHERE rating = 'up')::int AS up,
        count(*) FILTER (WHERE rating = 'down')::int AS down
      FROM reports ${w.sql} GROUP BY 1 HAVING count(rating) > 0 ORDER BY count(rating) DESC, 1`),
    q<{ answer_key: string; flags: number; vendor: string; site: string; model: string | null; text: string | null; categories: string[]; last: Date }>(`SELECT answer_key,
        count(*)::int AS flags,
        (array_agg(vendor ORDER BY created_at DESC))[1] AS vendor,
        (array_agg(site ORDER BY created_at DESC))[1] AS site,
        (array_agg(model ORDER BY created_at DESC))[1] AS model,
        left((array_agg(report->'answer'->>'text' ORDER BY created_at DESC))[1], 400) AS text,
        (SELECT array_agg(DISTINCT c ORDER BY c) FROM unnest(array_agg(flags_text)) AS c) AS categories,
        max(created_at) AS last
      FROM (SELECT *, array_to_string(flags, ',') AS flags_text FROM reports ${w.sql}) r
      WHERE cardinality(flags) > 0
      GROUP BY answer_key ORDER BY 2 DESC, max(created_at) DESC LIMIT 10`),
  ]);
  return {
    totals: totals[0]!,
    overTime,
    byVendor,
    bySite,
    byModel,
    byCategory,
    ratingsByVendor,
    mostFlagged: mostFlagged.map((r) => ({
      answerKey: r.answer_key,
      flags: r.flags,
      vendor: r.vendor,
      site: r.site,
      model: r.model,
      text: r.text ?? '',
      categories: [...new Set(r.categories.flatMap((c) => c.split(',')))].filter(Boolean),
      last: iso(r.last),
    })),
  };
}

export interface StoredReport {
  team: string;
  receivedAt: string;
  report: Report;
}

interface ReportRow {
  team: string;
  received_at: Date;
  id: string;
  report: Report;
}
const toStored = (r: ReportRow): StoredReport => ({ team: r.team, receivedAt: iso(r.received_at), report: r.report });

export const MAX_PAGE_SIZE = 200;

export async function reportsPage(
  db: Queryable,
  scope: Scope,
  f: Filters,
  page: { offset: number; limit: number },
): Promise<{ total: number; offset: number; limit: number; rows: StoredReport[] }> {
  const w = where(scope, f);
  const limit = Math.min(Math.max(1, page.limit), MAX_PAGE_SIZE);
  const offset = Math.max(0, page.offset);
  const [count, rows] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports ${w.sql}`, w.params),
    db.query<ReportRow>(
      `SELECT team, received_at, report FROM reports ${w.sql} ORDER BY created_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`,
      w.params,
    ),
  ]);
  return { total: count[0]!.n, offset, limit, rows: rows.map(toStored) };
}

/** Every report under the filter, newest first, read in chunks so an export never holds the whole table. */
export async function* exportReports(db: Queryable, scope: Scope, f: Filters, chunk = 500): AsyncGenerator<StoredReport> {
  const w = where(scope, f);
  // The keyset is carried as PostgreSQL's own text for the time: a JS Date would drop microseconds.
  let after: { created: string; id: string } | null = null;
  for (;;) {
    const params = [...w.params];
    let cond = w.sql;
    if (after) {
      params.push(after.created, after.id);
      const keyset = `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`;
      cond = cond ? `${cond} AND ${keyset}` : `WHERE ${keyset}`;
    }
    const rows = await db.query<ReportRow & { created_text: string }>(
      `SELECT team, received_at, created_at::text AS created_text, id, report FROM reports ${cond} ORDER BY created_at DESC, id DESC LIMIT ${chunk}`,
      params,
    );
    for (const r of rows) yield toStored(r);
    if (rows.length < chunk) return;
    const last = rows[rows.length - 1]!;
    after = { created: last.created_text, id: last.id };
  }
}

/** The values present, for the dashboard's filter lists. */
export async function facets(db: Queryable, scope: Scope): Promise<{ teams: string[]; vendors: string[]; sites: string[]; models: string[]; categories: string[] }> {
  const w = where(scope, {});
  const col = async (sql: string) => (await db.query<{ v: string }>(sql, w.params)).map((r) => r.v);
  const [teams, vendors, sites, models, categories] = await Promise.all([
    col(`SELECT DISTINCT team AS v FROM reports ${w.sql} ORDER BY 1`),
    col(`SELECT DISTINCT vendor AS v FROM reports ${w.sql} ORDER BY 1`),
    col(`SELECT DISTINCT site AS v FROM reports ${w.sql} ORDER BY 1`),
    col(`SELECT DISTINCT coalesce(model, '${UNKNOWN}') AS v FROM reports ${w.sql} ORDER BY 1 LIMIT 500`),
    col(`SELECT DISTINCT c AS v FROM reports CROSS JOIN LATERAL unnest(flags) AS c ${w.sql} ORDER BY 1`),
  ]);
  return { teams, vendors, sites, models, categories };
}
