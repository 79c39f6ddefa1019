#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace reg::daemon {

// Turns SIGTERM and SIGINT into a Qt signal on the thread that owns the watcher. The handler only
// writes the signal number to a socketpair (async-signal-safe); a QSocketNotifier reads it on the
// event loop, where it is safe to shut down. Also ignores SIGPIPE, which a peer closing a TLS
// connection mid-write would otherwise deliver. One per process; owned by the composition root.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;   // restores the default dispositions

    bool isValid() const { return m_notifier != nullptr; }
    static QString signalName(int signal);

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    void readSignals();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace reg::daemon
