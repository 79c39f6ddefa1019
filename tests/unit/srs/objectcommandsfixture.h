#pragma once

// A real registry database for the contact and host command tests: a migrated SQLite file in a
// temporary directory, a ManualClock, two registrars, the TLD "example", and helpers to add the
// domains and links those commands depend on with plain SQL.
#include "srs/srscontext.h"
#include "srs/srswrite.h"

#include "store/store.h"

#include "core/clock.h"
#include "core/srspolicy.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace testing {

class ObjectCommandsFixture
{
public:
    ObjectCommandsFixture()
    {
        policy.tlds = {QStringLiteral("example")};
        policy.allowDocumentationAddresses = true;
        policy.transferPendingSecs = 5 * 86400;
    }

    bool open()
    {
        if (!dir.isValid())
            return false;
        auto opened = reg::store::Store::open({dir.filePath(QStringLiteral("registry.db")), 256, true}, clock);
        if (!opened)
            return false;
        store = std::move(*opened);
        auto r = store->openReader();
        if (!r)
            return false;
        reader = std::move(*r);
        const qint64 now = clock.now().toMSecsSinceEpoch();
        return sql(QStringLiteral("INSERT INTO tlds (name, created_at) VALUES ('example', ?1)"), {now})
            && sql(QStringLiteral("INSERT INTO registrars (id, name, created_at) VALUES ('rar-a', 'Registrar A', ?1), "
                                  "('rar-b', 'Registrar B', ?1), ('rar-c', 'Registrar C', ?1)"),
                   {now})
            // The registrant every test domain points at (domains.registrant_roid is NOT NULL).
            && sql(QStringLiteral("INSERT INTO contacts (roid, id, registrar_id, name, created_at, updated_at) "
                                  "VALUES ('C999999-REG', 'fixture-owner', 'rar-a', 'Owner', ?1, ?1)"),
                   {now});
    }

    reg::srs::RequestContext ctx(const QString &registrar) const
    {
        reg::srs::RequestContext c;
        c.registrarId = registrar;
        c.userId = registrar + QStringLiteral("-user");
        c.clientTransactionId = QStringLiteral("cl-1");
        c.serverTransactionId = QStringLiteral("sv-1");
        c.policy = &policy;
        c.clock = &clock;
        return c;
    }

    // Plain SQL on the writer thread, outside the journal (test setup only).
    bool sql(const QString &statement, const QVariantList &params = {})
    {
        auto receipt = store->writer().submitAndWait([&](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
            if (auto r = c.execute(statement, params); !r)
                return r.error();
            return std::optional<reg::store::JournalChange>();
        });
        if (!receipt)
            qWarning("fixture sql failed: %s", qPrintable(receipt.error().message));
        return receipt.ok();
    }

    QVariant value(const QString &query, const QVariantList &params = {})
    {
        auto v = reader->queryValue(query, params);
        return v ? *v : QVariant();
    }
    qint64 count(const QString &table) { return value(QStringLiteral("SELECT count(*) FROM ") + table).toLongLong(); }
    qint64 journalHead() const { return store->writer().journalHead(); }

    // The last journal entry's kind, object and data.
    QString lastKind() { return value(QStringLiteral("SELECT kind FROM journal ORDER BY seq DESC LIMIT 1")).toString(); }
    QString lastObject() { return value(QStringLiteral("SELECT object FROM journal ORDER BY seq DESC LIMIT 1")).toString(); }
    QString lastData() { return value(QStringLiteral("SELECT data FROM journal ORDER BY seq DESC LIMIT 1")).toString(); }

    bool addDomain(const QString &name, const QString &registrar, const QString &roid, const QString &statuses = QStringLiteral("ok"))
    {
        const qint64 now = clock.now().toMSecsSinceEpoch();
        return sql(QStringLiteral("INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, statuses, created_at, "
                                  "updated_at, expires_at) VALUES (?1, ?2, 'example', ?3, 'C999999-REG', ?4, ?5, ?5, ?6)"),
                   {roid, name, registrar, statuses, now, now + 365LL * 86400 * 1000});
    }

    template<typename T>
    reg::srs::SrsOutcome<T> write(reg::srs::WriteCommand<T> command)
    {
        return reg::srs::runWrite(store->writer(), std::move(command));
    }

    QTemporaryDir dir;
    reg::ManualClock clock;
    reg::SrsPolicy policy;
    std::unique_ptr<reg::store::Store> store;
    std::unique_ptr<reg::store::Connection> reader;
};

// The parts of the database a refused command must leave alone.
struct Snapshot
{
    qint64 head = 0;
    QList<qint64> counts;
    static Snapshot of(ObjectCommandsFixture &f)
    {
        Snapshot s;
        s.head = f.journalHead();
        for (const char *table : {"contacts", "hosts", "host_addresses", "transfers", "poll_messages", "roid_counters"})
            s.counts << f.count(QString::fromLatin1(table));
        s.counts << f.value(QStringLiteral("SELECT total(length(statuses)) + total(length(name)) FROM hosts")).toLongLong();
        s.counts << f.value(QStringLiteral("SELECT total(updated_at) FROM contacts")).toLongLong();
        return s;
    }
    friend bool operator==(const Snapshot &a, const Snapshot &b) { return a.head == b.head && a.counts == b.counts; }
};

} // namespace testing
