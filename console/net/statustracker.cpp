#include "statustracker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace noc {
namespace {

bool isShortString(const QJsonValue &value, int maxLength)
{
    return value.isString() && value.toString().size() <= maxLength;
}

// A service entry as the status document and service events carry it.
bool isValidService(const QJsonObject &service, QString *error)
{
    const QJsonValue name = service.value(u"name"_s);
    if (!name.isString() || name.toString().isEmpty() || name.toString().size() > StatusTracker::maxNameLength) {
        *error = u"a service without a valid name"_s;
        return false;
    }
    for (const QString &key : {u"state"_s, u"listen"_s, u"detail"_s, u"since"_s}) {
        const QJsonValue value = service.value(key);
        if (!value.isUndefined() && !value.isNull() && !isShortString(value, StatusTracker::maxTextLength)) {
            *error = u"service %1 has an invalid \"%2\""_s.arg(name.toString(), key);
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<QJsonObject> StatusTracker::decodeEvent(QByteArrayView utf8, QString *error)
{
    if (utf8.size() > maxMessageBytes) {
        *error = u"event of %1 bytes is over the %2-byte limit"_s.arg(utf8.size()).arg(maxMessageBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"event is not a JSON object: %1"_s.arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject event = document.object();
    if (!isShortString(event.value(u"type"_s), maxNameLength) || event.value(u"type"_s).toString().isEmpty()) {
        *error = u"event has no \"type\""_s;
        return std::nullopt;
    }
    return event;
}

bool StatusTracker::setStatus(const QJsonObject &status, QString *error)
{
    QString problem;
    const QJsonValue services = status.value(u"services"_s);
    if (!services.isArray())
        problem = u"the status has no services list"_s;
    else if (services.toArray().size() > maxServices)
        problem = u"the status lists %1 services, more than %2"_s.arg(services.toArray().size()).arg(maxServices);
    for (const QJsonValue &service : services.toArray()) {
        if (!problem.isEmpty())
            break;
        if (!service.isObject())
            problem = u"a service entry is not an object"_s;
        else
            isValidService(service.toObject(), &problem);
    }
    if (problem.isEmpty() && !status.value(u"journal"_s).isObject())
        problem = u"the status has no journal"_s;
    for (const QString &key : {u"version"_s, u"site"_s}) {
        if (problem.isEmpty() && !isShortString(status.value(key), maxTextLength))
            problem = u"the status has an invalid \"%1\""_s.arg(key);
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_status = status;
    return true;
}

bool StatusTracker::applyEvent(const QJsonObject &event)
{
    const QString type = event.value(u"type"_s).toString();
    if (type == u"hello")
        return setStatus(event.value(u"status"_s).toObject());

    if (type == u"service") {
        QJsonObject service = event;
        service.remove(u"type"_s);
        QString error;
        if (!isValidService(service, &error))
            return false;
        const QString name = service.value(u"name"_s).toString();
        QJsonArray services = m_status.value(u"services"_s).toArray();
        qsizetype row = 0;
        while (row < services.size() && services.at(row).toObject().value(u"name"_s).toString() != name)
            ++row;
        if (row < services.size())
            services.replace(row, service);
        else if (services.size() < maxServices)
            services.append(service);
        else
            return false;
        m_status.insert(u"services"_s, services);
        return true;
    }

    if (type == u"journal" || type == u"heartbeat") {
        const QJsonValue head = type == u"journal" ? event.value(u"seq"_s) : event.value(u"journalHead"_s);
        QJsonObject journal = m_status.value(u"journal"_s).toObject();
        if (!head.isDouble() || head.toDouble() < 0 || head.toDouble() == journal.value(u"head"_s).toDouble())
            return false;
        journal.insert(u"head"_s, head);
        // Events do not carry the new entry's hash (and heartbeats not its time): drop what
        // described the old head rather than show it against the new one.
        journal.remove(u"headHash"_s);
        journal.remove(u"headTime"_s);
        if (type == u"journal" && isShortString(event.value(u"time"_s), maxNameLength))
            journal.insert(u"headTime"_s, event.value(u"time"_s));
        m_status.insert(u"journal"_s, journal);
        return true;
    }
    return false;
}

} // namespace noc
