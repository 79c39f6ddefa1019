#pragma once

#include "demodata.h"

#include "core/result.h"
#include "store/writer.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace reg::setup {

// Writes the objects `registryd init` starts a registry with (TLDs, the demo data set) through the
// store writer, each object as its own work item with its own journal entry (actor "setup",
// kinds like "domain.create"), so the journal tells the full story of the registry from its first
// entry. Items are submitted in dependency order and many at a time, so the writer's group commit
// turns hundreds of objects into a handful of fsyncs.
//
// Blocking: runs a local event loop while the writer works, so call it from a thread that has a
// QCoreApplication (init, tests) and nothing else running on it. Holds only a reference to the writer.
class RegistrySeeder
{
public:
    static constexpr const char actor[] = "setup";

    // The price list every TLD starts with, in cents (per year; restore is flat). The operator
    // changes it later; the README lists these defaults.
    struct Price
    {
        const char *operation;
        qint64 cents;
    };
    static constexpr Price defaultPrices[] = {
        {"create", 800}, {"renew", 800}, {"autoRenew", 800}, {"transfer", 800}, {"restore", 4000}};

    RegistrySeeder(store::Writer &writer, QDateTime now) : m_writer(writer), m_now(std::move(now)) {}

    // An LDH label of 1-63 characters, lower case, not starting or ending with '-'.
    static bool isValidTldName(const QString &tld);

    // Each TLD with the default price list.
    Result<void> createTlds(const QStringList &tlds);
    // Also raises the ROID counters past the demo objects' numbers. The demo network's SNMP secrets
    // are sealed under monitorKeyFile (created if missing).
    Result<void> loadDemoData(const DemoDataSet &data, const QString &monitorKeyFile);

    int journalEntriesWritten() const { return m_entries; }

private:
    Result<void> submitBatch(QList<store::WriteWork> work);

    store::Writer &m_writer;
    QDateTime m_now;
    int m_entries = 0;
};

} // namespace reg::setup
