#include "monitor/whoisprobe.h"

#include <QTcpSocket>

namespace reg::monitor {

WhoisProbe::WhoisProbe(ProbeTarget target, QString domain, const Clock &clock, QObject *parent)
    : ProbeRun(std::move(target), clock, parent), m_domain(std::move(domain))
{
}

void WhoisProbe::begin()
{
    if (m_domain.isEmpty()) {
        fail(ProbeErrorKind::Config, QStringLiteral("no domain to look up is configured"));
        return;
    }
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        markPhase(QStringLiteral("connect"));
        setStep(QStringLiteral("the answer"));
        m_socket->write(m_domain.toUtf8() + "\r\n");
    });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_answer += m_socket->read(MaxAnswerBytes + 1 - m_answer.size());
        if (m_answer.size() > MaxAnswerBytes)
            fail(ProbeErrorKind::WrongAnswer, QStringLiteral("the answer is longer than %1 bytes").arg(MaxAnswerBytes));
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return;   // the end of the answer: disconnected() follows
        fail(kindOf(error), QStringLiteral("Whois at %1: %2").arg(target().address(), m_socket->errorString()));
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &WhoisProbe::onClosed);
    setStep(QStringLiteral("the connection"));
    m_socket->connectToHost(target().host, target().port);
}

void WhoisProbe::onClosed()
{
    if (finished())
        return;
    m_answer += m_socket->readAll().left(MaxAnswerBytes + 1 - m_answer.size());
    markPhase(QStringLiteral("answer"));
    QJsonObject detail{{QStringLiteral("bytes"), qint64(m_answer.size())}};
    if (m_answer.trimmed().isEmpty())
        return fail(ProbeErrorKind::WrongAnswer, QStringLiteral("the server closed the connection without an answer"), detail);
    if (!QString::fromUtf8(m_answer).contains(m_domain, Qt::CaseInsensitive))
        return fail(ProbeErrorKind::WrongAnswer, QStringLiteral("the answer does not name %1").arg(m_domain), detail);
    succeed(detail);
}

void WhoisProbe::abortIo()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

} // namespace reg::monitor
