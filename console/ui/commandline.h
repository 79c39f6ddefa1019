#pragma once

#include "net/connectionprofile.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace noc {

// What noc-console was asked to do on its command line:
//   noc-console [--profile NAME] [--connect https://host:port] [--ca FILE] [--user NAME]
//               [--password-file FILE] [--language de|fr|en]
// Parsing is separate from acting on it so it can be tested without a window. Plain value type.
struct CommandLineOptions
{
    QString profileName;     // --profile
    QString connectHost;     // from --connect
    quint16 connectPort = 0;
    QString caFile;          // --ca
    QString user;            // --user
    QString passwordFile;    // --password-file
    QString language;        // --language

    bool wantsConnection() const { return !profileName.isEmpty() || !connectHost.isEmpty(); }

    // Parses arguments (argv[0] first). On --help/--version prints and sets *exitCode (0) without
    // returning options; on bad input returns nullopt with *error set and *exitCode = 2.
    static std::optional<CommandLineOptions> parse(const QStringList &arguments, QString *error, int *exitCode);

    // The profile to connect with: the named saved profile (when --profile) with --connect, --ca and
    // --user applied on top, or an ad-hoc direct-TLS profile. nullopt with *error when --profile
    // names no saved profile or the result is incomplete.
    std::optional<ConnectionProfile> resolveProfile(const QList<ConnectionProfile> &saved, QString *error) const;
};

// Reads the first line of a password file. Refuses a file that group or others can read (as ssh
// does for keys), so a password left world-readable is noticed instead of silently used.
std::optional<QString> readPasswordFile(const QString &path, QString *error);

} // namespace noc
