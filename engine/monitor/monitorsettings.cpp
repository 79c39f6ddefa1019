#include "monitor/monitorsettings.h"

#include "core/securefile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace reg::monitor::MonitorSettings {
namespace {

constexpr qint64 maxSecretFileBytes = 64 * 1024;
constexpr int maxCommunities = 100;
constexpr int maxTrapUsers = 100;

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

// A secrets file: regular, readable by its owner only, bounded.
Result<QByteArray> readPrivateFile(const QString &path, const QString &what)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound, u"the %1 file %2 does not exist"_s.arg(what, path));
    if (!info.isFile())
        return Error(ErrorCode::InvalidInput, u"the %1 file %2 is not a regular file"_s.arg(what, path));
    const int mode = SecureFile::permissions(path);
    if (mode < 0 || (mode & 077) != 0)
        return Error(ErrorCode::InvalidInput, u"the %1 file %2 is accessible to group or others (mode %3); it must be 0600"_s
                                                  .arg(what, path, QString::number(mode & 0777, 8)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, u"cannot read the %1 file %2"_s.arg(what, path));
    const QByteArray content = file.read(maxSecretFileBytes + 1);
    if (content.size() > maxSecretFileBytes)
        return Error(ErrorCode::InvalidInput, u"the %1 file %2 is over %3 bytes"_s.arg(what, path).arg(maxSecretFileBytes));
    return content;
}

// The non-comment lines of a secrets file with their numbers.
QList<std::pair<int, QByteArray>> entryLines(const QByteArray &content)
{
    QList<std::pair<int, QByteArray>> lines;
    int number = 0;
    for (const QByteArray &raw : content.split('\n')) {
        ++number;
        const QByteArray line = raw.trimmed();
        if (!line.isEmpty() && !line.startsWith('#'))
            lines.append({number, line});
    }
    return lines;
}

bool printableWithoutSpaces(const QByteArray &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x21 && static_cast<unsigned char>(c) <= 0x7e;
    });
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
    Result<QByteArray> content = readPrivateFile(path, u"trap communities"_s);
    if (!content)
        return content.error();
    return parseCommunities(*content, path);
}

Result<QList<TrapUser>> readTrapUsers(const QString &path)
{
    Result<QByteArray> content = readPrivateFile(path, u"trap users"_s);
    if (!content)
        return content.error();
    return parseTrapUsers(*content, path);
}

Result<QList<QByteArray>> parseCommunities(const QByteArray &content, const QString &path)
{
    if (content.size() > maxSecretFileBytes)
        return Error(ErrorCode::InvalidInput, u"%1 is over %2 bytes"_s.arg(path).arg(maxSecretFileBytes));
    QList<QByteArray> communities;
    for (const auto &[lineNumber, line] : entryLines(content)) {
        // The message names the line, never its text: it is a secret.
        if (line.size() > 255)
            return Error(ErrorCode::InvalidInput, u"%1:%2: a community is at most 255 characters"_s.arg(path).arg(lineNumber));
        if (!printableWithoutSpaces(line))
            return Error(ErrorCode::InvalidInput, u"%1:%2: a community is printable ASCII without spaces"_s.arg(path).arg(lineNumber));
        if (communities.size() == maxCommunities)
            return Error(ErrorCode::InvalidInput, u"%1: at most %2 communities"_s.arg(path).arg(maxCommunities));
        communities.append(line);
    }
    return communities;
}

Result<QList<TrapUser>> parseTrapUsers(const QByteArray &content, const QString &path)
{
    if (content.size() > maxSecretFileBytes)
        return Error(ErrorCode::InvalidInput, u"%1 is over %2 bytes"_s.arg(path).arg(maxSecretFileBytes));
    static const QRegularExpression userName(u"^[A-Za-z0-9._-]{1,32}$"_s);
    static const QRegularExpression engineIdHex(u"^(0x)?([0-9A-Fa-f]{10,64})$"_s);
    QList<TrapUser> users;
    for (const auto &[lineNumber, line] : entryLines(content)) {
        // Errors name the line and the field, never a passphrase.
        auto refuse = [&, n = lineNumber](const QString &why) {
            return Error(ErrorCode::InvalidInput, u"%1:%2: %3"_s.arg(path).arg(n).arg(why));
        };
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() != 5 && fields.size() != 7)
            return refuse(u"expected \"<user> <engine id> authPriv <auth> <auth passphrase> AES <priv passphrase>\" "
                          "or \"<user> <engine id> authNoPriv <auth> <auth passphrase>\""_s);
        TrapUser user;
        user.user = fields[0];
        if (!userName.match(QString::fromLatin1(user.user)).hasMatch())
            return refuse(u"the user name is 1-32 letters, digits, '.', '_' or '-'"_s);
        const QRegularExpressionMatch engineId = engineIdHex.match(QString::fromLatin1(fields[1]));
        if (!engineId.hasMatch() || engineId.captured(2).size() % 2 != 0)
            return refuse(u"the engine id is 5-32 octets in hex (10-64 digits, \"0x\" optional)"_s);
        user.engineId = QByteArray::fromHex(engineId.captured(2).toLatin1());
        const std::optional<SnmpSecurityLevel> level = parseSnmpSecurityLevel(QString::fromLatin1(fields[2]));
        if (!level || *level == SnmpSecurityLevel::NoAuthNoPriv)
            return refuse(u"the level is authPriv or authNoPriv (an unauthenticated trap is not accepted)"_s);
        if ((*level == SnmpSecurityLevel::AuthPriv) != (fields.size() == 7))
            return refuse(u"authPriv takes a privacy protocol and passphrase, authNoPriv none"_s);
        user.level = *level;
        const std::optional<SnmpAuthProtocol> auth = parseSnmpAuthProtocol(QString::fromLatin1(fields[3]));
        if (!auth || *auth == SnmpAuthProtocol::None)
            return refuse(u"the authentication protocol is SHA, SHA-256 or SHA-512"_s);
        user.auth = *auth;
        auto passphrase = [](const QByteArray &p) { return p.size() >= 8 && p.size() <= 255 && printableWithoutSpaces(p); };
        if (!passphrase(fields[4]))
            return refuse(u"the authentication passphrase is 8-255 printable characters without spaces"_s);
        user.authPassphrase = fields[4];
        if (fields.size() == 7) {
            const std::optional<SnmpPrivProtocol> priv = parseSnmpPrivProtocol(QString::fromLatin1(fields[5]));
            if (!priv || *priv == SnmpPrivProtocol::None)
                return refuse(u"the privacy protocol is AES"_s);
            user.priv = *priv;
            if (!passphrase(fields[6]))
                return refuse(u"the privacy passphrase is 8-255 printable characters without spaces"_s);
            user.privPassphrase = fields[6];
        } else {
            user.priv = SnmpPrivProtocol::None;
        }
        if (users.size() == maxTrapUsers)
            return Error(ErrorCode::InvalidInput, u"%1: at most %2 users"_s.arg(path).arg(maxTrapUsers));
        users.append(user);
    }
    return users;
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
    if (!config.trapUsersFile.isEmpty()) {
        Result<QList<TrapUser>> users = readTrapUsers(config.trapUsersFile);
        if (!users)
            return users.error();
        options.users = *users;
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
