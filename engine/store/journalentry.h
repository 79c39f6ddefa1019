#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace reg::store {

// What a write changed, as recorded in the journal: who did it, what kind of change, to which
// object, and the change itself. Every consumer (DNS, Whois, replication, backup, the event
// stream) works from these.
struct JournalChange
{
    QString actor;    // "admin", "registrar:rar-alpha", "setup", "system"
    QString kind;     // "<object type>.<verb>": "domain.create", "user.unlock"
    QString object;   // the object's name or id
    QJsonObject data; // the new values (never secrets: password hashes and tokens stay out)
};

// One committed journal entry. hash = SHA-256 over the entry's canonical encoding and prevHash,
// so editing, removing or reordering any entry breaks the chain from that entry on.
struct JournalEntry
{
    qint64 sequence = 0;
    QDateTime time;  // UTC, millisecond precision
    JournalChange change;
    QByteArray prevHash;
    QByteArray hash;

    static QByteArray computeHash(qint64 sequence, const QDateTime &time, const JournalChange &change,
                                  const QByteArray &prevHash);
    // The same, for a caller that already holds change.data in its compact JSON form (the writer
    // stores that form too, so it serialises once).
    static QByteArray computeHash(qint64 sequence, const QDateTime &time, const JournalChange &change,
                                  const QByteArray &compactData, const QByteArray &prevHash);
};

using JournalEntries = QList<JournalEntry>;

// The hash the first entry chains to.
QByteArray journalGenesisHash();

} // namespace reg::store

Q_DECLARE_METATYPE(reg::store::JournalEntry)
Q_DECLARE_METATYPE(reg::store::JournalEntries)
