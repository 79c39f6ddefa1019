#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

namespace reg {

enum class ServiceState { Starting, Running, Stopping, Stopped, Failed, NotAvailable };

const char *serviceStateName(ServiceState state);

struct ServiceStatus
{
    QString name;
    ServiceState state = ServiceState::Stopped;
    QString listen;     // the address actually bound, "" when not listening
    QString detail;     // why it failed, or what it is waiting for
    QDateTime since;    // UTC, when it entered this state
};

// The one place that knows which engine services exist and what state each is in; the status API,
// /metrics and the event stream read it. Thread-safe: services on any thread report through
// setStatus(); changed() is emitted on the thread that made the change (connect queued).
class ServiceStatusBoard : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void setStatus(const QString &name, ServiceState state, const QString &listen = {}, const QString &detail = {});
    QList<ServiceStatus> snapshot() const;

Q_SIGNALS:
    void changed(const reg::ServiceStatus &status);

private:
    mutable QMutex m_mutex;
    QList<ServiceStatus> m_services;
};

} // namespace reg

Q_DECLARE_METATYPE(reg::ServiceStatus)
