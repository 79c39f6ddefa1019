#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace noc {

// The console's picture of the engine's status, built from the status document (GET /status and
// the event stream's hello) and kept current by service, journal and heartbeat events.
// Everything it is given came over the network, so it is checked: message size, JSON shape, field
// types, string lengths and the number of services are capped; what does not fit is refused with a
// reason and leaves the picture unchanged. A plain value type; used on the GUI thread.
class StatusTracker
{
public:
    static constexpr qsizetype maxMessageBytes = 1024 * 1024;
    static constexpr int maxServices = 64;
    static constexpr int maxNameLength = 64;
    static constexpr int maxTextLength = 1024;

    // One event-stream message: a JSON object with a string "type". nullopt and *error otherwise.
    static std::optional<QJsonObject> decodeEvent(QByteArrayView utf8, QString *error);

    // Replaces the picture with a status document; false (and no change) if it is malformed.
    bool setStatus(const QJsonObject &status, QString *error = nullptr);
    // Applies one event; true when the picture changed. Unknown event types change nothing.
    bool applyEvent(const QJsonObject &event);

    const QJsonObject &status() const { return m_status; }
    void clear() { m_status = {}; }

private:
    QJsonObject m_status;
};

} // namespace noc
