#pragma once

#include "common/enginefixture.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTcpSocket>

// Real Whois and RDAP traffic for the directory page's tests: RFC 3912 over a fresh TCP connection
// per query (as Whois clients do), and curl over HTTPS against the fixture's CA.
namespace directorytest {

// The whole answer (the server closes the connection after it); empty when nothing came back.
inline QByteArray whoisQuery(quint16 port, const QByteArray &query)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(10000))
        return {};
    socket.write(query + "\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer;
}

// The HTTP status curl saw, or 0 when no answer arrived.
inline int rdapQuery(const testsupport::EngineFixture &engine, quint16 port, const QString &path)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                        QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("--max-time"),
                                        QStringLiteral("10"), QStringLiteral("--cacert"), engine.caCertificateFile(),
                                        QStringLiteral("https://127.0.0.1:%1%2").arg(port).arg(path)});
    if (!curl.waitForFinished(30000) || curl.exitStatus() != QProcess::NormalExit)
        return 0;
    return curl.readAllStandardOutput().trimmed().toInt();
}

} // namespace directorytest
