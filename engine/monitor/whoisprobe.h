#pragma once

#include "monitor/proberun.h"

#include <QByteArray>

class QTcpSocket;

namespace reg::monitor {

// Whois (RFC 3912) as the public uses it: TCP connect ("connect"), the query for a known name,
// and the whole answer, which ends when the server closes the connection ("answer"). An empty
// answer, one that does not name the domain, or one over MaxAnswerBytes is a WrongAnswer.
// Lives on the scheduler's thread.
class WhoisProbe final : public ProbeRun
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxAnswerBytes = 256 * 1024;

    WhoisProbe(ProbeTarget target, QString domain, const Clock &clock, QObject *parent = nullptr);

private:
    void begin() override;
    void abortIo() override;
    void onClosed();

    QString m_domain;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_answer;
};

} // namespace reg::monitor
