#include "monitor/monitorsettings.h"

#include "core/securefile.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace reg::monitor::MonitorSettings {
namespace {

constexpr qint64 maxCommunityFileBytes = 64 * 1024;
constexpr int maxCommunities = 100;

ThresholdRule percentRule(const QString &metric, double warning, double critical, const Hysteresis &hysteresis)
{
    ThresholdRule rule;
    rule.metric = metric;
    rule.unit = u"%"_s;
    rule.direction = ThresholdRule::Direction::Above;
    rule.warningLevel = warning;
    rule.criticalLevel = critical;
    rule.warningSeverity = Severity::Warning;
    rule.criticalSeverity = Severity::Critical;
    rule.hysteresis = hysteresis;
    return rule;
}

} // namespace

Hysteresis hysteresis(const MonitorConfig &config)
{
    return Hysteresis{config.raiseAfter, config.clearAfter};
}

PollThresholds thresholds(const MonitorConfig &config)
{
    const Hysteresis h = hysteresis(config);
    return PollThresholds{percentRule(u"CPU load"_s, config.cpuWarning, config.cpuCritical, h),
                          percentRule(u"memory use"_s, config.memoryWarning, config.memoryCritical, h),
                          percentRule(u"used space"_s, config.storageWarning, config.storageCritical, h)};
}

Result<QList<QByteArray>> readCommunities(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound, u"the trap communities file %1 does not exist"_s.arg(path));
    if (!info.isFile())
        return Error(ErrorCode::InvalidInput, u"the trap communities file %1 is not a regular file"_s.arg(path));
    const int mode = SecureFile::permissions(path);
    if (mode < 0 || (mode & 077) != 0)
        return Error(ErrorCode::InvalidInput, u"the trap communities file %1 is accessible to group or others (mode %2); it must be 0600"_s
                                                  .arg(path, QString::number(mode & 0777, 8)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, u"cannot read the trap communities file %1"_s.arg(path));
    const QByteArray content = file.read(maxCommunityFileBytes + 1);
    if (content.size() > maxCommunityFileBytes)
        return Error(ErrorCode::InvalidInput, u"the trap communities file %1 is over %2 bytes"_s.arg(path).arg(maxCommunityFileBytes));
    return parseCommunities(content, path);
}

Result<QList<QByteArray>> parseCommunities(const QByteArray &content, const QString &path)
{
    if (content.size() > maxCommunityFileBytes)
        return Error(ErrorCode::InvalidInput, u"%1 is over %2 bytes"_s.arg(path).arg(maxCommunityFileBytes));
    QList<QByteArray> communities;
    int lineNumber = 0;
    for (const QByteArray &raw : content.split('\n')) {
        ++lineNumber;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        // The message names the line, never its text: it is a secret.
        if (line.size() > 255)
            return Error(ErrorCode::InvalidInput, u"%1:%2: a community is at most 255 characters"_s.arg(path).arg(lineNumber));
        for (const char c : line) {
            if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
                return Error(ErrorCode::InvalidInput, u"%1:%2: a community is printable ASCII without spaces"_s.arg(path).arg(lineNumber));
        }
        if (communities.size() == maxCommunities)
            return Error(ErrorCode::InvalidInput, u"%1: at most %2 communities"_s.arg(path).arg(maxCommunities));
        communities.append(line);
    }
    return communities;
}

Result<TrapReceiverOptions> trapReceiverOptions(const MonitorConfig &config)
{
    TrapReceiverOptions options;
    options.address = config.trapListen.address;
    options.port = config.trapListen.port;
    if (!config.trapCommunitiesFile.isEmpty()) {
        Result<QList<QByteArray>> communities = readCommunities(config.trapCommunitiesFile);
        if (!communities)
            return communities.error();
        options.communities = *communities;
    }
    for (const QString &text : config.trapRules) {
        Result<TrapRule> rule = parseTrapRule(text);
        if (!rule)
            return rule.error().withContext(u"[monitor] trap_rules: "_s);
        options.rules.append(*rule);
    }
    return options;
}

} // namespace reg::monitor::MonitorSettings
