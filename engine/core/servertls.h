#pragma once

#include "engineconfig.h"
#include "result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace reg {

// The PEM certificates in `path` (a chain or a CA bundle); InvalidInput naming the file when it cannot
// be read or holds none. `what` says which file it is in the message ("TLS certificate").
Result<QList<QSslCertificate>> readPemCertificates(const QString &path, const QString &what);

// The TLS identity every service presents ([tls] certificate and key): TLS 1.2 or later, the chain
// and its unencrypted PEM key (EC or RSA). Services add their own peer verification: the management
// API asks for none (bearer tokens), the XRP port requires a client certificate from [tls] ca.
Result<QSslConfiguration> loadServerTlsConfiguration(const TlsConfig &tls);

} // namespace reg
