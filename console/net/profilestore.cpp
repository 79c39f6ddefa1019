#include "profilestore.h"

#include "servertrust.h"

#include <QCoreApplication>
#include <QSet>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

reg::Error invalid(const QString &message)
{
    return reg::Error(reg::ErrorCode::InvalidInput, message);
}

// Ports are stored as numbers; anything else (text, 0, > 65535) makes the profile unreadable
// rather than silently pointing the console somewhere else.
bool readPort(const QSettings &settings, const QString &key, quint16 defaultPort, quint16 *port)
{
    const QVariant value = settings.value(key);
    if (!value.isValid()) {
        *port = defaultPort;
        return true;
    }
    bool ok = false;
    const int number = value.toString().toInt(&ok);
    if (!ok || number < 1 || number > 65535)
        return false;
    *port = static_cast<quint16>(number);
    return true;
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{
}

QString ProfileStore::transportName(ConnectionProfile::Transport transport)
{
    switch (transport) {
    case ConnectionProfile::Transport::DirectTls:
        return u"direct-tls"_s;
    case ConnectionProfile::Transport::SshTunnel:
        return u"ssh-tunnel"_s;
    }
    return {};
}

QString ProfileStore::sshAuthName(ConnectionProfile::SshAuth auth)
{
    switch (auth) {
    case ConnectionProfile::SshAuth::PublicKey:
        return u"public-key"_s;
    case ConnectionProfile::SshAuth::Password:
        return u"password"_s;
    }
    return {};
}

reg::Result<void> ProfileStore::validate(const ConnectionProfile &profile)
{
    if (profile.name.trimmed().isEmpty())
        return invalid(tr("A connection profile needs a name."));
    if (profile.apiHost.trimmed().isEmpty())
        return invalid(tr("Profile \"%1\": the management API host is empty.").arg(profile.name));
    if (profile.apiPort == 0)
        return invalid(tr("Profile \"%1\": the management API port must be between 1 and 65535.").arg(profile.name));
    if (profile.user.trimmed().isEmpty())
        return invalid(tr("Profile \"%1\": the user name is empty.").arg(profile.name));
    if (!profile.pinnedSha256.isEmpty() && ServerTrust::normalizedFingerprint(profile.pinnedSha256).isEmpty()) {
        return invalid(tr("Profile \"%1\": the pinned fingerprint is not a SHA-256 fingerprint "
                          "(64 hexadecimal digits).").arg(profile.name));
    }
    if (profile.transport == ConnectionProfile::Transport::SshTunnel) {
        if (profile.sshHost.trimmed().isEmpty())
            return invalid(tr("Profile \"%1\": the SSH host is empty.").arg(profile.name));
        if (profile.sshPort == 0)
            return invalid(tr("Profile \"%1\": the SSH port must be between 1 and 65535.").arg(profile.name));
        if (profile.sshUser.trimmed().isEmpty())
            return invalid(tr("Profile \"%1\": the SSH user is empty.").arg(profile.name));
        if (profile.sshAuth == ConnectionProfile::SshAuth::PublicKey && profile.sshKeyFile.isEmpty())
            return invalid(tr("Profile \"%1\": public-key authentication needs a private key file.").arg(profile.name));
    }
    return reg::success();
}

QList<ConnectionProfile> ProfileStore::load()
{
    m_loadProblems.clear();
    QList<ConnectionProfile> profiles;
    QSet<QString> names;
    const int count = m_settings->beginReadArray(u"profiles"_s);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile p;
        p.name = m_settings->value(u"name"_s).toString();
        const QString entry = p.name.isEmpty() ? tr("entry %1").arg(i + 1) : u"\""_s + p.name + u"\""_s;

        const QString transport = m_settings->value(u"transport"_s, transportName(p.transport)).toString();
        if (transport == transportName(ConnectionProfile::Transport::DirectTls)) {
            p.transport = ConnectionProfile::Transport::DirectTls;
        } else if (transport == transportName(ConnectionProfile::Transport::SshTunnel)) {
            p.transport = ConnectionProfile::Transport::SshTunnel;
        } else {
            m_loadProblems.append(tr("Connection profile %1: unknown transport \"%2\".").arg(entry, transport));
            continue;
        }
        const QString auth = m_settings->value(u"sshAuth"_s, sshAuthName(p.sshAuth)).toString();
        if (auth == sshAuthName(ConnectionProfile::SshAuth::PublicKey)) {
            p.sshAuth = ConnectionProfile::SshAuth::PublicKey;
        } else if (auth == sshAuthName(ConnectionProfile::SshAuth::Password)) {
            p.sshAuth = ConnectionProfile::SshAuth::Password;
        } else {
            m_loadProblems.append(tr("Connection profile %1: unknown SSH authentication \"%2\".").arg(entry, auth));
            continue;
        }
        if (!readPort(*m_settings, u"apiPort"_s, p.apiPort, &p.apiPort)
            || !readPort(*m_settings, u"sshPort"_s, p.sshPort, &p.sshPort)) {
            m_loadProblems.append(tr("Connection profile %1: a port is not a number between 1 and 65535.").arg(entry));
            continue;
        }
        p.apiHost = m_settings->value(u"apiHost"_s, p.apiHost).toString();
        p.user = m_settings->value(u"user"_s).toString();
        p.caFile = m_settings->value(u"caFile"_s).toString();
        p.pinnedSha256 = m_settings->value(u"pinnedSha256"_s).toString();
        p.sshHost = m_settings->value(u"sshHost"_s).toString();
        p.sshUser = m_settings->value(u"sshUser"_s).toString();
        p.sshKeyFile = m_settings->value(u"sshKeyFile"_s).toString();
        p.knownHostsFile = m_settings->value(u"knownHostsFile"_s).toString();

        if (const auto valid = validate(p); !valid) {
            m_loadProblems.append(valid.error().message);
            continue;
        }
        if (names.contains(p.name)) {
            m_loadProblems.append(tr("Connection profile \"%1\" appears twice; the second is ignored.").arg(p.name));
            continue;
        }
        names.insert(p.name);
        if (!p.pinnedSha256.isEmpty())
            p.pinnedSha256 = ServerTrust::normalizedFingerprint(p.pinnedSha256);
        profiles.append(p);
    }
    m_settings->endArray();
    return profiles;
}

