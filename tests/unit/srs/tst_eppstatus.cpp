// Unit tests for engine/srs/eppstatus.cpp: status tokens, per-object applicability, client/server
// ownership, RFC 5731-5733 combination rules, which commands a status set forbids, and zone presence.
#include "srs/eppstatus.h"

#include <QTest>

using namespace Qt::StringLiterals;
using reg::srs::Command;
using reg::srs::EppStatus;
using reg::srs::ObjectType;
using reg::srs::StatusSet;

Q_DECLARE_METATYPE(reg::srs::ObjectType)
Q_DECLARE_METATYPE(reg::srs::Command)
Q_DECLARE_METATYPE(reg::srs::StatusSet)

namespace {

StatusSet set(const QStringList &names)
{
    const reg::Result<StatusSet> parsed = StatusSet::fromNames(names);
    if (!parsed)
        qFatal("bad status list in test data");
    return *parsed;
}

} // namespace

class tst_EppStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip();
    void parseIsExactAndCaseSensitive_data();
    void parseIsExactAndCaseSensitive();
    void fromNamesRefusesDuplicates();
    void appliesToMatchesTheXsds_data();
    void appliesToMatchesTheXsds();
    void onlyClientValuesAreClientSettable();
    void combinationRules_data();
    void combinationRules();
    void normalizedMaintainsOk_data();
    void normalizedMaintainsOk();
    void prohibits_data();
    void prohibits();
    void clientUpdateProhibitedAllowsOnlyUnlocking_data();
    void clientUpdateProhibitedAllowsOnlyUnlocking();
    void clientStatusChange_data();
    void clientStatusChange();
    void inZone_data();
    void inZone();
};

void tst_EppStatus::namesRoundTrip()
{
    for (int i = 0; i < reg::srs::kEppStatusCount; ++i) {
        const auto status = EppStatus(i);
        const QString name = reg::srs::eppStatusName(status);
        QVERIFY(!name.isEmpty());
        const reg::Result<EppStatus> parsed = reg::srs::parseEppStatus(name);
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, status);
    }
}

void tst_EppStatus::parseIsExactAndCaseSensitive_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("lower case") << u"clienthold"_s;
    QTest::newRow("upper first") << u"ClientHold"_s;
    QTest::newRow("padded") << u" ok"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("unknown") << u"redemptionPeriod"_s;
}

void tst_EppStatus::parseIsExactAndCaseSensitive()
{
    QFETCH(QString, token);
    const reg::Result<EppStatus> parsed = reg::srs::parseEppStatus(token);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, reg::ErrorCode::InvalidInput);
}

void tst_EppStatus::fromNamesRefusesDuplicates()
{
    const reg::Result<StatusSet> parsed = StatusSet::fromNames({u"clientHold"_s, u"clientHold"_s});
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error().message.contains(u"twice"_s));
    QCOMPARE(set({u"serverHold"_s, u"clientHold"_s}).names(), (QStringList{u"clientHold"_s, u"serverHold"_s}));
}

void tst_EppStatus::appliesToMatchesTheXsds_data()
{
    QTest::addColumn<ObjectType>("type");
    QTest::addColumn<QStringList>("expected");
    // The <simpleType name="statusValueType"> enumerations of domain-1.0.xsd, host-1.0.xsd, contact-1.0.xsd.
    QTest::newRow("domain") << ObjectType::Domain
                            << QStringList{u"clientDeleteProhibited"_s, u"clientHold"_s, u"clientRenewProhibited"_s,
                                           u"clientTransferProhibited"_s, u"clientUpdateProhibited"_s, u"inactive"_s,
                                           u"ok"_s, u"pendingCreate"_s, u"pendingDelete"_s, u"pendingRenew"_s,
                                           u"pendingTransfer"_s, u"pendingUpdate"_s, u"serverDeleteProhibited"_s,
                                           u"serverHold"_s, u"serverRenewProhibited"_s, u"serverTransferProhibited"_s,
                                           u"serverUpdateProhibited"_s};
    QTest::newRow("host") << ObjectType::Host
                          << QStringList{u"clientDeleteProhibited"_s, u"clientUpdateProhibited"_s, u"linked"_s, u"ok"_s,
                                         u"pendingCreate"_s, u"pendingDelete"_s, u"pendingTransfer"_s, u"pendingUpdate"_s,
                                         u"serverDeleteProhibited"_s, u"serverUpdateProhibited"_s};
    QTest::newRow("contact") << ObjectType::Contact
                             << QStringList{u"clientDeleteProhibited"_s, u"clientTransferProhibited"_s,
                                            u"clientUpdateProhibited"_s, u"linked"_s, u"ok"_s, u"pendingCreate"_s,
                                            u"pendingDelete"_s, u"pendingTransfer"_s, u"pendingUpdate"_s,
                                            u"serverDeleteProhibited"_s, u"serverTransferProhibited"_s,
                                            u"serverUpdateProhibited"_s};
}

