#include "changetoanswer.h"

#include "blockingeppclient.h"
#include "dnsprobe.h"
#include "dns/dnsconstants.h"
#include "xrpclient/eppcommandbuilder.h"
#include "xrpclient/eppresponse.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace reg::bench {
namespace {

using namespace reg::xrpclient;

QString describe(const QByteArray &answer)
{
    return QStringLiteral("%1 %2").arg(EppResponse::scanResultCode(answer)).arg(QString::fromUtf8(EppResponse::scanElementText(answer, "msg")));
}

bool succeeded(const QByteArray &answer)
{
    const int code = EppResponse::scanResultCode(answer);
    return code >= 1000 && code < 2000;
}

} // namespace

Result<ChangeDelays> measureChangeToAnswer(const EppClientEndpoint &endpoint, const DelegationRegistrar &registrar, const QString &tld,
                                           quint16 dnsPort, int count, int boundMs)
{
    xrpclienttool::BlockingEppClient client;
    if (Result<QByteArray> greeting = client.open(endpoint); !greeting)
        return greeting.error().withContext(QStringLiteral("XRP: "));
    EppCommandBuilder builder(QStringLiteral("bench-dns"));
    LoginParameters login;
    login.clientId = registrar.login.user;
    login.password = registrar.login.password;
    const EppCommand loginCommand = builder.login(login);
    Result<QByteArray> loggedIn = client.request(loginCommand.xml, loginCommand.clientTransactionId);
    if (!loggedIn)
        return loggedIn.error().withContext(QStringLiteral("XRP login: "));
    if (!succeeded(*loggedIn))
        return Error(ErrorCode::Unauthenticated, QStringLiteral("XRP login as %1: %2").arg(registrar.login.user, describe(*loggedIn)));

    ChangeDelays delays;
    DnsProbe probe;
    const QString tag = QString::number(QDateTime::currentSecsSinceEpoch(), 36);
    for (int k = 0; k < count; ++k) {
        DomainCreateParameters p;
        p.name = QStringLiteral("chg-%1-%2.%3").arg(tag).arg(k).arg(tld);
        p.registrantId = registrar.contactId;
        p.contacts = {{QStringLiteral("admin"), registrar.contactId}, {QStringLiteral("tech"), registrar.contactId}};
        p.authInfo = QStringLiteral("Bench-dns-1");
        p.nameServers = {DelegationShape::externalHostName(2 * k), DelegationShape::externalHostName(2 * k + 1)};
        const EppCommand create = builder.domainCreate(p);
        QElapsedTimer sinceSend;
        sinceSend.start();
        Result<QByteArray> created = client.request(create.xml, create.clientTransactionId);
        if (!created)
            return created.error().withContext(QStringLiteral("XRP domain:create %1: ").arg(p.name));
        if (!succeeded(*created)) {
            if (delays.errors.size() < 5)
                delays.errors << QStringLiteral("domain:create %1: %2").arg(p.name, describe(*created));
            continue;
        }
        const qint64 committedNs = sinceSend.nsecsElapsed();
        const QString delegation = p.name + u'.';
        bool served = false;
        while (sinceSend.elapsed() < boundMs) {
            Result<ProbeAnswer> answer = probe.query(dnsPort, p.name, dns::RRType::A, 200);
            if (answer && answer->isReferralTo(delegation)) {
                served = true;
                break;
            }
            QThread::usleep(500);
        }
        const qint64 servedNs = sinceSend.nsecsElapsed();
        if (!served) {
            ++delays.notServed;
            if (delays.errors.size() < 5)
                delays.errors << QStringLiteral("%1 was not served within %2 ms").arg(p.name).arg(boundMs);
            continue;
        }
        delays.fromCommitMs << double(servedNs - committedNs) / 1e6;
        delays.fromSendMs << double(servedNs) / 1e6;
    }
    const EppCommand logout = builder.logout();
    (void)client.request(logout.xml, logout.clientTransactionId);
    client.close();
    return delays;
}

} // namespace reg::bench
