#include "servicestatus.h"

namespace reg {

const char *serviceStateName(ServiceState state)
{
    switch (state) {
    case ServiceState::Starting: return "starting";
    case ServiceState::Running: return "running";
    case ServiceState::Stopping: return "stopping";
    case ServiceState::Stopped: return "stopped";
    case ServiceState::Failed: return "failed";
    case ServiceState::NotAvailable: return "not-available";
    }
    return "stopped";
}

void ServiceStatusBoard::setStatus(const QString &name, ServiceState state, const QString &listen, const QString &detail)
{
    ServiceStatus status{name, state, listen, detail, QDateTime::currentDateTimeUtc()};
    {
        QMutexLocker lock(&m_mutex);
        auto it = std::find_if(m_services.begin(), m_services.end(), [&](const ServiceStatus &s) { return s.name == name; });
        if (it == m_services.end()) {
            m_services.append(status);
        } else {
            if (it->state == state && it->listen == listen && it->detail == detail)
                return;
            *it = status;
        }
    }
    Q_EMIT changed(status);
}

QList<ServiceStatus> ServiceStatusBoard::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_services;
}

} // namespace reg
