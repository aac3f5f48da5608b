-- Tokens are stored as SHA-256 hashes: the database never holds a usable secret.
CREATE TABLE tokens (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('ingest', 'admin')),
  -- NULL only for an admin token that reads every team.
  team        text,
  name        text NOT NULL DEFAULT '',
  hash        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz,
  CHECK (kind = 'admin' OR team IS NOT NULL)
);

-- The report as received (jsonb) plus the fields the dashboard filters and groups on,
-- extracted once at ingestion so that queries never have to dig into the JSON.
CREATE TABLE reports (
  id                text PRIMARY KEY,
  team              text NOT NULL,
  token_id          text NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now(),
  created_at        timestamptz NOT NULL,
  site              text NOT NULL,
  vendor            text NOT NULL,
  model             text,
  mode              text,
  rating            text,
  flags             text[] NOT NULL,
  answer_key        text NOT NULL,
  answer_sha256     text NOT NULL,
  report_team       text,
  reporter          text,
  extension_version text NOT NULL,
  client_version    text,
  client_browser    text,
  report            jsonb NOT NULL
);

CREATE INDEX reports_team_created ON reports (team, created_at DESC, id DESC);
CREATE INDEX reports_team_vendor ON reports (team, vendor);
CREATE INDEX reports_team_site ON reports (team, site);
CREATE INDEX reports_answer_key ON reports (team, answer_key);
CREATE INDEX reports_flags ON reports USING gin (flags);