void tst_EppStatus::appliesToMatchesTheXsds()
{
    QFETCH(ObjectType, type);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (int i = 0; i < reg::srs::kEppStatusCount; ++i) {
        if (reg::srs::appliesTo(EppStatus(i), type))
            actual.append(reg::srs::eppStatusName(EppStatus(i)));
    }
    actual.sort();
    expected.sort();
    QCOMPARE(actual, expected);
}

void tst_EppStatus::onlyClientValuesAreClientSettable()
{
    for (int i = 0; i < reg::srs::kEppStatusCount; ++i) {
        const QString name = reg::srs::eppStatusName(EppStatus(i));
        QCOMPARE(reg::srs::isClientSettable(EppStatus(i)), name.startsWith(u"client"_s));
    }
}

void tst_EppStatus::combinationRules_data()
{
    QTest::addColumn<ObjectType>("type");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QString>("reason"); // empty = valid
    const auto D = ObjectType::Domain;
    const auto H = ObjectType::Host;
    const auto C = ObjectType::Contact;
    QTest::newRow("domain ok") << D << QStringList{u"ok"_s} << QString();
    QTest::newRow("domain ok+inactive") << D << QStringList{u"ok"_s, u"inactive"_s} << u"\"ok\" cannot be combined"_s;
    QTest::newRow("domain inactive alone") << D << QStringList{u"inactive"_s} << QString();
    QTest::newRow("domain ok+clientHold") << D << QStringList{u"ok"_s, u"clientHold"_s} << u"\"ok\" cannot be combined"_s;
    QTest::newRow("domain ok+pendingCreate") << D << QStringList{u"ok"_s, u"pendingCreate"_s} << u"\"ok\" cannot be combined"_s;
    QTest::newRow("host ok+linked") << H << QStringList{u"ok"_s, u"linked"_s} << QString();
    QTest::newRow("contact ok+linked") << C << QStringList{u"linked"_s, u"ok"_s} << QString();
    QTest::newRow("host ok+inactive") << H << QStringList{u"ok"_s, u"inactive"_s} << u"does not apply to a host"_s;
    QTest::newRow("host clientHold") << H << QStringList{u"clientHold"_s} << u"does not apply to a host"_s;
    QTest::newRow("contact renew prohibited") << C << QStringList{u"clientRenewProhibited"_s} << u"does not apply to a contact"_s;
    QTest::newRow("domain linked") << D << QStringList{u"linked"_s} << u"does not apply to a domain"_s;
    QTest::newRow("empty") << D << QStringList() << u"at least one status"_s;
    QTest::newRow("holds and locks") << D << QStringList{u"clientHold"_s, u"serverHold"_s, u"clientDeleteProhibited"_s,
                                                         u"serverTransferProhibited"_s, u"inactive"_s} << QString();
    QTest::newRow("pendingDelete+clientDeleteProhibited") << D << QStringList{u"pendingDelete"_s, u"clientDeleteProhibited"_s} << u"cannot be combined"_s;
    QTest::newRow("pendingDelete+serverDeleteProhibited") << H << QStringList{u"pendingDelete"_s, u"serverDeleteProhibited"_s} << u"cannot be combined"_s;
    QTest::newRow("pendingRenew+clientRenewProhibited") << D << QStringList{u"pendingRenew"_s, u"clientRenewProhibited"_s} << u"cannot be combined"_s;
    QTest::newRow("pendingTransfer+serverTransferProhibited") << C << QStringList{u"pendingTransfer"_s, u"serverTransferProhibited"_s} << u"cannot be combined"_s;
    QTest::newRow("pendingUpdate+clientUpdateProhibited") << D << QStringList{u"pendingUpdate"_s, u"clientUpdateProhibited"_s} << u"cannot be combined"_s;
    QTest::newRow("pendingDelete+clientUpdateProhibited") << D << QStringList{u"pendingDelete"_s, u"clientUpdateProhibited"_s} << QString();
    QTest::newRow("pendingTransfer+clientDeleteProhibited") << D << QStringList{u"pendingTransfer"_s, u"clientDeleteProhibited"_s} << QString();
    QTest::newRow("two pending") << D << QStringList{u"pendingTransfer"_s, u"pendingDelete"_s} << u"at most one pending"_s;
    QTest::newRow("three pending") << C << QStringList{u"pendingCreate"_s, u"pendingUpdate"_s, u"pendingDelete"_s} << u"at most one pending"_s;
}

