#pragma once

#include "monitor/proberun.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QMap>

class QTcpSocket;
class QUdpSocket;

namespace reg::monitor {

// The name server as resolvers see it: an SOA query for each TLD zone, over UDP or over TCP
// (RFC 7766 framing, all queries on one connection). Every answer must be NOERROR, authoritative
// (AA), for the question asked, with the zone's SOA in the answer section; the serials go into
// detail.serials (zone -> serial). Phases: "connect" (TCP only) and "answer" (the last one in).
// Queries are built with the engine's MessageWriter and answers read with its hostile-input-safe
// decoder. UDP datagrams from any other address or with an unknown id are ignored, not trusted.
// Lives on the scheduler's thread.
class DnsProbe final : public ProbeRun
{
    Q_OBJECT
public:
    DnsProbe(ProbeTarget target, QStringList zones, const Clock &clock, QObject *parent = nullptr);
    ~DnsProbe() override;

private:
    void begin() override;
    void abortIo() override;
    bool buildQueries();
    void onUdpReadyRead();
    void onTcpReadyRead();
    // Checks one answer: fails the probe when it is wrong; over UDP a packet that is not an answer
    // to one of our queries is dropped instead (anyone can send datagrams).
    void onAnswer(const QByteArray &packet);

    QStringList m_zones;
    QHash<quint16, QString> m_pending;          // query id -> zone
    QList<QByteArray> m_queries;
    QMap<QString, qint64> m_serials;
    QHostAddress m_address;
    QUdpSocket *m_udp = nullptr;
    QTcpSocket *m_tcp = nullptr;
    QByteArray m_tcpBuffer;
};

} // namespace reg::monitor
