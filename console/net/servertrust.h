#pragma once

#include "connectionprofile.h"

#include <core/result.h>

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

namespace noc {

// Decides whether the management API's TLS certificate is trusted for one connection profile, the
// way an operator expects from OpenSSH: a configured CA is authoritative; otherwise the leaf must
// match the pinned SHA-256 fingerprint; with neither, the user is asked once (trust on first use)
// and, if they say so, the fingerprint is pinned. A pinned certificate that changes is never asked
// about, because that is exactly what a man in the middle looks like.
// A value type owned by ConsoleSession on the GUI thread; it only judges, it never opens sockets.
class ServerTrust
{
    Q_DECLARE_TR_FUNCTIONS(noc::ServerTrust)

public:
    enum class Verdict {
        Trusted,       // go ahead; ignore exactly the errors passed to evaluate()
        NeedsApproval, // first use: ask the user, showing the fingerprint
        Rejected,      // hard failure; problem() says why
    };

    struct Decision
    {
        Verdict verdict = Verdict::Rejected;
        QString problem;
    };

    // Reads profile.caFile (PEM, one or more certificates) and checks the pinned fingerprint's form.
    static reg::Result<ServerTrust> fromProfile(const ConnectionProfile &profile);

    // SHA-256 of the DER certificate as upper-case hex pairs joined by colons ("AB:01:...").
    static QString sha256Fingerprint(const QSslCertificate &certificate);
    // Accepts hex with or without colons or spaces, any case; returns the canonical form, or an
    // empty string if the text is not a SHA-256 fingerprint.
    static QString normalizedFingerprint(const QString &text);

    // TLS 1.2 or newer, peer verification on, and only the profile's CA as trust anchor (none
    // when pinning, so the system store can never silently stand in for the pin).
    QSslConfiguration sslConfiguration() const;

    // Judges the leaf certificate together with the errors the TLS stack reported for it.
    Decision evaluate(const QSslCertificate &leaf, const QList<QSslError> &errors) const;

    // The user approved this certificate for the rest of the session (not pinned on disk).
    void acceptForSession(const QSslCertificate &leaf);
    // Pins the fingerprint (the user approved and asked to remember).
    void pin(const QString &sha256Fingerprint);
    // Through an SSH tunnel the socket goes to 127.0.0.1 while the certificate names the engine
    // host; once a reply verified this leaf against that name, a host-name mismatch for the same
    // leaf on the loopback socket is not a reason to refuse it.
    void setHostNameVerified(const QSslCertificate &leaf);

    bool usesCaFile() const { return !m_caCertificates.isEmpty(); }
    QString pinnedFingerprint() const { return m_pinned; }

private:
    static bool isTrustChainError(QSslError::SslError error);
    static QString describe(const QList<QSslError> &errors);

    QList<QSslCertificate> m_caCertificates;
    QString m_caFile;
    QString m_pinned;
    QString m_sessionAccepted;
    QString m_hostNameVerified;
};

} // namespace noc