void tst_EppStatus::combinationRules()
{
    QFETCH(ObjectType, type);
    QFETCH(QStringList, statuses);
    QFETCH(QString, reason);
    const reg::Result<void> valid = set(statuses).validate(type);
    if (reason.isEmpty()) {
        QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message));
    } else {
        QVERIFY(!valid.ok());
        QVERIFY2(valid.error().message.contains(reason), qPrintable(valid.error().message));
    }
}

void tst_EppStatus::normalizedMaintainsOk_data()
{
    QTest::addColumn<ObjectType>("type");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::newRow("empty domain gets ok") << ObjectType::Domain << QStringList() << QStringList{u"ok"_s};
    QTest::newRow("inactive domain has no ok") << ObjectType::Domain << QStringList{u"ok"_s, u"inactive"_s} << QStringList{u"inactive"_s};
    QTest::newRow("hold removes ok") << ObjectType::Domain << QStringList{u"ok"_s, u"clientHold"_s} << QStringList{u"clientHold"_s};
    QTest::newRow("linked host gets ok") << ObjectType::Host << QStringList{u"linked"_s} << QStringList{u"ok"_s, u"linked"_s};
    QTest::newRow("locked contact loses ok") << ObjectType::Contact << QStringList{u"ok"_s, u"linked"_s, u"serverDeleteProhibited"_s}
                                             << QStringList{u"linked"_s, u"serverDeleteProhibited"_s};
}

void tst_EppStatus::normalizedMaintainsOk()
{
    QFETCH(ObjectType, type);
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    const StatusSet normal = set(before).normalized(type);
    QCOMPARE(normal.names(), after);
    QVERIFY(normal.validate(type).ok());
}

