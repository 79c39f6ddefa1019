#pragma once

#include "common/enginefixture.h"
#include "net/connectionprofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

// Shared set-up for noc-console's UI tests: settings in a throw-away directory (so a developer's
// saved profiles and language never leak into a test, nor a test's into the developer's), and a
// direct-TLS profile for an EngineFixture that verifies against the fixture's development CA.
namespace uitest {

inline void isolateSettings(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("registry-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("noc-console"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}

inline noc::ConnectionProfile profileFor(const testsupport::EngineFixture &engine)
{
    noc::ConnectionProfile profile;
    profile.name = QStringLiteral("fixture");
    profile.transport = noc::ConnectionProfile::Transport::DirectTls;
    profile.apiHost = QStringLiteral("127.0.0.1");
    profile.apiPort = engine.port(QStringLiteral("management"));
    profile.user = QStringLiteral("admin");
    profile.caFile = engine.caCertificateFile();
    return profile;
}

} // namespace uitest
