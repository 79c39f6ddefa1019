#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointF>
#include <QString>

class QTimer;

namespace noc {

// Saves where the operator dragged devices on the topology map, without a request per drag: moves
// are collected and sent as one POST /api/v1/monitor/layout body once the map has been still for
// the debounce time, one save at a time. A failed save keeps its positions (the map keeps showing
// them) and sends them again with the next move, under any newer position of the same device.
// GUI thread; a child of TopologyPage, which sends the body and reports the answer.
class LayoutSaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultDebounceMsecs = 1500;
    static constexpr int MaxPositions = 10000;   // the API's limit per request

    explicit LayoutSaver(QObject *parent = nullptr);

    void setDebounce(int msecs);
    // Device centres by device name (the API's key), as the map reported them.
    void add(const QHash<QString, QPointF> &positions);
    // The answer to the last saveRequested body.
    void finished(bool saved);
    void reset();                       // a new engine: nothing to save there
    bool isSaving() const { return m_saving; }
    bool hasUnsaved() const { return !m_unsaved.isEmpty(); }

    static QJsonObject body(const QHash<QString, QPointF> &positions);

Q_SIGNALS:
    void saveRequested(const QJsonObject &body);

private:
    void save();

    QTimer *m_debounce;
    QHash<QString, QPointF> m_unsaved;
    QHash<QString, QPointF> m_sending;
    bool m_saving = false;
};

} // namespace noc