void tst_EppStatus::prohibits_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("blocker"); // empty = allowed
    QTest::newRow("ok allows delete") << QStringList{u"ok"_s} << Command::Delete << QString();
    QTest::newRow("ok allows renew") << QStringList{u"ok"_s} << Command::Renew << QString();
    QTest::newRow("ok allows transfer") << QStringList{u"ok"_s} << Command::TransferRequest << QString();
    QTest::newRow("ok allows update") << QStringList{u"ok"_s} << Command::Update << QString();
    QTest::newRow("hold allows everything") << QStringList{u"clientHold"_s} << Command::Delete << QString();
    QTest::newRow("clientDeleteProhibited") << QStringList{u"clientDeleteProhibited"_s} << Command::Delete << u"clientDeleteProhibited"_s;
    QTest::newRow("server reason wins") << QStringList{u"clientDeleteProhibited"_s, u"serverDeleteProhibited"_s} << Command::Delete << u"serverDeleteProhibited"_s;
    QTest::newRow("delete lock does not stop renew") << QStringList{u"clientDeleteProhibited"_s} << Command::Renew << QString();
    QTest::newRow("clientRenewProhibited") << QStringList{u"clientRenewProhibited"_s} << Command::Renew << u"clientRenewProhibited"_s;
    QTest::newRow("serverRenewProhibited") << QStringList{u"serverRenewProhibited"_s} << Command::Renew << u"serverRenewProhibited"_s;
    QTest::newRow("clientTransferProhibited") << QStringList{u"clientTransferProhibited"_s} << Command::TransferRequest << u"clientTransferProhibited"_s;
    QTest::newRow("serverTransferProhibited") << QStringList{u"serverTransferProhibited"_s} << Command::TransferRequest << u"serverTransferProhibited"_s;
    QTest::newRow("serverUpdateProhibited") << QStringList{u"serverUpdateProhibited"_s} << Command::Update << u"serverUpdateProhibited"_s;
    QTest::newRow("clientUpdateProhibited") << QStringList{u"clientUpdateProhibited"_s} << Command::Update << u"clientUpdateProhibited"_s;
    QTest::newRow("update lock does not stop delete") << QStringList{u"clientUpdateProhibited"_s} << Command::Delete << QString();
    QTest::newRow("pendingDelete blocks renew") << QStringList{u"pendingDelete"_s} << Command::Renew << u"pendingDelete"_s;
    QTest::newRow("pendingDelete blocks delete") << QStringList{u"pendingDelete"_s} << Command::Delete << u"pendingDelete"_s;
    QTest::newRow("pendingDelete blocks update") << QStringList{u"pendingDelete"_s} << Command::Update << u"pendingDelete"_s;
    QTest::newRow("pendingDelete blocks transfer") << QStringList{u"pendingDelete"_s} << Command::TransferRequest << u"pendingDelete"_s;
    QTest::newRow("pendingTransfer blocks a second request") << QStringList{u"pendingTransfer"_s} << Command::TransferRequest << u"pendingTransfer"_s;
    QTest::newRow("pendingTransfer blocks delete") << QStringList{u"pendingTransfer"_s} << Command::Delete << u"pendingTransfer"_s;
    QTest::newRow("pendingTransfer allows approve") << QStringList{u"pendingTransfer"_s} << Command::TransferApprove << QString();
    QTest::newRow("pendingTransfer allows reject") << QStringList{u"pendingTransfer"_s} << Command::TransferReject << QString();
    QTest::newRow("pendingTransfer allows cancel") << QStringList{u"pendingTransfer"_s} << Command::TransferCancel << QString();
    QTest::newRow("approve needs a pending transfer") << QStringList{u"ok"_s} << Command::TransferApprove << u"pendingTransfer"_s;
    QTest::newRow("restore needs pendingDelete") << QStringList{u"ok"_s} << Command::Restore << u"pendingDelete"_s;
    QTest::newRow("restore in redemption") << QStringList{u"pendingDelete"_s, u"clientHold"_s} << Command::Restore << QString();
    QTest::newRow("restore refused under server lock") << QStringList{u"pendingDelete"_s, u"serverUpdateProhibited"_s} << Command::Restore << u"serverUpdateProhibited"_s;
}

void tst_EppStatus::prohibits()
{
    QFETCH(QStringList, statuses);
    QFETCH(Command, command);
    QFETCH(QString, blocker);
    const std::optional<EppStatus> result = set(statuses).prohibits(command);
    if (blocker.isEmpty()) {
        QVERIFY2(!result, qPrintable(result ? reg::srs::eppStatusName(*result) : QString()));
    } else {
        QVERIFY(result.has_value());
        QCOMPARE(reg::srs::eppStatusName(*result), blocker);
    }
}

void tst_EppStatus::clientUpdateProhibitedAllowsOnlyUnlocking_data()
{
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("add");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<bool>("otherChanges");
    QTest::addColumn<bool>("allowed");
    const QStringList locked{u"clientUpdateProhibited"_s, u"clientDeleteProhibited"_s, u"clientTransferProhibited"_s};
    QTest::newRow("remove the lock") << locked << QStringList() << QStringList{u"clientUpdateProhibited"_s} << false << true;
    QTest::newRow("remove all client locks") << locked << QStringList() << locked << false << true;
    QTest::newRow("unlock plus data change") << locked << QStringList() << QStringList{u"clientUpdateProhibited"_s} << true << false;
    QTest::newRow("unlock plus an add") << locked << QStringList{u"clientHold"_s} << QStringList{u"clientUpdateProhibited"_s} << false << false;
    QTest::newRow("other removal without unlock") << locked << QStringList() << QStringList{u"clientDeleteProhibited"_s} << false << false;
    QTest::newRow("data change only") << locked << QStringList() << QStringList() << true << false;
    QTest::newRow("server lock wins over unlocking") << QStringList{u"clientUpdateProhibited"_s, u"serverUpdateProhibited"_s}
                                                     << QStringList() << QStringList{u"clientUpdateProhibited"_s} << false << false;
    QTest::newRow("unlocked object takes any change") << QStringList{u"clientDeleteProhibited"_s} << QStringList{u"clientHold"_s}
                                                      << QStringList() << true << true;
}