reg::Result<void> ProfileStore::save(const QList<ConnectionProfile> &profiles)
{
    QSet<QString> names;
    for (const ConnectionProfile &p : profiles) {
        if (const auto valid = validate(p); !valid)
            return valid;
        if (names.contains(p.name))
            return invalid(tr("Two connection profiles are named \"%1\"; names must be unique.").arg(p.name));
        names.insert(p.name);
    }

    m_settings->remove(u"profiles"_s);
    m_settings->beginWriteArray(u"profiles"_s, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(u"name"_s, p.name);
        m_settings->setValue(u"transport"_s, transportName(p.transport));
        m_settings->setValue(u"apiHost"_s, p.apiHost);
        m_settings->setValue(u"apiPort"_s, int(p.apiPort));
        m_settings->setValue(u"user"_s, p.user);
        m_settings->setValue(u"caFile"_s, p.caFile);
        m_settings->setValue(u"pinnedSha256"_s, p.pinnedSha256);
        m_settings->setValue(u"sshHost"_s, p.sshHost);
        m_settings->setValue(u"sshPort"_s, int(p.sshPort));
        m_settings->setValue(u"sshUser"_s, p.sshUser);
        m_settings->setValue(u"sshAuth"_s, sshAuthName(p.sshAuth));
        m_settings->setValue(u"sshKeyFile"_s, p.sshKeyFile);
        m_settings->setValue(u"knownHostsFile"_s, p.knownHostsFile);
    }
    m_settings->endArray();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return reg::Error(reg::ErrorCode::Internal,
                          tr("Cannot write the connection profiles to %1.").arg(m_settings->fileName()));
    }
    return reg::success();
}

} // namespace noc
