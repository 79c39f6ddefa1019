#include "monitor/dependencygraph.h"

#include <algorithm>

namespace reg::monitor {

void DependencyGraph::setDevice(const QString &deviceId, const QString &siteId, const QStringList &parentIds)
{
    QStringList parents = parentIds;
    parents.removeAll(deviceId);   // a device is never its own way in
    parents.removeDuplicates();
    m_devices.insert(deviceId, Node{siteId, parents});
}

QString DependencyGraph::siteOf(const QString &deviceId) const
{
    return m_devices.value(deviceId).siteId;
}

QStringList DependencyGraph::parentsOf(const QString &deviceId) const
{
    return m_devices.value(deviceId).parents;
}

std::optional<QString> DependencyGraph::rootCause(const QString &deviceId,
                                                  const std::function<bool(const QString &)> &isDown) const
{
    QSet<QString> visiting;
    const QSet<QString> roots = cutOffBy(deviceId, isDown, visiting);
    if (roots.isEmpty())
        return std::nullopt;
    return *std::min_element(roots.cbegin(), roots.cend());
}

QSet<QString> DependencyGraph::cutOffBy(const QString &deviceId, const std::function<bool(const QString &)> &isDown,
                                        QSet<QString> &visiting) const
{
    const auto node = m_devices.constFind(deviceId);
    // A cycle in the configured parents proves nothing: treat that way in as up rather than guess.
    if (node == m_devices.cend() || node->parents.isEmpty() || visiting.contains(deviceId))
        return {};
    visiting.insert(deviceId);
    QSet<QString> roots;
    for (const QString &parent : node->parents) {
        QSet<QString> behind = cutOffBy(parent, isDown, visiting);
        if (!behind.isEmpty()) {
            roots.unite(behind);   // the parent is cut off itself: the cause lies further up
        } else if (isDown(parent)) {
            roots.insert(parent);
        } else {
            roots.clear();         // this path is up, so the device is not cut off
            break;
        }
    }
    visiting.remove(deviceId);
    return roots;
}

} // namespace reg::monitor