void tst_EppStatus::clientUpdateProhibitedAllowsOnlyUnlocking()
{
    QFETCH(QStringList, current);
    QFETCH(QStringList, add);
    QFETCH(QStringList, remove);
    QFETCH(bool, otherChanges);
    QFETCH(bool, allowed);
    const std::optional<EppStatus> blocker = set(current).prohibitsUpdate(set(add), set(remove), otherChanges);
    QCOMPARE(!blocker.has_value(), allowed);
}

void tst_EppStatus::clientStatusChange_data()
{
    QTest::addColumn<ObjectType>("type");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("add");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<int>("error"); // -1 = accepted, else reg::ErrorCode
    const auto D = ObjectType::Domain;
    QTest::newRow("add hold") << D << QStringList{u"ok"_s} << QStringList{u"clientHold"_s} << QStringList() << -1;
    QTest::newRow("remove lock") << D << QStringList{u"clientDeleteProhibited"_s} << QStringList() << QStringList{u"clientDeleteProhibited"_s} << -1;
    QTest::newRow("server value") << D << QStringList{u"ok"_s} << QStringList{u"serverHold"_s} << QStringList() << int(reg::ErrorCode::Forbidden);
    QTest::newRow("remove server value") << D << QStringList{u"serverHold"_s} << QStringList() << QStringList{u"serverHold"_s} << int(reg::ErrorCode::Forbidden);
    QTest::newRow("ok is the server's") << D << QStringList{u"clientHold"_s} << QStringList{u"ok"_s} << QStringList() << int(reg::ErrorCode::Forbidden);
    QTest::newRow("hold on a host") << ObjectType::Host << QStringList{u"ok"_s} << QStringList{u"clientHold"_s} << QStringList() << int(reg::ErrorCode::InvalidInput);
    QTest::newRow("add and remove") << D << QStringList{u"clientHold"_s} << QStringList{u"clientHold"_s} << QStringList{u"clientHold"_s} << int(reg::ErrorCode::InvalidInput);
    QTest::newRow("already set") << D << QStringList{u"clientHold"_s} << QStringList{u"clientHold"_s} << QStringList() << int(reg::ErrorCode::Conflict);
    QTest::newRow("not set") << D << QStringList{u"ok"_s} << QStringList() << QStringList{u"clientHold"_s} << int(reg::ErrorCode::Conflict);
}

void tst_EppStatus::clientStatusChange()
{
    QFETCH(ObjectType, type);
    QFETCH(QStringList, current);
    QFETCH(QStringList, add);
    QFETCH(QStringList, remove);
    QFETCH(int, error);
    const reg::Result<void> checked = reg::srs::checkClientStatusChange(type, set(current), set(add), set(remove));
    if (error < 0) {
        QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().message));
    } else {
        QVERIFY(!checked.ok());
        QCOMPARE(int(checked.error().code), error);
    }
}

void tst_EppStatus::inZone_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<bool>("published");
    QTest::newRow("ok") << QStringList{u"ok"_s} << true;
    QTest::newRow("locked") << QStringList{u"clientDeleteProhibited"_s, u"serverTransferProhibited"_s} << true;
    QTest::newRow("pendingTransfer stays") << QStringList{u"pendingTransfer"_s} << true;
    QTest::newRow("clientHold") << QStringList{u"clientHold"_s} << false;
    QTest::newRow("serverHold") << QStringList{u"serverHold"_s} << false;
    QTest::newRow("inactive") << QStringList{u"inactive"_s} << false;
    QTest::newRow("pendingDelete") << QStringList{u"pendingDelete"_s} << false;
    QTest::newRow("pendingCreate") << QStringList{u"pendingCreate"_s} << false;
}

void tst_EppStatus::inZone()
{
    QFETCH(QStringList, statuses);
    QFETCH(bool, published);
    QCOMPARE(set(statuses).inZone(), published);
}

QTEST_APPLESS_MAIN(tst_EppStatus)
#include "tst_eppstatus.moc"
