#pragma once

#include "topologysnapshot.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace noc {

// Where every device and site of a snapshot goes. Saved positions are kept as they are; devices
// without one are put on a grid inside their site's region, never on top of another device, in
// order of device id so the same snapshot always gives the same map whatever order the API listed
// it in. Sites without a saved position are laid out in rows below any that have one.
// Pure function of its input; any thread.
class TopologyLayout
{
public:
    static constexpr qreal NodeRadius = 18.0;
    static constexpr qreal Footprint = 64.0;   // square a node and its label need; nodes never closer
    static constexpr qreal Cell = 96.0;        // grid pitch for automatic placement
    static constexpr qreal SitePadding = 40.0; // around the devices, and room for the site's title
    static constexpr qreal SiteGap = 80.0;
    static constexpr qreal RowWidth = 2800.0;  // automatic sites wrap after this width at least

    struct Result
    {
        QHash<QString, QPointF> devicePositions;   // device id -> centre
        QHash<QString, QRectF> siteRegions;        // site id ("" for devices without a site) -> region
        QList<QString> siteOrder;                  // site ids, in drawing order
    };

    static Result place(const TopologySnapshot &snapshot);

    // The region a site's devices occupy, with padding; empty input gives an empty rectangle.
    static QRectF regionAround(const QList<QPointF> &centres);
};

} // namespace noc
