#include "monitor/proberun.h"

namespace reg::monitor {

ProbeRun::ProbeRun(ProbeTarget target, const Clock &clock, QObject *parent)
    : QObject(parent), m_target(std::move(target)), m_clock(clock)
{
    m_deadline.setSingleShot(true);
    // A coarse timer may fire up to 5 % early, which would cut a slow answer short of its deadline.
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(ProbeErrorKind::Timeout, QStringLiteral("no answer from %1 within %2 ms%3")
                                          .arg(m_target.address())
                                          .arg(m_target.timeoutMs)
                                          .arg(m_step.isEmpty() ? QString() : QStringLiteral(" (waiting for ") + m_step + u')'),
             QJsonObject{{QStringLiteral("step"), m_step}});
    });
}

ProbeRun::~ProbeRun() = default;

void ProbeRun::start(Done done)
{
    m_done = std::move(done);
    m_result.service = m_target.service;
    m_result.site = m_target.site;
    m_result.target = m_target.address();
    m_result.startedAt = m_clock.now();
    m_stopwatch.start();
    m_deadline.start(std::max(1, m_target.timeoutMs));
    begin();
}

void ProbeRun::markPhase(const QString &name)
{
    if (m_finished)
        return;
    const qint64 now = m_stopwatch.nsecsElapsed();
    m_result.phases.append({name, (now - m_phaseStartNs) / 1000});
    m_phaseStartNs = now;
}

void ProbeRun::succeed(QJsonObject detail)
{
    finish(true, ProbeErrorKind::None, {}, std::move(detail));
}

void ProbeRun::fail(ProbeErrorKind kind, const QString &message, QJsonObject detail)
{
    finish(false, kind, message, std::move(detail));
}

void ProbeRun::finish(bool ok, ProbeErrorKind kind, const QString &message, QJsonObject detail)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_result.totalMicros = m_stopwatch.nsecsElapsed() / 1000;
    m_result.ok = ok;
    m_result.errorKind = kind;
    m_result.error = message;
    m_result.detail = std::move(detail);
    abortIo();
    if (m_done)
        m_done(m_result);
}

ProbeErrorKind ProbeRun::kindOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ProbeErrorKind::Refused;
    case QAbstractSocket::SocketTimeoutError:
        return ProbeErrorKind::Timeout;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return ProbeErrorKind::Tls;
    default:
        return ProbeErrorKind::Network;
    }
}

} // namespace reg::monitor
