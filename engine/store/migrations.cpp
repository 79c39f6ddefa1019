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
