#include "blockingeppclient.h"

#include <QEventLoop>

#include <optional>

namespace reg::xrpclienttool {

Result<QByteArray> BlockingEppClient::open(const xrpclient::EppClientEndpoint &endpoint)
{
    QEventLoop loop;
    QObject::connect(&m_connection, &xrpclient::EppClientConnection::greetingReceived, &loop, &QEventLoop::quit);
    QObject::connect(&m_connection, &xrpclient::EppClientConnection::failed, &loop, [this, &loop](const QString &message) {
        m_failure = message;
        loop.quit();
    });
    if (Result<void> opened = m_connection.open(endpoint); !opened)
        return opened.error();
    loop.exec();
    QObject::disconnect(&m_connection, nullptr, &loop, nullptr);
    if (!m_connection.hasGreeting())
        return Error(ErrorCode::Unavailable, m_failure.isEmpty() ? QStringLiteral("no greeting from the server") : m_failure);
    return m_connection.greeting();
}

Result<QByteArray> BlockingEppClient::request(const QByteArray &xml, const QString &clientTransactionId)
{
    std::optional<Result<QByteArray>> answer;
    QEventLoop loop;
    m_connection.send(xml, clientTransactionId, [&answer, &loop](Result<QByteArray> response) {
        answer = std::move(response);
        loop.quit();
    });
    // The handler may already have run (the connection was closed): then there is nothing to wait for.
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

void BlockingEppClient::close()
{
    m_connection.close();
}

} // namespace reg::xrpclienttool
