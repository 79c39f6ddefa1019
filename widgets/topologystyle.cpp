#include "topologystyle.h"

#include "statuspalette.h"

#include <array>

namespace noc {

namespace {
using Severity = StatusPalette::Severity;

constexpr std::array AllStatuses = {DeviceStatus::Up, DeviceStatus::Warning, DeviceStatus::Minor, DeviceStatus::Major,
                                    DeviceStatus::Critical, DeviceStatus::Down, DeviceStatus::Unreachable,
                                    DeviceStatus::Unknown};
constexpr int StatusCount = int(AllStatuses.size());
constexpr std::array AllBands = {TopologyStyle::UtilisationBand::Low, TopologyStyle::UtilisationBand::Medium,
                                 TopologyStyle::UtilisationBand::High, TopologyStyle::UtilisationBand::Saturated,
                                 TopologyStyle::UtilisationBand::Unknown};
constexpr qreal LinkWidth = 2.0;
} // namespace

QColor TopologyStyle::deviceFill(DeviceStatus status)
{
    // Five steps from healthy to dead, so "minor" and "major" read as distinct from warning and
    // critical; unreachable is a cold colour because the fault is elsewhere (its parent).
    switch (status) {
    case DeviceStatus::Up: return StatusPalette::background(Severity::Ok);
    case DeviceStatus::Warning: return QColor(0xfb, 0xc0, 0x2d);
    case DeviceStatus::Minor: return StatusPalette::background(Severity::Warning);
    case DeviceStatus::Major: return QColor(0xef, 0x6c, 0x00);
    case DeviceStatus::Critical: return StatusPalette::background(Severity::Critical);
    case DeviceStatus::Down: return QColor(0x7f, 0x00, 0x00);
    case DeviceStatus::Unreachable: return QColor(0x6a, 0x1b, 0x9a);
    case DeviceStatus::Unknown: return QColor(0x9e, 0x9e, 0x9e);
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QColor TopologyStyle::staleFill()
{
    return StatusPalette::background(Severity::Neutral);
}

const QBrush &TopologyStyle::deviceBrush(DeviceStatus status, bool stale)
{
    static const auto brushes = [] {
        std::array<QBrush, StatusCount + 1> all;
        for (DeviceStatus s : AllStatuses)
            all[size_t(s)] = QBrush(deviceFill(s));
        all[StatusCount] = QBrush(staleFill());
        return all;
    }();
    return stale ? brushes[StatusCount] : brushes[size_t(status)];
}

QColor TopologyStyle::deviceOutline(DeviceStatus status, bool stale)
{
    return deviceFill(status, stale).darker(160);
}

bool TopologyStyle::isStale(const QDateTime &lastPolled, const QDateTime &now, std::chrono::milliseconds pollInterval)
{
    if (!lastPolled.isValid())
        return true;
    return lastPolled.msecsTo(now) > 2 * pollInterval.count();
}

TopologyStyle::UtilisationBand TopologyStyle::band(std::optional<double> utilisationPercent)
{
    if (!utilisationPercent || !(*utilisationPercent >= 0.0))   // also rejects NaN
        return UtilisationBand::Unknown;
    const double u = *utilisationPercent;
    if (u < 50.0)
        return UtilisationBand::Low;
    if (u < 80.0)
        return UtilisationBand::Medium;
    if (u < 95.0)
        return UtilisationBand::High;
    return UtilisationBand::Saturated;
}

QColor TopologyStyle::linkColour(UtilisationBand band)
{
    switch (band) {
    case UtilisationBand::Low: return QColor(0x43, 0xa0, 0x47);
    case UtilisationBand::Medium: return QColor(0xfd, 0xd8, 0x35);
    case UtilisationBand::High: return QColor(0xfb, 0x8c, 0x00);
    case UtilisationBand::Saturated: return QColor(0xe5, 0x39, 0x35);
    case UtilisationBand::Unknown: return QColor(0x9e, 0x9e, 0x9e);
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

const QPen &TopologyStyle::linkPen(UtilisationBand band)
{
    static const auto pens = [] {
        std::array<QPen, UtilisationBandCount> all;
        for (UtilisationBand b : AllBands) {
            QPen pen(linkColour(b), LinkWidth, b == UtilisationBand::Unknown ? Qt::DashLine : Qt::SolidLine);
            pen.setCosmetic(true);   // same width at every zoom, and the cheap raster path
            all[size_t(b)] = pen;
        }
        return all;
    }();
    return pens[size_t(band)];
}

QString TopologyStyle::statusName(DeviceStatus status)
{
    switch (status) {
    case DeviceStatus::Up: return tr("up");
    case DeviceStatus::Warning: return tr("warning");
    case DeviceStatus::Minor: return tr("minor");
    case DeviceStatus::Major: return tr("major");
    case DeviceStatus::Critical: return tr("critical");
    case DeviceStatus::Down: return tr("down");
    case DeviceStatus::Unreachable: return tr("unreachable (behind a failed parent)");
    case DeviceStatus::Unknown: return tr("unknown");
    }
    return tr("unknown");
}

QString TopologyStyle::kindName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Router: return tr("router");
    case DeviceKind::Switch: return tr("switch");
    case DeviceKind::Firewall: return tr("firewall");
    case DeviceKind::LoadBalancer: return tr("load balancer");
    case DeviceKind::Server: return tr("server");
    case DeviceKind::Nameserver: return tr("name server");
    case DeviceKind::RegistryNode: return tr("registryd node");
    case DeviceKind::Other: return tr("device");
    }
    return tr("device");
}

QString TopologyStyle::bandName(UtilisationBand band)
{
    switch (band) {
    case UtilisationBand::Low: return tr("< 50 %");
    case UtilisationBand::Medium: return tr("50-80 %");
    case UtilisationBand::High: return tr("80-95 %");
    case UtilisationBand::Saturated: return tr(">= 95 %");
    case UtilisationBand::Unknown: return tr("not measured");
    }
    return tr("not measured");
}

QList<TopologyStyle::LegendEntry> TopologyStyle::linkLegend()
{
    QList<LegendEntry> entries;
    for (UtilisationBand b : AllBands)
        entries.append({bandName(b), linkColour(b), b == UtilisationBand::Unknown});
    return entries;
}

QList<TopologyStyle::LegendEntry> TopologyStyle::deviceLegend()
{
    QList<LegendEntry> entries;
    for (DeviceStatus s : AllStatuses)
        entries.append({statusName(s), deviceFill(s), false});
    entries.append({tr("stale (not polled recently)"), staleFill(), false});
    return entries;
}

} // namespace noc
