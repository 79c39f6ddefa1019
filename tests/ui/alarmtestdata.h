#pragma once

#include "ui/apichannel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Contract JSON for the alarm UI tests (the monitoring contract: alarmJson() plus "deviceName";
// alarmChangeJson() on the event stream), and an ApiChannel that records what a page asks and lets
// the test answer: the engine's alarm endpoints are built beside this page, so its tests feed the
// page the documented answers instead of a server.
namespace alarmtest {

using namespace Qt::StringLiterals;

inline QJsonObject alarm(qint64 id, const QString &severity, const QString &device = u"17"_s,
                         const QString &component = QString(), const QString &deviceName = u"core-rtr-1"_s)
{
    QJsonObject a{{u"id"_s, id},
                  {u"device"_s, device},
                  {u"component"_s, component},
                  {u"severity"_s, severity},
                  {u"state"_s, u"active"_s},
                  {u"cause"_s, u"no answer to SNMP"_s},
                  {u"summary"_s, u"no answer to SNMP"_s},
                  {u"raisedAt"_s, u"2026-11-21T22:40:05.000Z"_s},
                  {u"inMaintenance"_s, false}};
    if (!deviceName.isEmpty())
        a.insert(u"deviceName"_s, deviceName);
    return a;
}

inline QJsonObject acknowledged(QJsonObject alarm, const QString &by = u"alice"_s, const QString &comment = u"on it"_s)
{
    alarm.insert(u"acknowledgement"_s, QJsonObject{{u"by"_s, by}, {u"at"_s, u"2026-11-21T22:45:00.000Z"_s}, {u"comment"_s, comment}});
    return alarm;
}

inline QJsonObject change(const QString &kind, QJsonObject alarm, bool notify = false)
{
    if (kind == u"cleared"_s) {
        alarm.insert(u"state"_s, u"cleared"_s);
        alarm.insert(u"clearedAt"_s, u"2026-11-21T23:00:00.000Z"_s);
    }
    return QJsonObject{{u"type"_s, u"alarm"_s}, {u"change"_s, kind}, {u"at"_s, u"2026-11-21T22:50:00.000Z"_s},
                       {u"notify"_s, notify}, {u"alarm"_s, alarm}};
}

inline QJsonObject alarmList(const QJsonArray &alarms)
{
    return QJsonObject{{u"alarms"_s, alarms}};
}

struct Request
{
    QByteArray method;
    QString path;
    QJsonObject body;
    QString id;
};

class FakeApiChannel : public noc::ApiChannel
{
public:
    bool isConnected() const override { return m_connected; }
    void get(const QString &path, const QString &requestId) override { requests.append({"GET", path, {}, requestId}); }
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &requestId) override
    {
        requests.append({method, path, body, requestId});
    }

    void setConnected(bool connected)
    {
        m_connected = connected;
        Q_EMIT connectedChanged(connected);
    }
    // The newest request for exactly this method and path; nullptr if none.
    const Request *find(const QByteArray &method, const QString &path) const
    {
        for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
            if (it->method == method && it->path == path)
                return &*it;
        }
        return nullptr;
    }
    // Answers the newest request for method and path; false if the page never asked.
    bool answer(const QByteArray &method, const QString &path, int status, const QJsonObject &body)
    {
        const Request *r = find(method, path);
        if (!r)
            return false;
        const QString id = r->id;
        Q_EMIT replied(id, status, body);
        return true;
    }
    void push(const QJsonObject &event) { Q_EMIT eventReceived(event); }

    QList<Request> requests;

private:
    bool m_connected = false;
};

} // namespace alarmtest
