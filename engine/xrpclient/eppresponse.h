#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace reg::xrpclient {

// What a client needs from a server message (RFC 5730 section 2.6): a greeting or the result of a
// response. The message comes from the network, so parsing goes through the hostile-input-safe
// EppXmlReader (no DOCTYPE, bounded depth and size), with client-side limits.
struct EppResponse
{
    bool isGreeting = false;
    int resultCode = 0;            // the first <result code="...">; 0 for a greeting
    QString message;               // its <msg>
    QString reason;                // the first <extValue><reason>, which often says why a command failed
    QString clientTransactionId;   // <trID><clTRID>, empty when absent
    QString serverTransactionId;
    QString serverId;              // greeting <svID>
    QStringList objectUris;        // greeting <svcMenu><objURI>
    QStringList extensionUris;     // greeting <svcMenu><svcExtension><extURI>

    bool succeeded() const { return resultCode >= 1000 && resultCode < 2000; }
    // 1500: the server ends the session after this response (logout, or a fatal error code 25xx).
    bool endsSession() const { return resultCode == 1500 || (resultCode >= 2500 && resultCode < 2600); }

    static constexpr qsizetype MaxMessageBytes = 16 * 1024 * 1024;
    static Result<EppResponse> parse(QByteArrayView xml);

    // Cheap scans for the load generator, which cannot afford a full parse per answer: the code of
    // the first result and the text of <clTRID>, whatever prefix the server uses; 0 / empty when
    // absent. Not for deciding anything security-relevant.
    static int scanResultCode(QByteArrayView xml);
    static QByteArray scanElementText(QByteArrayView xml, QByteArrayView localName);
};

} // namespace reg::xrpclient
