#pragma once

#include "core/result.h"
#include "xrpclient/eppclientconnection.h"

#include <QByteArray>
#include <QString>

namespace reg::xrpclienttool {

// A one-command-at-a-time wrapper around EppClientConnection for the command-line tool and tests:
// each call runs a local event loop until its answer arrives. Never for the engine (no blocking
// there); the connection's own response time-out bounds every wait.
// Lives on the caller's thread, which must have a QCoreApplication.
class BlockingEppClient
{
public:
    BlockingEppClient() = default;

    // Connects and returns the greeting.
    Result<QByteArray> open(const xrpclient::EppClientEndpoint &endpoint);
    // Sends one command and returns the raw answer.
    Result<QByteArray> request(const QByteArray &xml, const QString &clientTransactionId = {});
    // Closes and waits (briefly) until the TLS close is on its way.
    void close();

    xrpclient::EppClientConnection &connection() { return m_connection; }

private:
    xrpclient::EppClientConnection m_connection;
    QString m_failure;
};

} // namespace reg::xrpclienttool
