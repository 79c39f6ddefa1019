#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace noc {

// How the console reaches one registryd: directly over TLS, or through an SSH tunnel to the engine
// host that forwards to the management API. Saved by ProfileStore; holds no secrets, ever.
struct ConnectionProfile
{
    enum class Transport { DirectTls, SshTunnel };
    enum class SshAuth { PublicKey, Password };

    QString name;                      // shown in the profile list, unique
    Transport transport = Transport::DirectTls;

    // The management API as seen from the console (DirectTls) or from the SSH server (SshTunnel).
    QString apiHost = QStringLiteral("127.0.0.1");
    quint16 apiPort = 9443;
    QString user;                      // management API user

    // Server certificate trust: verify against this CA file, or (if empty) against the pinned
    // SHA-256 fingerprint of the leaf certificate, hex with colons; asked on first use when both are empty.
    QString caFile;
    QString pinnedSha256;

    // SshTunnel only.
    QString sshHost;
    quint16 sshPort = 22;
    QString sshUser;
    SshAuth sshAuth = SshAuth::PublicKey;
    QString sshKeyFile;                // private key; its passphrase is asked, never saved
    QString knownHostsFile;            // empty: ~/.ssh/known_hosts

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace noc

Q_DECLARE_METATYPE(noc::ConnectionProfile)
