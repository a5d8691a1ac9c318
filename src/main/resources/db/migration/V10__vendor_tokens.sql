-- Vendor refresh tokens (range V10 - V19, see V1__probe_runs.sql for the rules every migration follows).
--
-- One row per connection whose auth flow rotates refresh tokens (QuickBooks Online: every refresh
-- returns a new refresh token and the old one stops working). Written by io.driftwatch.store.JdbcTokenStore
-- as a compare-and-set on row_version, so two nodes refreshing the same connection cannot lose a rotation.
-- refresh_token is a live credential: restrict access to this table like the rest of the store.
CREATE TABLE vendor_token (
    connection_id        VARCHAR(200)   NOT NULL PRIMARY KEY,
    refresh_token        VARCHAR(4000)  NOT NULL,
    seed_fingerprint     VARCHAR(64),              -- SHA-256 hex of the configured token the chain began with
    refresh_expires_at   TIMESTAMP WITH TIME ZONE, -- rolling expiry of refresh_token, when the vendor said
    hard_expires_at      TIMESTAMP WITH TIME ZONE, -- absolute end of the authorization, when the vendor said
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version          BIGINT         NOT NULL
);
