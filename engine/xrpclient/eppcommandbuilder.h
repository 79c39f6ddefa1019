#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::xrpclient {

// The namespaces a registrar client names in its commands and at login (RFC 5730-5733, 5910, 3915, 8748).
namespace EppUri {
inline constexpr QStringView Epp = u"urn:ietf:params:xml:ns:epp-1.0";
inline constexpr QStringView Domain = u"urn:ietf:params:xml:ns:domain-1.0";
inline constexpr QStringView Contact = u"urn:ietf:params:xml:ns:contact-1.0";
inline constexpr QStringView Host = u"urn:ietf:params:xml:ns:host-1.0";
inline constexpr QStringView SecDns = u"urn:ietf:params:xml:ns:secDNS-1.1";
inline constexpr QStringView Rgp = u"urn:ietf:params:xml:ns:rgp-1.0";
inline constexpr QStringView Fee = u"urn:ietf:params:xml:ns:epp:fee-1.0";
} // namespace EppUri

// One command ready to frame: its XML and the client transaction id it carries (empty for hello,
// which has none), so the caller can match the answer.
struct EppCommand
{
    QByteArray xml;
    QString clientTransactionId;
};

struct LoginParameters
{
    QString clientId;
    QString password;
    std::optional<QString> newPassword;                 // RFC 5730 newPW: change the password at login
    QStringList objectUris{EppUri::Domain.toString(), EppUri::Contact.toString(), EppUri::Host.toString()};
    QStringList extensionUris;                          // announced in <svcExtension> when not empty
    QString language = QStringLiteral("en");
};

struct DomainContactReference
{
    QString type;   // admin, tech or billing
    QString id;
};

struct DomainCreateParameters
{
    QString name;
    int periodYears = 1;
    QStringList nameServers;                            // hostObj names
    QString registrantId;                               // empty: no <domain:registrant>
    QList<DomainContactReference> contacts;
    QString authInfo;                                   // required by RFC 5731; the caller chooses it
};

struct ContactCreateParameters
{
    QString id;
    QString name;
    QString organisation;                               // empty: none
    QStringList street;                                 // 0-3 lines
    QString city;
    QString stateOrProvince;                            // empty: none
    QString postalCode;                                 // empty: none
    QString countryCode;                                // two letters
    QString voice;                                      // "+1.5555551212" or empty
    QString email;
    QString authInfo;
};

// The five operations of RFC 5730 2.9.3.4 <transfer op="...">.
enum class TransferOperation { Request, Approve, Reject, Cancel, Query };

struct DomainTransferParameters
{
    QString name;
    TransferOperation operation = TransferOperation::Query;
    std::optional<int> periodYears;                     // request only: years added on approval
    QString authInfo;                                   // empty: no <domain:authInfo>
};

struct HostCreateParameters
{
    QString name;
    QStringList addresses;                              // IPv4 / IPv6 text; the family decides ip="v4"/"v6"
};

// Writes well-formed EPP commands (RFC 5730-5733) for the client and the benchmark: every value is
// escaped by QXmlStreamWriter, and every command except hello carries a fresh clTRID made of a
// prefix and a counter, unique within this builder. It does not validate values (the server does,
// and a client tool must be able to send what the server should refuse).
// A plain value; one per session, used on that session's thread.
class EppCommandBuilder
{
public:
    explicit EppCommandBuilder(QString transactionIdPrefix = QStringLiteral("xrpc"));

    QString nextTransactionId();

    static EppCommand hello();
    EppCommand login(const LoginParameters &parameters);
    EppCommand logout();
    EppCommand pollRequest();
    EppCommand pollAcknowledge(const QString &messageId);

    EppCommand domainCheck(const QStringList &names);
    EppCommand domainInfo(const QString &name, const QString &authInfo = {});
    EppCommand domainCreate(const DomainCreateParameters &parameters);
    EppCommand domainRenew(const QString &name, QDate currentExpiryDate, int periodYears = 1);
    EppCommand domainTransfer(const DomainTransferParameters &parameters);
    EppCommand domainDelete(const QString &name);
    EppCommand contactCreate(const ContactCreateParameters &parameters);
    EppCommand hostCreate(const HostCreateParameters &parameters);

    static QString operationName(TransferOperation operation);   // "request", "approve", ...

private:
    QString m_prefix;
    quint64 m_counter = 0;
};

} // namespace reg::xrpclient
