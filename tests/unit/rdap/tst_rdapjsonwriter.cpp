// The RDAP JSON writer (engine/rdap/rdapjsonwriter.cpp) on hand-built directory views: the RFC 9083
// members, RFC 8056 statuses, and privacy: nothing a contact's level hides appears anywhere in the
// answer, and every removal is declared in "redacted" (RFC 9537).
#include "rdap/jsonwriter.h"
#include "rdap/rdapjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace reg;
using reg::rdap::RdapJsonWriter;

Q_DECLARE_METATYPE(srs::PrivacyLevel)

namespace {

const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

directory::RegistrarView registrar()
{
    directory::RegistrarView r;
    r.id = QStringLiteral("registrar-a");
    r.name = QStringLiteral("Registrar A Ltd");
    r.ianaId = 9999;
    r.email = QStringLiteral("support@registrar-a.example");
    r.phone = QStringLiteral("+1.5555550100");
    r.url = QStringLiteral("https://registrar-a.example/");
    r.status = QStringLiteral("ok");
    r.createdAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    return r;
}

directory::ContactView contact(const QString &id, srs::PrivacyLevel privacy)
{
    directory::ContactView c;
    c.id = id;
    c.roid = QStringLiteral("C1-REG");
    c.privacy = privacy;
    c.name = QStringLiteral("Secret Person ") + id;
    c.org = QStringLiteral("Hidden Org ") + id;
    c.street = {QStringLiteral("1 Private Lane ") + id, QStringLiteral("Flat 2")};
    c.city = QStringLiteral("Smalltown") + id;
    c.sp = QStringLiteral("ST");
    c.pc = QStringLiteral("99999-") + id;
    c.cc = QStringLiteral("NZ");
    c.voice = QStringLiteral("+64.21555") + QString::number(id.size()) + QStringLiteral("123 x7");
    c.fax = QStringLiteral("+64.99999") + QString::number(id.size()) + QStringLiteral("321");
    c.email = id + QStringLiteral("@mail.invalid");
    c.createdAt = QDateTime(QDate(2025, 2, 1), QTime(0, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

directory::DomainView domain(srs::PrivacyLevel privacy)
{
    directory::DomainView d;
    d.name = QStringLiteral("xn--caf-dma.test");
    d.unicodeName = QStringLiteral("caf\u00e9.test");
    d.roid = QStringLiteral("D42-REG");
    d.tld = QStringLiteral("test");
    d.statuses = {QStringLiteral("clientTransferProhibited"), QStringLiteral("serverHold"), QStringLiteral("addPeriod")};
    d.sponsor = registrar();
    d.registrant = contact(QStringLiteral("reg1"), privacy);
    d.contacts = {{srs::DomainContact::Type::Admin, contact(QStringLiteral("adm1"), privacy)},
                  {srs::DomainContact::Type::Tech, contact(QStringLiteral("tech1"), privacy)},
                  {srs::DomainContact::Type::Billing, contact(QStringLiteral("bill1"), privacy)}};
    d.nameServers = {{QStringLiteral("ns1.xn--caf-dma.test"), QStringLiteral("ns1.caf\u00e9.test"),
                      {QHostAddress(QStringLiteral("192.0.2.53")), QHostAddress(QStringLiteral("2001:db8::53"))}},
                     {QStringLiteral("ns.provider.example"), QStringLiteral("ns.provider.example"), {}}};
    d.dsRecords = {{12345, 13, 2, QStringLiteral("ABCDEF0123")}};
    d.customFields = {{QStringLiteral("reseller"), QStringLiteral("Shop \"Q\"")}};
    d.createdAt = QDateTime(QDate(2025, 3, 1), QTime(10, 0), Qt::UTC);
    d.updatedAt = QDateTime(QDate(2025, 4, 1), QTime(10, 0), Qt::UTC);
    d.expiresAt = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    d.transferredAt = QDateTime(QDate(2025, 3, 20), QTime(10, 0), Qt::UTC);
    return d;
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("invalid JSON (%s): %s", qPrintable(error.errorString()), json.constData());
    return doc.object();
}

QJsonObject entityWithRole(const QJsonObject &object, const QString &role)
{
    for (const QJsonValue &e : object.value(u"entities").toArray()) {
        if (e.toObject().value(u"roles").toArray().first().toString() == role)
            return e.toObject();
    }
    return {};
}

QStringList vcardProperties(const QJsonObject &entity)
{
    QStringList names;
    for (const QJsonValue &p : entity.value(u"vcardArray").toArray().at(1).toArray())
        names << p.toArray().first().toString();
    return names;
}

// The columns of the privacy tables; `redacted`: the name of the last one.
void addPrivacyColumns(const char *redacted)
{
    QTest::addColumn<srs::PrivacyLevel>("level");
    QTest::addColumn<QStringList>("shownProperties");
    QTest::addColumn<QStringList>("absentValues");
    QTest::addColumn<QStringList>("presentValues");
    QTest::addColumn<QStringList>(redacted);
}

QHash<QString, QString> eventDates(const QJsonObject &object)
{
    QHash<QString, QString> events;
    for (const QJsonValue &e : object.value(u"events").toArray())
        events.insert(e.toObject().value(u"eventAction").toString(), e.toObject().value(u"eventDate").toString());
    return events;
}

QJsonObject linkWithRel(const QJsonObject &object, const QString &rel)
{
    for (const QJsonValue &l : object.value(u"links").toArray()) {
        if (l.toObject().value(u"rel").toString() == rel)
            return l.toObject();
    }
    return {};
}

QStringList redactedNames(const QJsonObject &object)
{
    QStringList names;
    for (const QJsonValue &r : object.value(u"redacted").toArray()) {
        const QJsonObject name = r.toObject().value(u"name").toObject();
        names << (name.contains(u"type") ? name.value(u"type") : name.value(u"description")).toString();
    }
    return names;
}

} // namespace

class tst_RdapJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesStringsAndNestsContainers();
    void writesDomainMembers();
    void appliesPrivacyLevels_data();
    void appliesPrivacyLevels();
    void mapsEppStatuses_data();
    void mapsEppStatuses();
    void writesNameserverAndRegistrar();
    void writesContactEntity_data();
    void writesContactEntity();
    void embeddedContactsLinkToTheirEntity();
    void linksToTheSponsorsRdapService();
    void saysWhenASearchWasTruncated();
    void writesErrorBodies();
};

void tst_RdapJsonWriter::escapesStringsAndNestsContainers()
{
    rdap::JsonWriter w;
    w.beginObject().member("a", QStringLiteral("q\"b\\s\n\x01\u00e9")).key("b").beginArray().value(1).value(true);
    w.beginObject().endObject().beginArray().endArray().endArray().endObject();
    const QByteArray out = w.take();
    QCOMPARE(out, QByteArray("{\"a\":\"q\\\"b\\\\s\\n\\u0001\xc3\xa9\",\"b\":[1,true,{},[]]}"));
    QCOMPARE(parse(out).value(u"a").toString(), QStringLiteral("q\"b\\s\n\x01\u00e9"));
}

void tst_RdapJsonWriter::writesDomainMembers()
{
    const RdapJsonWriter writer(QStringLiteral("https://rdap.test/"), QStringLiteral("whois.test"));
    const QJsonObject o = parse(writer.domain(domain(srs::PrivacyLevel::Unrestricted), kNow));
    QVERIFY(!o.isEmpty());
    QCOMPARE(o.value(u"objectClassName").toString(), u"domain"_qs);
    QCOMPARE(o.value(u"handle").toString(), u"D42-REG"_qs);
    QCOMPARE(o.value(u"ldhName").toString(), u"xn--caf-dma.test"_qs);
    QCOMPARE(o.value(u"unicodeName").toString(), u"caf\u00e9.test"_qs);
    QCOMPARE(o.value(u"port43").toString(), u"whois.test"_qs);
    QVERIFY(o.value(u"rdapConformance").toArray().contains(u"rdap_level_0"_qs));
    QVERIFY(o.value(u"rdapConformance").toArray().contains(u"redacted"_qs));
    QCOMPARE(o.value(u"status").toArray(),
             QJsonArray({u"client transfer prohibited"_qs, u"server hold"_qs, u"add period"_qs}));

    const QHash<QString, QString> events = eventDates(o);
    QCOMPARE(events.value(u"registration"_qs), u"2025-03-01T10:00:00Z"_qs);
    QCOMPARE(events.value(u"last changed"_qs), u"2025-04-01T10:00:00Z"_qs);
    QCOMPARE(events.value(u"expiration"_qs), u"2026-03-01T10:00:00Z"_qs);
    QCOMPARE(events.value(u"transfer"_qs), u"2025-03-20T10:00:00Z"_qs);
    QCOMPARE(events.value(u"last update of RDAP database"_qs), u"2026-03-01T12:00:00Z"_qs);

    const QJsonObject rar = entityWithRole(o, u"registrar"_qs);
    QCOMPARE(rar.value(u"handle").toString(), u"registrar-a"_qs);
    QCOMPARE(rar.value(u"publicIds").toArray().first().toObject().value(u"identifier").toString(), u"9999"_qs);
    QCOMPARE(rar.value(u"publicIds").toArray().first().toObject().value(u"type").toString(), u"IANA Registrar ID"_qs);
    for (const char *role : {"registrant", "administrative", "technical", "billing"})
        QVERIFY2(!entityWithRole(o, QString::fromLatin1(role)).isEmpty(), role);

    const QJsonArray ns = o.value(u"nameservers").toArray();
    QCOMPARE(ns.size(), 2);
    QCOMPARE(ns.at(0).toObject().value(u"ldhName").toString(), u"ns1.xn--caf-dma.test"_qs);
    QCOMPARE(ns.at(0).toObject().value(u"unicodeName").toString(), u"ns1.caf\u00e9.test"_qs);
    QCOMPARE(ns.at(0).toObject().value(u"ipAddresses").toObject().value(u"v4").toArray(), QJsonArray({u"192.0.2.53"_qs}));
    QCOMPARE(ns.at(0).toObject().value(u"ipAddresses").toObject().value(u"v6").toArray(), QJsonArray({u"2001:db8::53"_qs}));
    QVERIFY(!ns.at(1).toObject().contains(u"ipAddresses"));

    const QJsonObject dns = o.value(u"secureDNS").toObject();
    QCOMPARE(dns.value(u"delegationSigned").toBool(), true);
    const QJsonObject ds = dns.value(u"dsData").toArray().first().toObject();
    QCOMPARE(ds.value(u"keyTag").toInt(), 12345);
    QCOMPARE(ds.value(u"algorithm").toInt(), 13);
    QCOMPARE(ds.value(u"digestType").toInt(), 2);
    QCOMPARE(ds.value(u"digest").toString(), u"ABCDEF0123"_qs);

    const QJsonObject self = o.value(u"links").toArray().first().toObject();
    QCOMPARE(self.value(u"rel").toString(), u"self"_qs);
    QCOMPARE(self.value(u"href").toString(), u"https://rdap.test/domain/xn--caf-dma.test"_qs);
    const QJsonObject remark = o.value(u"remarks").toArray().first().toObject();
    QCOMPARE(remark.value(u"title").toString(), u"Additional Information"_qs);
    QCOMPARE(remark.value(u"description").toArray(), QJsonArray({u"reseller: Shop \"Q\""_qs}));
    QCOMPARE(o.value(u"notices").toArray().first().toObject().value(u"title").toString(), u"Terms of Use"_qs);
    QVERIFY(!o.contains(u"redacted"));   // unrestricted: nothing removed
}

void tst_RdapJsonWriter::appliesPrivacyLevels_data()
{
    addPrivacyColumns("redactedForRegistrant");   // absent values: of the registrant, anywhere in the answer

    const directory::ContactView c = contact(QStringLiteral("reg1"), srs::PrivacyLevel::Unrestricted);
    QTest::newRow("unrestricted") << srs::PrivacyLevel::Unrestricted
                                  << QStringList{u"version"_qs, u"fn"_qs, u"org"_qs, u"adr"_qs, u"tel"_qs, u"tel"_qs, u"email"_qs}
                                  << QStringList{}
                                  << QStringList{c.name, c.org, c.street.front(), c.city, c.pc, c.email, u"reg1"_qs,
                                                 u"tel:+64.215554123;ext=7"_qs}
                                  << QStringList{};
    QTest::newRow("restricted") << srs::PrivacyLevel::Restricted
                                << QStringList{u"version"_qs, u"fn"_qs, u"org"_qs, u"adr"_qs}
                                << QStringList{c.email, u"+64.215554123"_qs, u"+64.999994321"_qs}
                                << QStringList{c.name, c.org, c.street.front(), c.city, c.pc}
                                << QStringList{u"Registrant Phone"_qs, u"Registrant Fax"_qs, u"Registrant Email"_qs};
    QTest::newRow("private") << srs::PrivacyLevel::Private
                             << QStringList{u"version"_qs, u"fn"_qs}
                             << QStringList{c.name, c.org, c.street.front(), c.city, c.pc, c.email, u"+64.215554123"_qs,
                                            u"+64.999994321"_qs, u"\"reg1\""_qs, u"Smalltown"_qs}
                             << QStringList{}
                             << QStringList{u"Registry Registrant ID"_qs, u"Registrant Name"_qs, u"Registrant Organization"_qs,
                                            u"Registrant Street"_qs, u"Registrant City"_qs, u"Registrant State/Province"_qs,
                                            u"Registrant Postal Code"_qs, u"Registrant Country"_qs, u"Registrant Phone"_qs,
                                            u"Registrant Fax"_qs, u"Registrant Email"_qs};
}

void tst_RdapJsonWriter::appliesPrivacyLevels()
{
    QFETCH(srs::PrivacyLevel, level);
    QFETCH(QStringList, shownProperties);
    QFETCH(QStringList, absentValues);
    QFETCH(QStringList, presentValues);
    QFETCH(QStringList, redactedForRegistrant);

    const RdapJsonWriter writer(QStringLiteral("https://rdap.test/"), {});
    const QByteArray json = writer.domain(domain(level), kNow);
    const QString text = QString::fromUtf8(json);
    const QJsonObject o = parse(json);
    QVERIFY(!o.isEmpty());

    // No hidden value appears anywhere: not in the entity, not in a path, not in a remark.
    for (const QString &value : absentValues)
        QVERIFY2(!text.contains(value), qPrintable(value));
    for (const QString &value : presentValues)
        QVERIFY2(text.contains(value), qPrintable(value));

    const QJsonObject registrant = entityWithRole(o, u"registrant"_qs);
    QCOMPARE(vcardProperties(registrant), shownProperties);
    if (level == srs::PrivacyLevel::Private) {
        QVERIFY(!registrant.contains(u"handle"));
        QCOMPARE(registrant.value(u"vcardArray").toArray().at(1).toArray().at(1).toArray().at(3).toString(), QString());
    }

    // Every removal of the registrant's data is declared, with a JSONPath and a reason.
    QStringList declared;
    for (const QString &name : redactedNames(o)) {
        if (name.startsWith(u"Registrant") || name == u"Registry Registrant ID")
            declared << name;
    }
    QCOMPARE(declared, redactedForRegistrant);
    for (const QJsonValue &r : o.value(u"redacted").toArray()) {
        const QJsonObject red = r.toObject();
        QCOMPARE(red.value(u"pathLang").toString(), u"jsonpath"_qs);
        const QString method = red.value(u"method").toString();
        QVERIFY(method == u"removal" || method == u"emptyValue");
        QVERIFY(red.value(method == u"removal" ? u"prePath" : u"postPath").toString().startsWith(u"$.entities[?(@.roles[0]=='"));
        QVERIFY(red.value(u"reason").toObject().value(u"description").toString().contains(srs::privacyLevelName(level)));
    }
    // The other contacts get the same treatment.
    if (level != srs::PrivacyLevel::Unrestricted) {
        QVERIFY(redactedNames(o).contains(u"Tech Email"_qs));
        QVERIFY(redactedNames(o).contains(u"Administrative Email"_qs));
        QVERIFY(redactedNames(o).contains(u"Billing Email"_qs));
        QVERIFY(!text.contains(u"tech1@mail.invalid"_qs));
        QVERIFY(!text.contains(u"bill1@mail.invalid"_qs));
    }
    // The registrar is public at every level.
    QVERIFY(text.contains(u"support@registrar-a.example"_qs));
}

void tst_RdapJsonWriter::mapsEppStatuses_data()
{
    QTest::addColumn<QString>("epp");
    QTest::addColumn<QString>("rdap");
    QTest::newRow("ok") << u"ok"_qs << u"active"_qs;
    QTest::newRow("linked") << u"linked"_qs << u"associated"_qs;
    QTest::newRow("inactive") << u"inactive"_qs << u"inactive"_qs;
    QTest::newRow("clientHold") << u"clientHold"_qs << u"client hold"_qs;
    QTest::newRow("serverDeleteProhibited") << u"serverDeleteProhibited"_qs << u"server delete prohibited"_qs;
    QTest::newRow("pendingTransfer") << u"pendingTransfer"_qs << u"pending transfer"_qs;
    QTest::newRow("redemptionPeriod") << u"redemptionPeriod"_qs << u"redemption period"_qs;
    QTest::newRow("autoRenewPeriod") << u"autoRenewPeriod"_qs << u"auto renew period"_qs;
    QTest::newRow("pendingRestore") << u"pendingRestore"_qs << u"pending restore"_qs;
}

void tst_RdapJsonWriter::mapsEppStatuses()
{
    QFETCH(QString, epp);
    QFETCH(QString, rdap);
    QCOMPARE(RdapJsonWriter::rdapStatus(epp), rdap);
}

void tst_RdapJsonWriter::writesNameserverAndRegistrar()
{
    const RdapJsonWriter writer(QStringLiteral("https://rdap.test"), {});   // the missing '/' is added
    directory::HostView h;
    h.name = QStringLiteral("ns1.example.test");
    h.unicodeName = h.name;
    h.roid = QStringLiteral("H7-REG");
    h.statuses = {QStringLiteral("ok"), QStringLiteral("linked")};
    h.addresses = {QHostAddress(QStringLiteral("192.0.2.1"))};
    h.sponsor = registrar();
    h.createdAt = QDateTime(QDate(2025, 5, 1), QTime(0, 0), Qt::UTC);
    const QJsonObject ns = parse(writer.nameserver(h, kNow));
    QCOMPARE(ns.value(u"objectClassName").toString(), u"nameserver"_qs);
    QCOMPARE(ns.value(u"handle").toString(), u"H7-REG"_qs);
    QVERIFY(!ns.contains(u"unicodeName"));
    QCOMPARE(ns.value(u"status").toArray(), QJsonArray({u"active"_qs, u"associated"_qs}));
    QCOMPARE(ns.value(u"links").toArray().first().toObject().value(u"href").toString(), u"https://rdap.test/nameserver/ns1.example.test"_qs);
    QCOMPARE(entityWithRole(ns, u"registrar"_qs).value(u"handle").toString(), u"registrar-a"_qs);

    const QJsonObject rar = parse(writer.registrar(registrar(), kNow));
    QCOMPARE(rar.value(u"objectClassName").toString(), u"entity"_qs);
    QCOMPARE(rar.value(u"handle").toString(), u"registrar-a"_qs);
    QCOMPARE(rar.value(u"roles").toArray(), QJsonArray({u"registrar"_qs}));
    QVERIFY(vcardProperties(rar).contains(u"email"_qs));
    QVERIFY(rar.contains(u"rdapConformance"));
    QVERIFY(rar.contains(u"notices"));
}

void tst_RdapJsonWriter::writesContactEntity_data()
{
    addPrivacyColumns("redacted");

    const directory::ContactView c = contact(QStringLiteral("c77"), srs::PrivacyLevel::Unrestricted);
    QTest::newRow("unrestricted") << srs::PrivacyLevel::Unrestricted
                                  << QStringList{u"version"_qs, u"fn"_qs, u"org"_qs, u"adr"_qs, u"tel"_qs, u"tel"_qs, u"email"_qs}
                                  << QStringList{}
                                  << QStringList{c.name, c.org, c.street.front(), c.city, c.pc, c.email, u"tel:+64.215553123;ext=7"_qs}
                                  << QStringList{};
    QTest::newRow("restricted") << srs::PrivacyLevel::Restricted << QStringList{u"version"_qs, u"fn"_qs, u"org"_qs, u"adr"_qs}
                                << QStringList{c.email, u"+64.215553123"_qs, u"+64.999993321"_qs}
                                << QStringList{c.name, c.org, c.street.front(), c.city, c.pc}
                                << QStringList{u"Contact Phone"_qs, u"Contact Fax"_qs, u"Contact Email"_qs};
    QTest::newRow("private") << srs::PrivacyLevel::Private << QStringList{u"version"_qs, u"fn"_qs}
                             << QStringList{c.name, c.org, c.street.front(), c.city, c.pc, c.email, u"+64.215553123"_qs,
                                            u"+64.999993321"_qs, u"Smalltown"_qs}
                             << QStringList{}
                             << QStringList{u"Contact Name"_qs, u"Contact Organization"_qs, u"Contact Street"_qs, u"Contact City"_qs,
                                            u"Contact State/Province"_qs, u"Contact Postal Code"_qs, u"Contact Country"_qs,
                                            u"Contact Phone"_qs, u"Contact Fax"_qs, u"Contact Email"_qs};
}

void tst_RdapJsonWriter::writesContactEntity()
{
    QFETCH(srs::PrivacyLevel, level);
    QFETCH(QStringList, shownProperties);
    QFETCH(QStringList, absentValues);
    QFETCH(QStringList, presentValues);
    QFETCH(QStringList, redacted);

    const RdapJsonWriter writer(QStringLiteral("https://rdap.test/"), QStringLiteral("whois.test"));
    directory::ContactView c = contact(QStringLiteral("c77"), level);
    c.statuses = {QStringLiteral("ok"), QStringLiteral("linked")};
    c.updatedAt = QDateTime(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC);
    const QByteArray json = writer.contact(c, kNow);
    const QString text = QString::fromUtf8(json);
    const QJsonObject o = parse(json);
    QVERIFY(!o.isEmpty());

    QCOMPARE(o.value(u"objectClassName").toString(), u"entity"_qs);
    // Asked for by its handle, a contact shows it at every level (the client named it).
    QCOMPARE(o.value(u"handle").toString(), u"c77"_qs);
    QVERIFY(!o.contains(u"roles"));   // RFC 9083 roles relate an entity to its containing object; there is none
    QVERIFY(o.value(u"rdapConformance").toArray().contains(u"redacted"_qs));
    QCOMPARE(o.value(u"status").toArray(), QJsonArray({u"active"_qs, u"associated"_qs}));
    const QHash<QString, QString> events = eventDates(o);
    QCOMPARE(events.value(u"registration"_qs), u"2025-02-01T00:00:00Z"_qs);
    QCOMPARE(events.value(u"last changed"_qs), u"2025-06-01T08:00:00Z"_qs);
    QCOMPARE(events.value(u"last update of RDAP database"_qs), u"2026-03-01T12:00:00Z"_qs);
    QCOMPARE(linkWithRel(o, u"self"_qs).value(u"href").toString(), u"https://rdap.test/entity/c77"_qs);
    QCOMPARE(o.value(u"port43").toString(), u"whois.test"_qs);
    QCOMPARE(o.value(u"notices").toArray().first().toObject().value(u"title").toString(), u"Terms of Use"_qs);

    QCOMPARE(vcardProperties(o), shownProperties);
    for (const QString &value : absentValues)
        QVERIFY2(!text.contains(value), qPrintable(value));
    for (const QString &value : presentValues)
        QVERIFY2(text.contains(value), qPrintable(value));

    QCOMPARE(redactedNames(o), redacted);
    QCOMPARE(o.contains(u"redacted"), !redacted.isEmpty());
    for (const QJsonValue &r : o.value(u"redacted").toArray()) {
        const QJsonObject red = r.toObject();
        // No role, so no registered (role-bound) redaction type: descriptions only.
        QVERIFY(red.value(u"name").toObject().contains(u"description"));
        const QString method = red.value(u"method").toString();
        QVERIFY(red.value(method == u"removal" ? u"prePath" : u"postPath").toString().startsWith(u"$.vcardArray[1]"));
        QVERIFY(red.value(u"reason").toObject().value(u"description").toString().contains(srs::privacyLevelName(level)));
    }
}

void tst_RdapJsonWriter::embeddedContactsLinkToTheirEntity()
{
    const RdapJsonWriter writer(QStringLiteral("https://rdap.test/"), {});
    const QJsonObject shown = parse(writer.domain(domain(srs::PrivacyLevel::Restricted), kNow));
    QCOMPARE(linkWithRel(entityWithRole(shown, u"registrant"_qs), u"self"_qs).value(u"href").toString(),
             u"https://rdap.test/entity/reg1"_qs);
    QCOMPARE(linkWithRel(entityWithRole(shown, u"technical"_qs), u"self"_qs).value(u"href").toString(),
             u"https://rdap.test/entity/tech1"_qs);
    // A private contact's handle is withheld in a domain answer, and so is the link that would carry it.
    const QByteArray hidden = writer.domain(domain(srs::PrivacyLevel::Private), kNow);
    QVERIFY(!entityWithRole(parse(hidden), u"registrant"_qs).contains(u"links"));
    QVERIFY(!hidden.contains("entity/reg1"));
}

void tst_RdapJsonWriter::linksToTheSponsorsRdapService()
{
    const RdapJsonWriter writer(QStringLiteral("https://rdap.test/"), {});
    directory::DomainView d = domain(srs::PrivacyLevel::Unrestricted);
    const QJsonObject without = parse(writer.domain(d, kNow));
    QCOMPARE(linkWithRel(without, u"related"_qs), QJsonObject());
    QCOMPARE(linkWithRel(entityWithRole(without, u"registrar"_qs), u"related"_qs), QJsonObject());

    for (const QString &base : {u"https://rdap.registrar-a.example/v1"_qs, u"https://rdap.registrar-a.example/v1/"_qs}) {
        d.sponsor.rdapBaseUrl = base;
        const QJsonObject o = parse(writer.domain(d, kNow));
        const QJsonObject related = linkWithRel(o, u"related"_qs);
        QCOMPARE(related.value(u"href").toString(), u"https://rdap.registrar-a.example/v1/domain/xn--caf-dma.test"_qs);
        QCOMPARE(related.value(u"value").toString(), u"https://rdap.test/domain/xn--caf-dma.test"_qs);
        QCOMPARE(related.value(u"type").toString(), u"application/rdap+json"_qs);
        QCOMPARE(linkWithRel(entityWithRole(o, u"registrar"_qs), u"related"_qs).value(u"href").toString(), base);
    }
    const QJsonObject rar = parse(writer.registrar(d.sponsor, kNow));
    QCOMPARE(linkWithRel(rar, u"related"_qs).value(u"href").toString(), d.sponsor.rdapBaseUrl);
    QCOMPARE(linkWithRel(rar, u"related"_qs).value(u"value").toString(), u"https://rdap.test/entity/registrar-a"_qs);
}

void tst_RdapJsonWriter::saysWhenASearchWasTruncated()
{
    const RdapJsonWriter writer(QStringLiteral("https://rdap.test/"), {});
    directory::SearchResult<directory::DomainView> result;
    result.items = {domain(srs::PrivacyLevel::Unrestricted), domain(srs::PrivacyLevel::Unrestricted)};
    result.truncated = true;
    const QByteArray json = writer.domainSearch(result, 2, kNow);
    const QJsonObject o = parse(json);
    QCOMPARE(o.value(u"domainSearchResults").toArray().size(), 2);
    // Search results carry no contacts at all, so nothing needs redacting.
    QVERIFY(!json.contains("Secret Person"));
    QVERIFY(!json.contains("@mail.invalid"));
    QCOMPARE(entityWithRole(o.value(u"domainSearchResults").toArray().first().toObject(), u"registrant"_qs), QJsonObject());
    bool truncatedNotice = false;
    for (const QJsonValue &n : o.value(u"notices").toArray())
        truncatedNotice |= n.toObject().value(u"type").toString() == u"result set truncated due to excessive load";
    QVERIFY(truncatedNotice);

    result.truncated = false;
    const QJsonObject complete = parse(writer.domainSearch(result, 2, kNow));
    QCOMPARE(complete.value(u"notices").toArray().size(), 1);

    directory::SearchResult<directory::HostView> none;
    const QJsonObject empty = parse(writer.nameserverSearch(none, 10, kNow));
    QCOMPARE(empty.value(u"nameserverSearchResults").toArray(), QJsonArray());
}

void tst_RdapJsonWriter::writesErrorBodies()
{
    const QJsonObject o = parse(RdapJsonWriter::error(404, QStringLiteral("no domain \"x.test\"")));
    QCOMPARE(o.value(u"errorCode").toInt(), 404);
    QCOMPARE(o.value(u"title").toString(), u"Not Found"_qs);
    QCOMPARE(o.value(u"description").toArray(), QJsonArray({u"no domain \"x.test\""_qs}));
    QCOMPARE(parse(RdapJsonWriter::error(429, {})).value(u"title").toString(), u"Too Many Requests"_qs);
}

QTEST_APPLESS_MAIN(tst_RdapJsonWriter)
#include "tst_rdapjsonwriter.moc"
