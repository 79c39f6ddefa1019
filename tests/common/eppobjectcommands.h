#pragma once

// Builders for the inner XML of EPP object commands (RFC 5731-5733) and their extensions, as the
// XRP command tests send them. Values are inserted as given: the tests choose them, and some tests
// send malformed values on purpose.
#include <QByteArray>
#include <QList>

namespace testsupport::xrp::cmd {

inline const QByteArray domainXmlns = " xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"";
inline const QByteArray hostXmlns = " xmlns:host=\"urn:ietf:params:xml:ns:host-1.0\"";
inline const QByteArray contactXmlns = " xmlns:contact=\"urn:ietf:params:xml:ns:contact-1.0\"";

inline QByteArray tag(const QByteArray &name, const QByteArray &text)
{
    return '<' + name + '>' + text + "</" + name + '>';
}

// ---- domain ----
inline QByteArray domainCheck(const QList<QByteArray> &names)
{
    QByteArray inner;
    for (const QByteArray &n : names)
        inner += tag("domain:name", n);
    return "<check><domain:check" + domainXmlns + '>' + inner + "</domain:check></check>";
}

inline QByteArray domainInfo(const QByteArray &name, const QByteArray &pw = {})
{
    return "<info><domain:info" + domainXmlns + "><domain:name hosts=\"all\">" + name + "</domain:name>"
           + (pw.isNull() ? QByteArray() : "<domain:authInfo>" + tag("domain:pw", pw) + "</domain:authInfo>") + "</domain:info></info>";
}

// A create with contact as registrant, admin and tech; ns are host names.
inline QByteArray domainCreate(const QByteArray &name, const QByteArray &contact, const QByteArray &pw,
                               const QList<QByteArray> &ns = {}, int years = 1)
{
    QByteArray nsXml;
    if (!ns.isEmpty()) {
        nsXml = "<domain:ns>";
        for (const QByteArray &h : ns)
            nsXml += tag("domain:hostObj", h);
        nsXml += "</domain:ns>";
    }
    return "<create><domain:create" + domainXmlns + '>' + tag("domain:name", name) + "<domain:period unit=\"y\">"
           + QByteArray::number(years) + "</domain:period>" + nsXml + tag("domain:registrant", contact)
           + "<domain:contact type=\"admin\">" + contact + "</domain:contact><domain:contact type=\"tech\">" + contact
           + "</domain:contact><domain:authInfo>" + tag("domain:pw", pw) + "</domain:authInfo></domain:create></create>";
}

// add, rem and chg are the inner XML of domain:add, domain:rem and domain:chg; empty ones are left out.
inline QByteArray domainUpdate(const QByteArray &name, const QByteArray &add, const QByteArray &rem = {}, const QByteArray &chg = {})
{
    return "<update><domain:update" + domainXmlns + '>' + tag("domain:name", name)
           + (add.isEmpty() ? QByteArray() : tag("domain:add", add)) + (rem.isEmpty() ? QByteArray() : tag("domain:rem", rem))
           + (chg.isEmpty() ? QByteArray() : tag("domain:chg", chg)) + "</domain:update></update>";
}

inline QByteArray domainStatus(const QByteArray &status)
{
    return "<domain:status s=\"" + status + "\"/>";
}

inline QByteArray domainDelete(const QByteArray &name)
{
    return "<delete><domain:delete" + domainXmlns + '>' + tag("domain:name", name) + "</domain:delete></delete>";
}

inline QByteArray domainRenew(const QByteArray &name, const QByteArray &curExpDate, int years = 1)
{
    return "<renew><domain:renew" + domainXmlns + '>' + tag("domain:name", name) + tag("domain:curExpDate", curExpDate)
           + "<domain:period unit=\"y\">" + QByteArray::number(years) + "</domain:period></domain:renew></renew>";
}

// op: request, query, approve, reject, cancel.
inline QByteArray domainTransfer(const QByteArray &op, const QByteArray &name, const QByteArray &pw = {})
{
    return "<transfer op=\"" + op + "\"><domain:transfer" + domainXmlns + '>' + tag("domain:name", name)
           + (pw.isNull() ? QByteArray() : "<domain:authInfo>" + tag("domain:pw", pw) + "</domain:authInfo>")
           + "</domain:transfer></transfer>";
}

// ---- host ----
inline QByteArray hostCheck(const QList<QByteArray> &names)
{
    QByteArray inner;
    for (const QByteArray &n : names)
        inner += tag("host:name", n);
    return "<check><host:check" + hostXmlns + '>' + inner + "</host:check></check>";
}

inline QByteArray hostAddr(const QByteArray &address, const QByteArray &family = "v4")
{
    return "<host:addr ip=\"" + family + "\">" + address + "</host:addr>";
}

inline QByteArray hostCreate(const QByteArray &name, const QByteArray &addresses = {})
{
    return "<create><host:create" + hostXmlns + '>' + tag("host:name", name) + addresses + "</host:create></create>";
}

inline QByteArray hostInfo(const QByteArray &name)
{
    return "<info><host:info" + hostXmlns + '>' + tag("host:name", name) + "</host:info></info>";
}

inline QByteArray hostUpdate(const QByteArray &name, const QByteArray &add, const QByteArray &rem = {}, const QByteArray &newName = {})
{
    return "<update><host:update" + hostXmlns + '>' + tag("host:name", name) + (add.isEmpty() ? QByteArray() : tag("host:add", add))
           + (rem.isEmpty() ? QByteArray() : tag("host:rem", rem))
           + (newName.isEmpty() ? QByteArray() : "<host:chg>" + tag("host:name", newName) + "</host:chg>") + "</host:update></update>";
}

inline QByteArray hostDelete(const QByteArray &name)
{
    return "<delete><host:delete" + hostXmlns + '>' + tag("host:name", name) + "</host:delete></delete>";
}

// ---- contact ----
inline QByteArray contactCheck(const QList<QByteArray> &ids)
{
    QByteArray inner;
    for (const QByteArray &id : ids)
        inner += tag("contact:id", id);
    return "<check><contact:check" + contactXmlns + '>' + inner + "</contact:check></check>";
}

inline QByteArray contactCreate(const QByteArray &id, const QByteArray &pw = "Contact-pw-1", const QByteArray &email = "holder@example.net")
{
    return "<create><contact:create" + contactXmlns + '>' + tag("contact:id", id)
           + "<contact:postalInfo type=\"int\"><contact:name>Test Holder</contact:name><contact:org>Example Org</contact:org>"
             "<contact:addr><contact:street>1 Main Street</contact:street><contact:city>Berlin</contact:city>"
             "<contact:pc>10115</contact:pc><contact:cc>DE</contact:cc></contact:addr></contact:postalInfo>"
           + tag("contact:voice", "+49.301234567") + tag("contact:email", email) + "<contact:authInfo>" + tag("contact:pw", pw)
           + "</contact:authInfo></contact:create></create>";
}

inline QByteArray contactInfo(const QByteArray &id, const QByteArray &pw = {})
{
    return "<info><contact:info" + contactXmlns + '>' + tag("contact:id", id)
           + (pw.isNull() ? QByteArray() : "<contact:authInfo>" + tag("contact:pw", pw) + "</contact:authInfo>")
           + "</contact:info></info>";
}

inline QByteArray contactUpdate(const QByteArray &id, const QByteArray &add, const QByteArray &rem = {}, const QByteArray &chg = {})
{
    return "<update><contact:update" + contactXmlns + '>' + tag("contact:id", id) + (add.isEmpty() ? QByteArray() : tag("contact:add", add))
           + (rem.isEmpty() ? QByteArray() : tag("contact:rem", rem)) + (chg.isEmpty() ? QByteArray() : tag("contact:chg", chg))
           + "</contact:update></update>";
}

inline QByteArray contactDelete(const QByteArray &id)
{
    return "<delete><contact:delete" + contactXmlns + '>' + tag("contact:id", id) + "</contact:delete></delete>";
}

inline QByteArray contactTransfer(const QByteArray &op, const QByteArray &id, const QByteArray &pw = {})
{
    return "<transfer op=\"" + op + "\"><contact:transfer" + contactXmlns + '>' + tag("contact:id", id)
           + (pw.isNull() ? QByteArray() : "<contact:authInfo>" + tag("contact:pw", pw) + "</contact:authInfo>")
           + "</contact:transfer></transfer>";
}

// ---- poll ----
inline QByteArray pollRequest()
{
    return "<poll op=\"req\"/>";
}

inline QByteArray pollAck(const QByteArray &id)
{
    return "<poll op=\"ack\" msgID=\"" + id + "\"/>";
}

// ---- extensions ----
inline QByteArray dsData(int keyTag, const QByteArray &digest, int alg = 13, int digestType = 2)
{
    return "<secDNS:dsData>" + tag("secDNS:keyTag", QByteArray::number(keyTag)) + tag("secDNS:alg", QByteArray::number(alg))
           + tag("secDNS:digestType", QByteArray::number(digestType)) + tag("secDNS:digest", digest) + "</secDNS:dsData>";
}

inline QByteArray secDnsCreate(const QByteArray &dsRecords)
{
    return "<secDNS:create xmlns:secDNS=\"urn:ietf:params:xml:ns:secDNS-1.1\">" + dsRecords + "</secDNS:create>";
}

// Removes every DS record, then adds dsRecords.
inline QByteArray secDnsReplaceAll(const QByteArray &dsRecords)
{
    return "<secDNS:update xmlns:secDNS=\"urn:ietf:params:xml:ns:secDNS-1.1\"><secDNS:rem><secDNS:all>true</secDNS:all></secDNS:rem>"
           "<secDNS:add>" + dsRecords + "</secDNS:add></secDNS:update>";
}

inline QByteArray customField(const QByteArray &name, const QByteArray &value)
{
    return "<cf:field name=\"" + name + "\" value=\"" + value + "\"/>";
}

inline QByteArray customFieldsCreate(const QByteArray &fields)
{
    return "<cf:create xmlns:cf=\"urn:registryd:params:xml:ns:customFields-1.0\">" + fields + "</cf:create>";
}

inline QByteArray customFieldsUpdate(const QByteArray &setFields, const QList<QByteArray> &remove = {})
{
    QByteArray rem;
    if (!remove.isEmpty()) {
        rem = "<cf:rem>";
        for (const QByteArray &n : remove)
            rem += tag("cf:name", n);
        rem += "</cf:rem>";
    }
    return "<cf:update xmlns:cf=\"urn:registryd:params:xml:ns:customFields-1.0\">"
           + (setFields.isEmpty() ? QByteArray() : tag("cf:set", setFields)) + rem + "</cf:update>";
}

inline QByteArray rgpRestoreRequest()
{
    return "<rgp:update xmlns:rgp=\"urn:ietf:params:xml:ns:rgp-1.0\"><rgp:restore op=\"request\"/></rgp:update>";
}

inline QByteArray rgpRestoreReport(const QByteArray &delTime, const QByteArray &resTime)
{
    return "<rgp:update xmlns:rgp=\"urn:ietf:params:xml:ns:rgp-1.0\"><rgp:restore op=\"report\"><rgp:report>"
           "<rgp:preData>Pre-delete registration data</rgp:preData><rgp:postData>Post-restore registration data</rgp:postData>"
           + tag("rgp:delTime", delTime) + tag("rgp:resTime", resTime)
           + "<rgp:resReason>Registrant error</rgp:resReason>"
             "<rgp:statement>This registrar has not restored the name to assume its rights.</rgp:statement>"
             "<rgp:statement>The information in this report is true.</rgp:statement>"
             "</rgp:report></rgp:restore></rgp:update>";
}

inline QByteArray feeCheck(const QByteArray &commandName, int years = 1)
{
    return "<fee:check xmlns:fee=\"urn:ietf:params:xml:ns:epp:fee-1.0\"><fee:currency>EUR</fee:currency><fee:command name=\""
           + commandName + "\"><fee:period unit=\"y\">" + QByteArray::number(years) + "</fee:period></fee:command></fee:check>";
}

// fee:create / fee:renew / fee:transfer with the amount the client agrees to pay.
inline QByteArray feeAgree(const QByteArray &commandName, const QByteArray &amount)
{
    return "<fee:" + commandName + " xmlns:fee=\"urn:ietf:params:xml:ns:epp:fee-1.0\"><fee:currency>EUR</fee:currency>"
           + tag("fee:fee", amount) + "</fee:" + commandName + '>';
}

} // namespace testsupport::xrp::cmd
