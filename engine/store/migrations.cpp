#include "migrations.h"

#include "core/logging.h"

namespace reg::store {
namespace {

struct Migration
{
    int version;
    const char *description;
    const char *sql;
};

// Times are integer milliseconds since the Unix epoch, UTC. Never edit a released migration:
// add a new one.
const Migration migrations[] = {
    {1, "journal, management users and audit, registry objects, sites and devices", R"sql(
CREATE TABLE journal (
    seq          INTEGER PRIMARY KEY,
    committed_at INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    object       TEXT    NOT NULL,
    data         TEXT    NOT NULL,
    prev_hash    BLOB    NOT NULL,
    hash         BLOB    NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash       TEXT    NOT NULL,
    roles               TEXT    NOT NULL,
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_until        INTEGER,
    password_changed_at INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

CREATE TABLE password_history (
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    password_hash TEXT    NOT NULL,
    replaced_at   INTEGER NOT NULL
);
CREATE INDEX password_history_user ON password_history(user_id, replaced_at);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    source  TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    outcome TEXT    NOT NULL,
    detail  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE tlds (
    name       TEXT    PRIMARY KEY,
    created_at INTEGER NOT NULL
);

CREATE TABLE registrars (
    id                 TEXT    PRIMARY KEY,
    name               TEXT    NOT NULL,
    iana_id            INTEGER,
    email              TEXT    NOT NULL DEFAULT '',
    phone              TEXT    NOT NULL DEFAULT '',
    url                TEXT    NOT NULL DEFAULT '',
    status             TEXT    NOT NULL DEFAULT 'ok',
    balance_cents      INTEGER NOT NULL DEFAULT 0,
    credit_limit_cents INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL
);

CREATE TABLE contacts (
    roid         TEXT    PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    registrar_id TEXT    NOT NULL REFERENCES registrars(id),
    name         TEXT    NOT NULL,
    org          TEXT    NOT NULL DEFAULT '',
    street       TEXT    NOT NULL DEFAULT '',
    city         TEXT    NOT NULL DEFAULT '',
    sp           TEXT    NOT NULL DEFAULT '',
    pc           TEXT    NOT NULL DEFAULT '',
    cc           TEXT    NOT NULL DEFAULT '',
    voice        TEXT    NOT NULL DEFAULT '',
    email        TEXT    NOT NULL DEFAULT '',
    privacy      TEXT    NOT NULL DEFAULT 'restricted' CHECK (privacy IN ('unrestricted', 'restricted', 'private')),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX contacts_registrar ON contacts(registrar_id);

CREATE TABLE hosts (
    roid         TEXT    PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    registrar_id TEXT    NOT NULL REFERENCES registrars(id),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX hosts_registrar ON hosts(registrar_id);

CREATE TABLE host_addresses (
    host_roid TEXT    NOT NULL REFERENCES hosts(roid) ON DELETE CASCADE,
    address   TEXT    NOT NULL,
    family    INTEGER NOT NULL CHECK (family IN (4, 6)),
    PRIMARY KEY (host_roid, address)
);
CREATE INDEX host_addresses_address ON host_addresses(address);

CREATE TABLE domains (
    roid            TEXT    PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    tld             TEXT    NOT NULL REFERENCES tlds(name),
    registrar_id    TEXT    NOT NULL REFERENCES registrars(id),
    registrant_roid TEXT    NOT NULL REFERENCES contacts(roid),
    statuses        TEXT    NOT NULL DEFAULT 'ok',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX domains_registrar ON domains(registrar_id);
CREATE INDEX domains_tld ON domains(tld);

CREATE TABLE domain_contacts (
    domain_roid  TEXT NOT NULL REFERENCES domains(roid) ON DELETE CASCADE,
    contact_roid TEXT NOT NULL REFERENCES contacts(roid),
    type         TEXT NOT NULL CHECK (type IN ('admin', 'tech', 'billing')),
    PRIMARY KEY (domain_roid, contact_roid, type)
);

CREATE TABLE domain_hosts (
    domain_roid TEXT NOT NULL REFERENCES domains(roid) ON DELETE CASCADE,
    host_roid   TEXT NOT NULL REFERENCES hosts(roid),
    PRIMARY KEY (domain_roid, host_roid)
);
CREATE INDEX domain_hosts_host ON domain_hosts(host_roid);

CREATE TABLE sites (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('srs', 'nameserver', 'escrow', 'office')),
    location   TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE devices (
    id         TEXT    PRIMARY KEY,
    site_id    TEXT    NOT NULL REFERENCES sites(id),
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('router', 'firewall', 'switch', 'load-balancer', 'server',
                                                'nameserver', 'database', 'registryd', 'tape-library')),
    address    TEXT    NOT NULL DEFAULT '',
    parent_id  TEXT    REFERENCES devices(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX devices_site ON devices(site_id);

CREATE TABLE links (
    id          INTEGER PRIMARY KEY,
    a_device    TEXT    NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
    a_interface TEXT    NOT NULL,
    b_device    TEXT    NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
    b_interface TEXT    NOT NULL,
    speed_bps   INTEGER NOT NULL DEFAULT 1000000000
);
)sql"},
    {2, "the shared registration system: registrar access, object details, grace periods, transfers, billing, poll queue, XRP audit", R"sql(
-- Registrar access (seed 001): several user ids per registrar, each with its own password; the
-- client certificates and the individual addresses (no ranges, seed 000) a registrar may connect from.
CREATE TABLE registrar_users (
    id                  TEXT    PRIMARY KEY,             -- the EPP login clID
    registrar_id        TEXT    NOT NULL REFERENCES registrars(id),
    password_hash       TEXT    NOT NULL,                -- PasswordHasher (scrypt) encoding
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_until        INTEGER,
    password_changed_at INTEGER NOT NULL,
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at          INTEGER NOT NULL
);
CREATE INDEX registrar_users_registrar ON registrar_users(registrar_id);

CREATE TABLE registrar_user_password_history (
    user_id       TEXT    NOT NULL REFERENCES registrar_users(id) ON DELETE CASCADE,
    password_hash TEXT    NOT NULL,
    replaced_at   INTEGER NOT NULL
);
CREATE INDEX registrar_user_password_history_user ON registrar_user_password_history(user_id, replaced_at);

CREATE TABLE registrar_certificates (
    registrar_id TEXT    NOT NULL REFERENCES registrars(id) ON DELETE CASCADE,
    sha256       TEXT    NOT NULL,                       -- lower-case hex of the DER certificate's SHA-256
    subject      TEXT    NOT NULL DEFAULT '',
    not_after    INTEGER NOT NULL,
    PRIMARY KEY (registrar_id, sha256)
);
CREATE UNIQUE INDEX registrar_certificates_sha256 ON registrar_certificates(sha256);

CREATE TABLE registrar_addresses (
    registrar_id TEXT NOT NULL REFERENCES registrars(id) ON DELETE CASCADE,
    address      TEXT NOT NULL,                          -- one IPv4 or IPv6 address, canonical text form
    PRIMARY KEY (registrar_id, address)
);

ALTER TABLE registrars ADD COLUMN low_balance_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrars ADD COLUMN low_balance_notified INTEGER NOT NULL DEFAULT 0;

-- The last number handed out per ROID prefix ("D", "C", "H"), so a ROID is never reused, even
-- after its object is purged (RFC 5730 2.8: unique for the life of the repository).
CREATE TABLE roid_counters (
    prefix TEXT    PRIMARY KEY,
    last   INTEGER NOT NULL
);

-- Object details of RFC 5731-5733. Authorization information is kept only as a salted SHA-256
-- ("salt-hex$hash-hex", RFC 9154 section 4.1) and never returned.
ALTER TABLE contacts ADD COLUMN statuses TEXT NOT NULL DEFAULT 'ok';
-- The columns name .. cc hold the first postal form (street lines joined by LF); postal_type says
-- which it is, and loc_postal_info holds the localized form as JSON when a contact has both.
ALTER TABLE contacts ADD COLUMN postal_type TEXT NOT NULL DEFAULT 'int' CHECK (postal_type IN ('int', 'loc'));
ALTER TABLE contacts ADD COLUMN loc_postal_info TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN voice_ext TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN fax TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN fax_ext TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN creator_id TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN updater_id TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN transferred_at INTEGER;
ALTER TABLE contacts ADD COLUMN auth_info TEXT NOT NULL DEFAULT '';

ALTER TABLE hosts ADD COLUMN statuses TEXT NOT NULL DEFAULT 'ok';
ALTER TABLE hosts ADD COLUMN domain_roid TEXT REFERENCES domains(roid);  -- superordinate domain, NULL when external
ALTER TABLE hosts ADD COLUMN creator_id TEXT NOT NULL DEFAULT '';
ALTER TABLE hosts ADD COLUMN updater_id TEXT NOT NULL DEFAULT '';
ALTER TABLE hosts ADD COLUMN transferred_at INTEGER;
CREATE INDEX hosts_domain ON hosts(domain_roid);

ALTER TABLE domains ADD COLUMN creator_id TEXT NOT NULL DEFAULT '';
ALTER TABLE domains ADD COLUMN updater_id TEXT NOT NULL DEFAULT '';
ALTER TABLE domains ADD COLUMN transferred_at INTEGER;
ALTER TABLE domains ADD COLUMN auth_info TEXT NOT NULL DEFAULT '';
ALTER TABLE domains ADD COLUMN deleted_at INTEGER;          -- when a delete put it into redemption
ALTER TABLE domains ADD COLUMN max_sig_life INTEGER;         -- secDNS-1.1 maxSigLife, seconds
CREATE INDEX domains_expires ON domains(expires_at);

-- The RGP periods a domain is in (RFC 3915): addPeriod, renewPeriod, autoRenewPeriod,
-- transferPeriod, redemptionPeriod, pendingRestore, pendingDelete. ledger_id is the charge a
-- delete or transfer inside the period refunds.
CREATE TABLE domain_grace_periods (
    domain_roid  TEXT    NOT NULL REFERENCES domains(roid) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('addPeriod', 'renewPeriod', 'autoRenewPeriod', 'transferPeriod',
                                                  'redemptionPeriod', 'pendingRestore', 'pendingDelete')),
    starts_at    INTEGER NOT NULL,
    ends_at      INTEGER NOT NULL,
    registrar_id TEXT    NOT NULL REFERENCES registrars(id),
    ledger_id    INTEGER,
    PRIMARY KEY (domain_roid, kind, starts_at)
);
CREATE INDEX domain_grace_periods_ends ON domain_grace_periods(ends_at);

-- secDNS-1.1 dsData (RFC 5910).
CREATE TABLE domain_ds (
    domain_roid TEXT    NOT NULL REFERENCES domains(roid) ON DELETE CASCADE,
    key_tag     INTEGER NOT NULL CHECK (key_tag BETWEEN 0 AND 65535),
    algorithm   INTEGER NOT NULL CHECK (algorithm BETWEEN 0 AND 255),
    digest_type INTEGER NOT NULL CHECK (digest_type BETWEEN 0 AND 255),
    digest      TEXT    NOT NULL,                        -- upper-case hex
    PRIMARY KEY (domain_roid, key_tag, algorithm, digest_type, digest)
);

-- Transfers of domains and contacts (RFC 5730 2.9.3.4). At most one pending per object; the
-- finished ones stay as history and answer transfer queries.
CREATE TABLE transfers (
    id                 INTEGER PRIMARY KEY,
    object_type        TEXT    NOT NULL CHECK (object_type IN ('domain', 'contact')),
    object_roid        TEXT    NOT NULL,
    object_name        TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('pending', 'clientApproved', 'clientCancelled', 'clientRejected',
                                                          'serverApproved', 'serverCancelled')),
    requesting_id      TEXT    NOT NULL REFERENCES registrars(id),
    requested_at       INTEGER NOT NULL,
    acting_id          TEXT    NOT NULL REFERENCES registrars(id),
    action_at          INTEGER NOT NULL,                 -- the deadline while pending, then when it was acted on
    period_years       INTEGER NOT NULL DEFAULT 0,
    expires_at         INTEGER,                          -- the domain's expiry after approval
    ledger_id          INTEGER
);
CREATE INDEX transfers_object ON transfers(object_type, object_roid, id);
CREATE UNIQUE INDEX transfers_one_pending ON transfers(object_type, object_roid) WHERE status = 'pending';
CREATE INDEX transfers_pending_deadline ON transfers(action_at) WHERE status = 'pending';

-- Registrar-defined name/value fields on an object (our custom-fields extension), shown by Whois
-- under "Additional Information" (seed 001).
CREATE TABLE custom_fields (
    object_type TEXT NOT NULL CHECK (object_type IN ('domain', 'contact', 'host')),
    object_roid TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (object_type, object_roid, name)
);

-- Billing: a price per TLD and operation (per year for create, renew, autoRenew and transfer; flat
-- for restore), and one ledger row per billable transaction, refunds and payments included.
CREATE TABLE prices (
    tld       TEXT    NOT NULL REFERENCES tlds(name),
    operation TEXT    NOT NULL CHECK (operation IN ('create', 'renew', 'autoRenew', 'transfer', 'restore')),
    cents     INTEGER NOT NULL CHECK (cents >= 0),
    PRIMARY KEY (tld, operation)
);

CREATE TABLE ledger (
    id                  INTEGER PRIMARY KEY,
    registrar_id        TEXT    NOT NULL REFERENCES registrars(id),
    at                  INTEGER NOT NULL,
    operation           TEXT    NOT NULL,                -- create, renew, autoRenew, transfer, restore, refund, payment, adjustment
    object              TEXT    NOT NULL DEFAULT '',
    tld                 TEXT    NOT NULL DEFAULT '',
    period_years        INTEGER NOT NULL DEFAULT 0,
    amount_cents        INTEGER NOT NULL,                -- negative for a charge, positive for a refund or payment
    balance_after_cents INTEGER NOT NULL,
    refers_to           INTEGER REFERENCES ledger(id),   -- the charge a refund returns
    server_trid         TEXT    NOT NULL DEFAULT '',
    description         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX ledger_registrar ON ledger(registrar_id, id);

-- Service messages for registrars (RFC 5730 poll): queued in order, removed by ack.
CREATE TABLE poll_messages (
    id           INTEGER PRIMARY KEY,
    registrar_id TEXT    NOT NULL REFERENCES registrars(id),
    queued_at    INTEGER NOT NULL,
    kind         TEXT    NOT NULL,                       -- transfer, autoRenew, delete, lowBalance, hostRename ...
    object       TEXT    NOT NULL DEFAULT '',
    message      TEXT    NOT NULL,
    data         TEXT    NOT NULL DEFAULT '{}'           -- JSON the XRP port renders as resData
);
CREATE INDEX poll_messages_registrar ON poll_messages(registrar_id, id);

-- Every XRP command, accepted or refused (seed 001 audit): who, from where, which transaction,
-- the result code and the time it took.
CREATE TABLE xrp_audit (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    registrar_id   TEXT    NOT NULL DEFAULT '',
    user_id        TEXT    NOT NULL DEFAULT '',
    client_address TEXT    NOT NULL,
    command        TEXT    NOT NULL,                     -- "domain:create", "login", "hello", "frame" ...
    object         TEXT    NOT NULL DEFAULT '',
    client_trid    TEXT    NOT NULL DEFAULT '',
    server_trid    TEXT    NOT NULL,
    result_code    INTEGER NOT NULL,
    latency_us     INTEGER NOT NULL,
    message        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX xrp_audit_at ON xrp_audit(at);
CREATE INDEX xrp_audit_registrar ON xrp_audit(registrar_id, id);

-- A refund names the charge it returns (ledger.refers_to). This makes "already refunded?" an index
-- lookup instead of a scan of the ledger, and lets the database itself refuse a second refund.
CREATE UNIQUE INDEX ledger_refund_of ON ledger(refers_to) WHERE refers_to IS NOT NULL;

-- "linked" on a contact is computed on every read (RFC 5733 2.2) from its domain roles and
-- registrations; without these it would scan domain_contacts and domains per contact.
CREATE INDEX domain_contacts_contact ON domain_contacts(contact_roid);
CREATE INDEX domains_registrant ON domains(registrant_roid);
)sql"},
    {3, "directory services: each registrar's own Whois server and web Whois address", R"sql(
-- Whois and RDAP name a registrar's own services (seed 001; RFC 9083 links). Empty when it has none.
ALTER TABLE registrars ADD COLUMN whois_server TEXT NOT NULL DEFAULT '';
ALTER TABLE registrars ADD COLUMN web_whois_url TEXT NOT NULL DEFAULT '';
)sql"},
    {4, "directory services: each registrar's own RDAP service", R"sql(
-- RDAP names the sponsor's own service (RDAP Response Profile 2.2 "related" link). Empty when it has none.
ALTER TABLE registrars ADD COLUMN rdap_base_url TEXT NOT NULL DEFAULT '';
)sql"},
    {5, "monitoring: the inventory and topology (sites, devices with SNMP settings, dependencies, interfaces, links, map layout)", R"sql(
-- The network the NOC watches (issue 6). Operational, per-site state: written without journal
-- entries, so it is not replicated as registry data. SNMP secrets are stored only sealed
-- (AES-256-GCM under <datadir>/monitor-secrets.key, the device id as associated data).
CREATE TABLE monitor_sites (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('srs', 'nameserver', 'office', 'escrow', 'other')),
    location    TEXT    NOT NULL DEFAULT '',
    map_x       REAL,
    map_y       REAL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE monitor_devices (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL UNIQUE,
    kind              TEXT    NOT NULL CHECK (kind IN ('router', 'firewall', 'load-balancer', 'switch', 'server',
                                                       'nameserver', 'registryd-node')),
    site_id           INTEGER NOT NULL REFERENCES monitor_sites(id),
    address           TEXT    NOT NULL DEFAULT '',        -- management address, empty when none
    enabled           INTEGER NOT NULL DEFAULT 1,
    snmp_version      TEXT    CHECK (snmp_version IN ('2c', '3')),   -- NULL: not polled over SNMP
    snmp_port         INTEGER NOT NULL DEFAULT 161,
    snmp_user         TEXT    NOT NULL DEFAULT '',
    snmp_level        TEXT    NOT NULL DEFAULT 'authPriv',
    snmp_auth         TEXT    NOT NULL DEFAULT 'SHA',
    snmp_priv         TEXT    NOT NULL DEFAULT 'AES',
    community_sealed  BLOB,
    auth_sealed       BLOB,
    priv_sealed       BLOB,
    interval_secs     INTEGER NOT NULL DEFAULT 300,
    timeout_ms        INTEGER NOT NULL DEFAULT 2000,
    retries           INTEGER NOT NULL DEFAULT 1,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX monitor_devices_site ON monitor_devices(site_id);

-- What a device depends on to be reachable (the alarm engine suppresses alarms behind a failed
-- parent). Cycles are refused by the inventory before a row is written.
CREATE TABLE monitor_device_parents (
    device_id  INTEGER NOT NULL REFERENCES monitor_devices(id) ON DELETE CASCADE,
    parent_id  INTEGER NOT NULL REFERENCES monitor_devices(id),
    PRIMARY KEY (device_id, parent_id),
    CHECK (device_id <> parent_id)
);
CREATE INDEX monitor_device_parents_parent ON monitor_device_parents(parent_id);

CREATE TABLE monitor_interfaces (
    id         INTEGER PRIMARY KEY,
    device_id  INTEGER NOT NULL REFERENCES monitor_devices(id) ON DELETE CASCADE,
    if_index   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    speed_bps  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (device_id, if_index),
    UNIQUE (device_id, name)
);

-- Interface to interface, or device to device when the interfaces are not known.
CREATE TABLE monitor_links (
    id              INTEGER PRIMARY KEY,
    a_device_id     INTEGER NOT NULL REFERENCES monitor_devices(id) ON DELETE CASCADE,
    a_interface_id  INTEGER REFERENCES monitor_interfaces(id) ON DELETE SET NULL,
    b_device_id     INTEGER NOT NULL REFERENCES monitor_devices(id) ON DELETE CASCADE,
    b_interface_id  INTEGER REFERENCES monitor_interfaces(id) ON DELETE SET NULL,
    capacity_bps    INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    CHECK (a_device_id <> b_device_id)
);
CREATE INDEX monitor_links_a ON monitor_links(a_device_id);
CREATE INDEX monitor_links_b ON monitor_links(b_device_id);

-- Where the console draws each device on the topology map; saved by the console.
CREATE TABLE monitor_map_positions (
    device_id   INTEGER PRIMARY KEY REFERENCES monitor_devices(id) ON DELETE CASCADE,
    x           REAL    NOT NULL,
    y           REAL    NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- The placeholder tables of migration 1 held the demo topology without SNMP settings; their rows
-- move into the inventory (kinds it does not know become servers) and the tables go.
INSERT INTO monitor_sites (code, name, role, location, created_at, updated_at)
    SELECT id, name, CASE kind WHEN 'srs' THEN 'srs' WHEN 'nameserver' THEN 'nameserver' WHEN 'office' THEN 'office' ELSE 'escrow' END,
           location, created_at, created_at FROM sites;
INSERT INTO monitor_devices (name, kind, site_id, address, snmp_version, created_at, updated_at)
    SELECT d.id, CASE d.kind WHEN 'registryd' THEN 'registryd-node'
                             WHEN 'database' THEN 'server' WHEN 'tape-library' THEN 'server' ELSE d.kind END,
           s.id, d.address, NULL, d.created_at, d.created_at
    FROM devices d JOIN monitor_sites s ON s.code = d.site_id;
INSERT INTO monitor_device_parents (device_id, parent_id)
    SELECT c.id, p.id FROM devices d
    JOIN monitor_devices c ON c.name = d.id JOIN monitor_devices p ON p.name = d.parent_id;
INSERT INTO monitor_interfaces (device_id, if_index, name)
    SELECT md.id, row_number() OVER (PARTITION BY md.id ORDER BY e.iface), e.iface FROM (
        SELECT a_device AS dev, a_interface AS iface FROM links UNION SELECT b_device, b_interface FROM links) e
    JOIN monitor_devices md ON md.name = e.dev;
INSERT INTO monitor_links (a_device_id, a_interface_id, b_device_id, b_interface_id, capacity_bps, created_at)
    SELECT a.id, ai.id, b.id, bi.id, l.speed_bps, a.created_at FROM links l
    JOIN monitor_devices a ON a.name = l.a_device JOIN monitor_devices b ON b.name = l.b_device
    LEFT JOIN monitor_interfaces ai ON ai.device_id = a.id AND ai.name = l.a_interface
    LEFT JOIN monitor_interfaces bi ON bi.device_id = b.id AND bi.name = l.b_interface
    WHERE a.id <> b.id;
DROP TABLE links;
DROP TABLE devices;
DROP TABLE sites;
)sql"},
    {6, "monitoring: alarms with their history and acknowledgements, maintenance windows", R"sql(
-- Alarms are operational state of this site (never journalled). Ids are handed out by the alarm
-- engine. A subject (device, component) has at most one active alarm.
CREATE TABLE alarms (
    id             INTEGER PRIMARY KEY,
    device_id      TEXT    NOT NULL,          -- no foreign key: the history outlives a removed device
    component      TEXT    NOT NULL DEFAULT '',
    severity       TEXT    NOT NULL CHECK (severity IN ('warning', 'minor', 'major', 'critical')),
    cause          TEXT    NOT NULL,
    raised_at      INTEGER NOT NULL,
    cleared_at     INTEGER,
    state          TEXT    NOT NULL CHECK (state IN ('active', 'cleared')),
    suppressed_by  TEXT    NOT NULL DEFAULT '',   -- root-cause device when unreachable behind it
    in_maintenance INTEGER NOT NULL DEFAULT 0 CHECK (in_maintenance IN (0, 1))
);
CREATE UNIQUE INDEX alarms_active ON alarms(device_id, component) WHERE state = 'active';
CREATE INDEX alarms_device ON alarms(device_id, raised_at);

-- Every change to an alarm, in order: raised, escalated, acknowledged, suppressed, cleared ...
CREATE TABLE alarm_events (
    id       INTEGER PRIMARY KEY,
    alarm_id INTEGER NOT NULL REFERENCES alarms(id) ON DELETE CASCADE,
    at       INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    severity TEXT    NOT NULL,
    actor    TEXT    NOT NULL DEFAULT '',
    detail   TEXT    NOT NULL DEFAULT '',
    notified INTEGER NOT NULL CHECK (notified IN (0, 1))
);
CREATE INDEX alarm_events_alarm ON alarm_events(alarm_id, id);
CREATE INDEX alarm_events_at ON alarm_events(at);

-- Who acknowledged what and until when; the open one (ended_at NULL) is the alarm's current one.
CREATE TABLE alarm_acknowledgements (
    id              INTEGER PRIMARY KEY,
    alarm_id        INTEGER NOT NULL REFERENCES alarms(id) ON DELETE CASCADE,
    acknowledged_by TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    comment         TEXT    NOT NULL DEFAULT '',
    expires_at      INTEGER,
    ended_at        INTEGER,
    ended_reason    TEXT                          -- expired, worsened, withdrawn, replaced, cleared
);
CREATE INDEX alarm_acknowledgements_alarm ON alarm_acknowledgements(alarm_id, ended_at);

-- Planned downtime, kept after it ends for the SLA. Recurring windows repeat the first occurrence
-- (starts_at .. ends_at) daily or on the listed weekdays (1 = Monday) until until_date;
-- last_end_at bounds every occurrence (NULL: recurs for ever), so "windows overlapping a range" is
-- an index range.
CREATE TABLE maintenance_windows (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL DEFAULT '',
    created_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    recurrence  TEXT    NOT NULL CHECK (recurrence IN ('none', 'daily', 'weekly')),
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL,
    weekdays    TEXT    NOT NULL DEFAULT '',
    until_date  TEXT,
    last_end_at INTEGER
);
CREATE INDEX maintenance_windows_time ON maintenance_windows(last_end_at, starts_at);
CREATE TABLE maintenance_window_scope (
    window_id INTEGER NOT NULL REFERENCES maintenance_windows(id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL CHECK (kind IN ('device', 'site')),
    target_id TEXT    NOT NULL,
    PRIMARY KEY (window_id, kind, target_id)
) WITHOUT ROWID;
CREATE INDEX maintenance_window_scope_target ON maintenance_window_scope(kind, target_id);
)sql"},
    {7, "monitoring: the SNMP trap log", R"sql(
-- Every trap and inform the receiver accepted (seed 001: the trap log), with the alarm event it
-- mapped to. Operational state of this site, not registry data: never journalled. Times are
-- milliseconds since the epoch, UTC. Pruned by age and bounded in rows by the trap log itself.
CREATE TABLE monitor_trap_log (
    id            INTEGER PRIMARY KEY,
    received_at   INTEGER NOT NULL,
    source        TEXT    NOT NULL,
    version       TEXT    NOT NULL CHECK (version IN ('2c', '3')),
    security_name TEXT    NOT NULL DEFAULT '',
    trap_oid      TEXT    NOT NULL,
    varbinds      TEXT    NOT NULL DEFAULT '',
    inform        INTEGER NOT NULL DEFAULT 0,
    event         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX monitor_trap_log_time ON monitor_trap_log(received_at);
CREATE INDEX monitor_trap_log_source ON monitor_trap_log(source, received_at);
)sql"},
    {8, "monitoring: service probe results", R"sql(
-- One row per probe of a service at a site (engine/monitor): the raw material of SLA availability
-- and processing-time figures. Operational data of this site: never journalled or replicated.
-- rtt_us and the phase times (a JSON object of name -> microseconds) are microseconds; error_kind
-- is empty on success, else refused, timeout, tls, login-refused, wrong-answer, network or config;
-- detail is a JSON object (SOA serials, HTTP status, EPP code).
CREATE TABLE probe_results (
    id          INTEGER PRIMARY KEY,
    service     TEXT NOT NULL,
    site        TEXT NOT NULL,
    target      TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
    rtt_us      INTEGER NOT NULL,
    phases      TEXT NOT NULL DEFAULT '{}',
    error_kind  TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX probe_results_service_time ON probe_results(service, started_at);
-- Pruning deletes the oldest rows of every service.
CREATE INDEX probe_results_time ON probe_results(started_at);
)sql"},
    {9, "monitoring: SNMP poll samples for the device charts", R"sql(
-- One row per SNMP poll (operational state of this site, never journalled). interfaces is a JSON
-- array of {ifIndex, inBps, outBps, utilisationPercent}, disks of {mount, usedPercent}. Pruned by
-- age in bounded batches.
CREATE TABLE monitor_samples (
    id          INTEGER PRIMARY KEY,
    device_id   INTEGER NOT NULL,
    at_ms       INTEGER NOT NULL,
    reachable   INTEGER NOT NULL CHECK (reachable IN (0, 1)),
    rtt_ms      INTEGER,
    cpu         REAL,
    memory      REAL,
    interfaces  TEXT NOT NULL DEFAULT '[]',
    disks       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX monitor_samples_device_time ON monitor_samples(device_id, at_ms);
CREATE INDEX monitor_samples_time ON monitor_samples(at_ms);
)sql"},
    {10, "monitoring: maintenance windows ended early, cleared alarms by time", R"sql(
-- A person may end a maintenance window before its planned end, or cancel it before it starts
-- (milliseconds since the epoch, UTC). The row stays: the SLA excludes the downtime that was
-- planned and used. last_end_at is lowered to it, so range queries keep using the index.
ALTER TABLE maintenance_windows ADD COLUMN ended_at INTEGER;
-- The management API lists cleared alarms newest first (GET /api/v1/monitor/alarms?state=cleared).
CREATE INDEX alarms_cleared ON alarms(cleared_at) WHERE state = 'cleared';
)sql"},
};

} // namespace

int Migrations::latestVersion()
{
    return std::end(migrations)[-1].version;
}

Result<int> Migrations::apply(Connection &connection)
{
    Result<QVariant> current = connection.queryValue(QStringLiteral("PRAGMA user_version"));
    if (!current)
        return current.error();
    int version = current->toInt();
    if (version > latestVersion()) {
        return Error(ErrorCode::Corrupt,
                     QStringLiteral("%1 has schema version %2, newer than this registryd understands (%3); "
                                    "run the registryd that wrote it, or a newer one")
                         .arg(connection.path()).arg(version).arg(latestVersion()));
    }
    for (const Migration &m : migrations) {
        if (m.version <= version)
            continue;
        if (auto r = connection.exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
            return r.error();
        Result<void> step = connection.exec(QString::fromUtf8(m.sql));
        if (step)
            step = connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version));
        if (!step) {
            (void)connection.exec(QStringLiteral("ROLLBACK"));
            return step.error().withContext(QStringLiteral("schema migration %1 (%2): ").arg(m.version).arg(QString::fromUtf8(m.description)));
        }
        if (auto r = connection.exec(QStringLiteral("COMMIT")); !r)
            return r.error();
        qCInfo(lcStore, "applied schema migration %d: %s", m.version, m.description);
        version = m.version;
    }
    return version;
}

} // namespace reg::store
