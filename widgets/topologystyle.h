#pragma once

#include "topologysnapshot.h"

#include <QBrush>
#include <QCoreApplication>
#include <QColor>
#include <QList>
#include <QPen>
#include <QString>

#include <chrono>
#include <optional>

namespace noc {

// How the topology map turns states into colours and words: device fills per status (built on
// StatusPalette so the map agrees with the rest of the console), link colours per utilisation band,
// the staleness rule, and the translated names. Pens and brushes are built once and shared, so
// painting allocates nothing. GUI thread (the shared pens are not guarded).
class TopologyStyle
{
    Q_DECLARE_TR_FUNCTIONS(noc::TopologyStyle)
public:
    enum class UtilisationBand { Low, Medium, High, Saturated, Unknown };
    static constexpr int UtilisationBandCount = 5;

    // The status drawn, after staleness: a device not polled recently is never shown healthy.
    static QColor deviceFill(DeviceStatus status);
    static QColor staleFill();
    static QColor deviceFill(DeviceStatus status, bool stale) { return stale ? staleFill() : deviceFill(status); }
    static const QBrush &deviceBrush(DeviceStatus status, bool stale);
    static QColor deviceOutline(DeviceStatus status, bool stale);

    // Stale when not polled within two polling intervals of now (or never polled).
    static bool isStale(const QDateTime &lastPolled, const QDateTime &now, std::chrono::milliseconds pollInterval);

    static UtilisationBand band(std::optional<double> utilisationPercent);
    static QColor linkColour(UtilisationBand band);
    static const QPen &linkPen(UtilisationBand band);   // cosmetic; Unknown is dashed

    static QString statusName(DeviceStatus status);
    static QString kindName(DeviceKind kind);
    static QString bandName(UtilisationBand band);      // "< 50 %", "unknown"

    struct LegendEntry
    {
        QString label;
        QColor colour;
        bool dashed = false;
    };
    static QList<LegendEntry> linkLegend();
    static QList<LegendEntry> deviceLegend();
};

} // namespace noc
