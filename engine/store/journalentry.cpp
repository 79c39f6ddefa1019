#include "journalentry.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

namespace reg::store {
namespace {

// Length-prefixed fields, so no two different entries can encode to the same bytes.
void addField(QCryptographicHash &hash, QByteArrayView field)
{
    const quint64 length = qToBigEndian(quint64(field.size()));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&length), sizeof length));
    hash.addData(field);
}

} // namespace

QByteArray journalGenesisHash()
{
    static const QByteArray genesis = QCryptographicHash::hash("registry-journal-genesis-v1", QCryptographicHash::Sha256);
    return genesis;
}

QByteArray JournalEntry::computeHash(qint64 sequence, const QDateTime &time, const JournalChange &change,
                                     const QByteArray &prevHash)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return computeHash(sequence, time, change, QJsonDocument(change.data).toJson(QJsonDocument::Compact), prevHash);
}

QByteArray JournalEntry::computeHash(qint64 sequence, const QDateTime &time, const JournalChange &change,
                                     const QByteArray &compactData, const QByteArray &prevHash)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, "registry-journal-v1");
    addField(hash, QByteArray::number(sequence));
    addField(hash, QByteArray::number(time.toMSecsSinceEpoch()));
    addField(hash, change.actor.toUtf8());
    addField(hash, change.kind.toUtf8());
    addField(hash, change.object.toUtf8());
    addField(hash, compactData);
    addField(hash, prevHash);
    return hash.result();
}

} // namespace reg::store
