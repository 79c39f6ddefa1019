// Unit tests for engine/srs/contactcommands.cpp and contactrules.cpp (RFC 5733): check, info (full
// and short form), create with every field rule, update, delete while linked, disclose to privacy,
// transfers with their poll messages, registrar isolation, the journal entries (never authInfo), and
// that every refusal leaves the database as it was.
#include "objectcommandsfixture.h"

#include "srs/authinfo.h"
#include "srs/contact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using reg::srs::ContactCommands;
using reg::srs::ContactCreateRequest;
using reg::srs::ContactUpdateRequest;
using reg::srs::Disclose;
using reg::srs::EppStatus;
using reg::srs::PhoneNumber;
using reg::srs::PostalInfo;
using reg::srs::PrivacyLevel;
using reg::srs::Refusal;
using reg::srs::StatusSet;
using reg::srs::TransferOperation;
using reg::srs::TransferStatus;
using testing::ObjectCommandsFixture;
using testing::Snapshot;

Q_DECLARE_METATYPE(reg::srs::Refusal)
Q_DECLARE_METATYPE(reg::srs::ContactCreateRequest)
Q_DECLARE_METATYPE(reg::srs::Disclose)
Q_DECLARE_METATYPE(reg::srs::PrivacyLevel)
Q_DECLARE_METATYPE(reg::srs::ContactUpdateRequest)

namespace {

const QString kPassword = u"Secret-pw-1"_s;

PostalInfo intForm()
{
    PostalInfo p;
    p.type = PostalInfo::Type::International;
    p.name = u"Jane Doe"_s;
    p.org = u"Example Inc."_s;
    p.street = {u"1 Main Street"_s, u"Suite 2"_s};
    p.city = u"Springfield"_s;
    p.sp = u"VA"_s;
    p.pc = u"20166"_s;
    p.cc = u"US"_s;
    return p;
}

PostalInfo locForm()
{
    PostalInfo p;
    p.type = PostalInfo::Type::Localized;
    p.name = u"Jöns Jürgensen"_s;
    p.street = {u"Straße 1"_s};
    p.city = u"München"_s;
    p.cc = u"DE"_s;
    return p;
}

ContactCreateRequest createRequest(const QString &id)
{
    ContactCreateRequest r;
    r.id = id;
    r.postalInfo = {intForm()};
    r.voice = {u"+1.7035555555"_s, u"1234"_s};
    r.fax = {u"+1.7035555556"_s, {}};
    r.email = u"jane@example.net"_s;
    r.authInfo = kPassword;
    return r;
}

QJsonObject json(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

} // namespace

class tst_ContactCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsAndShowsTheSponsorEverything();
    void storesAuthInfoOnlyHashedAndNeverJournalsIt();
    void keepsBothPostalForms();
    void createRefusals_data();
    void createRefusals();
    void createRefusesAnExistingId();
    void createAcceptsValuesAtTheLimits();
    void checkReportsEachId();
    void checkLimitsTheList();
    void infoOfOthersIsShortUnlessAuthorized();
    void infoOfUnknownContactIsNotFound();
    void privacyFromDisclose_data();
    void privacyFromDisclose();
    void discloseRoundTrips();
    void createAndUpdateSetPrivacy();
    void updateChangesFieldsAndJournals();
    void updateReplacesPostalFormsByType();
    void updateRefusals_data();
    void updateRefusals();
    void clientUpdateProhibitedBlocksAllButUnlocking();
    void linkedIsComputed();
    void deleteRefusedWhileLinked();
    void deleteRefusals();
    void deletesAndJournals();
    void transferRequestRefusals();
    void transferRequestApproveMovesTheContact();
    void pendingTransferBlocksOtherCommands();
    void rejectAndCancel();
    void transferQueryAccess();

private:
    void createFixtureContacts();
    std::unique_ptr<ObjectCommandsFixture> f;
};

void tst_ContactCommands::init()
{
    f = std::make_unique<ObjectCommandsFixture>();
    QVERIFY(f->open());
}

void tst_ContactCommands::cleanup()
{
    f.reset();
}

// "jane" and "jim" of rar-a, "bob" of rar-b.
void tst_ContactCommands::createFixtureContacts()
{
    for (const auto &[id, registrar] : {std::pair{u"jane"_s, u"rar-a"_s}, std::pair{u"jim"_s, u"rar-a"_s}, std::pair{u"bob"_s, u"rar-b"_s}}) {
        auto created = f->write(ContactCommands::create(f->ctx(registrar), createRequest(id)));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    }
}

void tst_ContactCommands::createsAndShowsTheSponsorEverything()
{
    const qint64 head = f->journalHead();
    auto created = f->write(ContactCommands::create(f->ctx(u"rar-a"_s), createRequest(u"jane-1"_s)));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    QCOMPARE(created->id, u"jane-1"_s);
    QVERIFY(created->roid.startsWith(u'C') && created->roid.endsWith(u"-REG"_s));
    QVERIFY(created->roid != u"C999999-REG"_s);
    QCOMPARE(created->createdAt, f->clock.now());
    QCOMPARE(f->journalHead(), head + 1);
    QCOMPARE(f->lastKind(), u"contact.create"_s);
    QCOMPARE(f->lastObject(), u"jane-1"_s);

    auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"jane-1"_s, std::nullopt);
    QVERIFY(info.ok());
    QVERIFY(info->full);
    const auto &c = info->contact;
    QCOMPARE(c.id, u"jane-1"_s);
    QCOMPARE(c.roid, created->roid);
    QCOMPARE(c.statuses, StatusSet({EppStatus::Ok}));
    QCOMPARE(c.postalInfo.size(), 1);
    QCOMPARE(c.postalInfo[0].name, u"Jane Doe"_s);
    QCOMPARE(c.postalInfo[0].org, u"Example Inc."_s);
    QCOMPARE(c.postalInfo[0].street, QStringList({u"1 Main Street"_s, u"Suite 2"_s}));
    QCOMPARE(c.postalInfo[0].city, u"Springfield"_s);
    QCOMPARE(c.postalInfo[0].sp, u"VA"_s);
    QCOMPARE(c.postalInfo[0].pc, u"20166"_s);
    QCOMPARE(c.postalInfo[0].cc, u"US"_s);
    QCOMPARE(c.voice.number, u"+1.7035555555"_s);
    QCOMPARE(c.voice.extension, u"1234"_s);
    QCOMPARE(c.fax.number, u"+1.7035555556"_s);
    QCOMPARE(c.email, u"jane@example.net"_s);
    QCOMPARE(c.privacy, PrivacyLevel::Restricted);
    QCOMPARE(c.sponsorId, u"rar-a"_s);
    QCOMPARE(c.creatorId, u"rar-a"_s);
    QCOMPARE(c.createdAt, f->clock.now());
    QVERIFY(!c.updatedAt);
    QVERIFY(c.updaterId.isEmpty());
    QVERIFY(!c.transferredAt);
    QVERIFY(info->disclose);
    QCOMPARE(ContactCommands::privacyFor(*info->disclose), PrivacyLevel::Restricted);

    const QJsonObject data = json(f->lastData());
    QCOMPARE(data.value(u"sponsor"_s).toString(), u"rar-a"_s);
    QCOMPARE(data.value(u"email"_s).toString(), u"jane@example.net"_s);
    QCOMPARE(data.value(u"privacy"_s).toString(), u"restricted"_s);
    QCOMPARE(data.value(u"postalInfo"_s).toArray().size(), 1);
}

void tst_ContactCommands::storesAuthInfoOnlyHashedAndNeverJournalsIt()
{
    QVERIFY(f->write(ContactCommands::create(f->ctx(u"rar-a"_s), createRequest(u"jane"_s))).ok());
    const QString stored = f->value(u"SELECT auth_info FROM contacts WHERE id = 'jane'"_s).toString();
    QVERIFY(!stored.contains(kPassword));
    QVERIFY(reg::srs::AuthInfo::matches(stored, kPassword));
    const QString journal = f->value(u"SELECT group_concat(data, ' ') FROM journal"_s).toString();
    QVERIFY(!journal.contains(kPassword));
    QVERIFY(!journal.contains(stored));
    QVERIFY(!journal.contains(u"auth"_s, Qt::CaseInsensitive));

    ContactUpdateRequest u;
    u.id = u"jane"_s;
    u.authInfo = u"Another-pw-2"_s;
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), u)).ok());
    QVERIFY(!f->lastData().contains(u"Another-pw-2"_s));
    const QString changed = f->value(u"SELECT auth_info FROM contacts WHERE id = 'jane'"_s).toString();
    QVERIFY(reg::srs::AuthInfo::matches(changed, u"Another-pw-2"_s));
    QVERIFY(!reg::srs::AuthInfo::matches(changed, kPassword));
}

void tst_ContactCommands::keepsBothPostalForms()
{
    ContactCreateRequest r = createRequest(u"both"_s);
    r.postalInfo = {locForm(), intForm()};
    QVERIFY(f->write(ContactCommands::create(f->ctx(u"rar-a"_s), r)).ok());
    auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"both"_s, std::nullopt);
    QVERIFY(info.ok());
    QCOMPARE(info->contact.postalInfo.size(), 2);
    QCOMPARE(info->contact.postalInfo[0].type, PostalInfo::Type::International);
    QCOMPARE(info->contact.postalInfo[0].name, u"Jane Doe"_s);
    QCOMPARE(info->contact.postalInfo[1].type, PostalInfo::Type::Localized);
    QCOMPARE(info->contact.postalInfo[1].name, u"Jöns Jürgensen"_s);
    QCOMPARE(info->contact.postalInfo[1].street, QStringList{u"Straße 1"_s});
    QCOMPARE(info->contact.postalInfo[1].city, u"München"_s);

    ContactCreateRequest locOnly = createRequest(u"loc-only"_s);
    locOnly.postalInfo = {locForm()};
    QVERIFY(f->write(ContactCommands::create(f->ctx(u"rar-a"_s), locOnly)).ok());
    auto locInfo = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"loc-only"_s, std::nullopt);
    QVERIFY(locInfo.ok());
    QCOMPARE(locInfo->contact.postalInfo.size(), 1);
    QCOMPARE(locInfo->contact.postalInfo[0].type, PostalInfo::Type::Localized);
}

void tst_ContactCommands::createRefusals_data()
{
    QTest::addColumn<ContactCreateRequest>("request");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<QString>("field");

    const ContactCreateRequest good = createRequest(u"new-one"_s);
    ContactCreateRequest r = good;
    const auto row = [&](const char *tag, Refusal refusal, const QString &field) {
        QTest::newRow(tag) << r << refusal << field;
        r = good;
    };
    r.id = u"ab"_s;
    row("id too short", Refusal::RangeError, u"contact:id"_s);
    r.id = u"a"_s.repeated(17);
    row("id too long", Refusal::RangeError, u"contact:id"_s);
    r.id = QString();
    row("id missing", Refusal::MissingParameter, u"contact:id"_s);
    r.id = u"has space"_s;
    row("id with space", Refusal::SyntaxError, u"contact:id"_s);
    r.id = u"idé123"_s;
    row("id not ascii", Refusal::SyntaxError, u"contact:id"_s);
    r.postalInfo = {};
    row("no postalInfo", Refusal::MissingParameter, u"contact:postalInfo"_s);
    r.postalInfo = {intForm(), intForm()};
    row("two int forms", Refusal::PolicyError, u"contact:postalInfo"_s);
    r.postalInfo = {intForm(), locForm(), locForm()};
    row("three forms", Refusal::PolicyError, u"contact:postalInfo"_s);
    r.postalInfo = {locForm()};
    r.postalInfo[0].type = PostalInfo::Type::International;
    row("int form not ascii", Refusal::SyntaxError, u"contact:name"_s);
    r.postalInfo[0].name = QString();
    row("name missing", Refusal::MissingParameter, u"contact:name"_s);
    r.postalInfo[0].name = u"   "_s;
    row("name blank", Refusal::MissingParameter, u"contact:name"_s);
    r.postalInfo[0].name = u"x"_s.repeated(256);
    row("name too long", Refusal::RangeError, u"contact:name"_s);
    r.postalInfo[0].city = QString();
    row("city missing", Refusal::MissingParameter, u"contact:city"_s);
    r.postalInfo[0].cc = QString();
    row("cc missing", Refusal::MissingParameter, u"contact:cc"_s);
    r.postalInfo[0].cc = u"us"_s;
    row("cc lower case", Refusal::SyntaxError, u"contact:cc"_s);
    r.postalInfo[0].cc = u"USA"_s;
    row("cc three letters", Refusal::SyntaxError, u"contact:cc"_s);
    r.postalInfo[0].street = {u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    row("four street lines", Refusal::PolicyError, u"contact:street"_s);
    r.postalInfo[0].street = {u"line\nbreak"_s};
    row("street with line break", Refusal::SyntaxError, u"contact:street"_s);
    r.postalInfo[0].pc = u"1"_s.repeated(17);
    row("postal code too long", Refusal::RangeError, u"contact:pc"_s);
    r.voice.number = u"+1-703-555"_s;
    row("voice not e164a", Refusal::SyntaxError, u"contact:voice"_s);
    r.voice.number = u"+1234.5"_s;
    row("voice cc four digits", Refusal::SyntaxError, u"contact:voice"_s);
    r.voice.number = u"+1.123456789012345"_s;
    row("voice fifteen digits", Refusal::SyntaxError, u"contact:voice"_s);
    r.voice.extension = u"12a"_s;
    row("voice extension", Refusal::SyntaxError, u"contact:voice"_s);
    r.fax.number = u"7035555556"_s;
    row("fax without plus", Refusal::SyntaxError, u"contact:fax"_s);
    r.email = QString();
    row("email missing", Refusal::MissingParameter, u"contact:email"_s);
    r.email = u"jane.example.net"_s;
    row("email without at", Refusal::SyntaxError, u"contact:email"_s);
    r.email = u"jane@localhost"_s;
    row("email without dotted domain", Refusal::SyntaxError, u"contact:email"_s);
    r.email = u"ja ne@example.net"_s;
    row("email with space", Refusal::SyntaxError, u"contact:email"_s);
    r.authInfo = QString();
    row("authInfo missing", Refusal::MissingParameter, u"contact:pw"_s);
    r.authInfo = u"short1"_s;
    row("authInfo too short", Refusal::PolicyError, u"contact:pw"_s);
    r.authInfo = u"lettersonly"_s;
    row("authInfo letters only", Refusal::PolicyError, u"contact:pw"_s);
}

void tst_ContactCommands::createRefusals()
{
    QFETCH(ContactCreateRequest, request);
    QFETCH(Refusal, refusal);
    QFETCH(QString, field);
    const Snapshot before = Snapshot::of(*f);
    auto created = f->write(ContactCommands::create(f->ctx(u"rar-a"_s), request));
    QVERIFY(!created.ok());
    QCOMPARE(created.error().refusal, refusal);
    QCOMPARE(created.error().field, field);
    QVERIFY(!created.error().message.isEmpty());
    QVERIFY(!created.error().message.contains(request.authInfo.isEmpty() ? u"\x01"_s : request.authInfo));
    QVERIFY(Snapshot::of(*f) == before);
}

void tst_ContactCommands::createRefusesAnExistingId()
{
    createFixtureContacts();
    const Snapshot before = Snapshot::of(*f);
    auto again = f->write(ContactCommands::create(f->ctx(u"rar-b"_s), createRequest(u"jane"_s)));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().refusal, Refusal::Exists);
    QCOMPARE(again.error().value, u"jane"_s);
    QVERIFY(Snapshot::of(*f) == before);
}

void tst_ContactCommands::createAcceptsValuesAtTheLimits()
{
    ContactCreateRequest r = createRequest(u"abc"_s);
    r.postalInfo[0].street = {u"a"_s.repeated(255), u"b"_s, u"c"_s};
    r.postalInfo[0].pc = u"9"_s.repeated(16);
    r.voice = {u"+999.123456789012"_s, u"1234567890"_s};   // 17 characters, the schema's maxLength
    r.fax = {};
    r.authInfo = u"x1"_s.repeated(32);
    auto created = f->write(ContactCommands::create(f->ctx(u"rar-a"_s), r));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    r = createRequest(u"sixteen-chars-id"_s);
    QCOMPARE(r.id.size(), 16);
    r.postalInfo[0].street = {};
    r.postalInfo[0].org = QString();
    r.postalInfo[0].sp = QString();
    r.postalInfo[0].pc = QString();
    r.voice = {};
    QVERIFY(f->write(ContactCommands::create(f->ctx(u"rar-a"_s), r)).ok());
    auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"sixteen-chars-id"_s, std::nullopt);
    QVERIFY(info.ok());
    QVERIFY(info->contact.voice.isEmpty());
    QVERIFY(info->contact.postalInfo[0].street.isEmpty());
}

void tst_ContactCommands::checkReportsEachId()
{
    createFixtureContacts();
    auto checked = ContactCommands::check(*f->reader, f->ctx(u"rar-b"_s), {u"jane"_s, u"free-id"_s, u"x"_s, u"JANE"_s});
    QVERIFY(checked.ok());
    QCOMPARE(checked->size(), 4);
    QVERIFY(!checked->at(0).available);
    QCOMPARE(checked->at(0).reason, u"In use"_s);
    QVERIFY(checked->at(1).available);
    QVERIFY(!checked->at(2).available);
    QCOMPARE(checked->at(2).reason, u"Invalid contact id"_s);
    QVERIFY(checked->at(3).available);   // ids are case-sensitive (clIDType)
}

void tst_ContactCommands::checkLimitsTheList()
{
    auto none = ContactCommands::check(*f->reader, f->ctx(u"rar-a"_s), {});
    QVERIFY(!none.ok());
    QCOMPARE(none.error().refusal, Refusal::MissingParameter);
    QStringList ids;
    for (int i = 0; i < 100; ++i)
        ids << u"id-%1"_s.arg(i);
    auto tooMany = ContactCommands::check(*f->reader, f->ctx(u"rar-a"_s), ids);
    QVERIFY(!tooMany.ok());
    QCOMPARE(tooMany.error().refusal, Refusal::PolicyError);
    ids.removeLast();
    QVERIFY(ContactCommands::check(*f->reader, f->ctx(u"rar-a"_s), ids).ok());
}

void tst_ContactCommands::infoOfOthersIsShortUnlessAuthorized()
{
    createFixtureContacts();
    auto bare = ContactCommands::info(*f->reader, f->ctx(u"rar-b"_s), u"jane"_s, std::nullopt);
    QVERIFY(bare.ok());
    QVERIFY(!bare->full);
    QCOMPARE(bare->contact.id, u"jane"_s);
    QVERIFY(!bare->contact.roid.isEmpty());
    QCOMPARE(bare->contact.sponsorId, u"rar-a"_s);
    QCOMPARE(bare->contact.statuses, StatusSet({EppStatus::Ok}));
    QVERIFY(bare->contact.postalInfo.isEmpty());
    QVERIFY(bare->contact.email.isEmpty());
    QVERIFY(bare->contact.voice.isEmpty());
    QVERIFY(!bare->disclose);

    auto wrong = ContactCommands::info(*f->reader, f->ctx(u"rar-b"_s), u"jane"_s, u"Wrong-pw-1"_s);
    QVERIFY(wrong.ok());
    QVERIFY(!wrong->full);
    QVERIFY(wrong->contact.email.isEmpty());

    auto right = ContactCommands::info(*f->reader, f->ctx(u"rar-b"_s), u"jane"_s, kPassword);
    QVERIFY(right.ok());
    QVERIFY(right->full);
    QCOMPARE(right->contact.email, u"jane@example.net"_s);
}

void tst_ContactCommands::infoOfUnknownContactIsNotFound()
{
    auto missing = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"nobody"_s, std::nullopt);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().refusal, Refusal::NotFound);
    QCOMPARE(missing.error().value, u"nobody"_s);
}

void tst_ContactCommands::privacyFromDisclose_data()
{
    QTest::addColumn<Disclose>("disclose");
    QTest::addColumn<PrivacyLevel>("level");
    Disclose d;
    d.flag = true;
    d.voice = d.fax = d.email = true;
    QTest::newRow("show voice fax email") << d << PrivacyLevel::Unrestricted;
    d = Disclose();
    d.flag = true;
    d.name = d.org = d.addr = d.voice = d.fax = d.email = true;
    QTest::newRow("show everything") << d << PrivacyLevel::Unrestricted;
    d = Disclose();
    d.flag = true;
    d.email = true;
    QTest::newRow("show email only") << d << PrivacyLevel::Restricted;
    d = Disclose();
    d.flag = false;
    d.voice = d.fax = d.email = true;
    QTest::newRow("hide voice fax email") << d << PrivacyLevel::Restricted;
    d = Disclose();
    d.flag = false;
    d.org = true;
    QTest::newRow("hide org") << d << PrivacyLevel::Restricted;
    d = Disclose();
    d.flag = false;
    d.name = true;
    QTest::newRow("hide name") << d << PrivacyLevel::Private;
    d = Disclose();
    d.flag = false;
    d.addr = true;
    QTest::newRow("hide address") << d << PrivacyLevel::Private;
    d = Disclose();
    d.flag = true;
    QTest::newRow("nothing named") << d << PrivacyLevel::Restricted;
}

void tst_ContactCommands::privacyFromDisclose()
{
    QFETCH(Disclose, disclose);
    QFETCH(PrivacyLevel, level);
    QCOMPARE(ContactCommands::privacyFor(disclose), level);
}

void tst_ContactCommands::discloseRoundTrips()
{
    for (PrivacyLevel level : {PrivacyLevel::Unrestricted, PrivacyLevel::Restricted, PrivacyLevel::Private}) {
        QCOMPARE(ContactCommands::privacyFor(ContactCommands::discloseFor(level)), level);
        QCOMPARE(reg::srs::parsePrivacyLevel(reg::srs::privacyLevelName(level)), std::optional<PrivacyLevel>(level));
    }
    QCOMPARE(reg::srs::privacyLevelName(PrivacyLevel::Unrestricted), u"unrestricted"_s);
    QVERIFY(!reg::srs::parsePrivacyLevel(u"Private"));
    QVERIFY(!reg::srs::parsePrivacyLevel(u""));
}

void tst_ContactCommands::createAndUpdateSetPrivacy()
{
    ContactCreateRequest r = createRequest(u"private-1"_s);
    Disclose hide;
    hide.flag = false;
    hide.name = hide.addr = true;
    r.disclose = hide;
    QVERIFY(f->write(ContactCommands::create(f->ctx(u"rar-a"_s), r)).ok());
    QCOMPARE(f->value(u"SELECT privacy FROM contacts WHERE id = 'private-1'"_s).toString(), u"private"_s);
    QCOMPARE(json(f->lastData()).value(u"privacy"_s).toString(), u"private"_s);

    ContactUpdateRequest u;
    u.id = u"private-1"_s;
    u.disclose = ContactCommands::discloseFor(PrivacyLevel::Unrestricted);
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), u)).ok());
    auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"private-1"_s, std::nullopt);
    QVERIFY(info.ok());
    QCOMPARE(info->contact.privacy, PrivacyLevel::Unrestricted);
}

void tst_ContactCommands::updateChangesFieldsAndJournals()
{
    createFixtureContacts();
    f->clock.advance(3600 * 1000);
    ContactUpdateRequest u;
    u.id = u"jane"_s;
    u.email = u"jane@new.example.org"_s;
    u.voice = PhoneNumber{u"+44.2071234567"_s, {}};
    u.fax = PhoneNumber{};                        // removes the fax
    u.addStatuses = {EppStatus::ClientDeleteProhibited, EppStatus::ClientTransferProhibited};
    const qint64 head = f->journalHead();
    auto updated = f->write(ContactCommands::update(f->ctx(u"rar-a"_s), u));
    QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
    QCOMPARE(f->journalHead(), head + 1);
    QCOMPARE(f->lastKind(), u"contact.update"_s);
    const QJsonObject data = json(f->lastData());
    QCOMPARE(data.value(u"email"_s).toString(), u"jane@new.example.org"_s);
    QCOMPARE(data.value(u"statuses"_s).toArray(), QJsonArray({u"clientDeleteProhibited"_s, u"clientTransferProhibited"_s}));

    auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"jane"_s, std::nullopt);
    QVERIFY(info.ok());
    QCOMPARE(info->contact.email, u"jane@new.example.org"_s);
    QCOMPARE(info->contact.voice.number, u"+44.2071234567"_s);
    QVERIFY(info->contact.voice.extension.isEmpty());
    QVERIFY(info->contact.fax.isEmpty());
    QCOMPARE(info->contact.statuses, StatusSet({EppStatus::ClientDeleteProhibited, EppStatus::ClientTransferProhibited}));
    QCOMPARE(info->contact.updaterId, u"rar-a"_s);
    QCOMPARE(info->contact.updatedAt, std::optional<QDateTime>(f->clock.now()));
    QCOMPARE(info->contact.postalInfo[0].name, u"Jane Doe"_s);   // untouched

    ContactUpdateRequest unlock;
    unlock.id = u"jane"_s;
    unlock.removeStatuses = {EppStatus::ClientDeleteProhibited};
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), unlock)).ok());
    QCOMPARE(f->value(u"SELECT statuses FROM contacts WHERE id = 'jane'"_s).toString(), u"clientTransferProhibited"_s);
}

void tst_ContactCommands::updateReplacesPostalFormsByType()
{
    createFixtureContacts();
    ContactUpdateRequest u;
    u.id = u"jane"_s;
    u.postalInfo = {locForm()};
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), u)).ok());
    auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"jane"_s, std::nullopt);
    QVERIFY(info.ok());
    QCOMPARE(info->contact.postalInfo.size(), 2);
    QCOMPARE(info->contact.postalInfo[0].name, u"Jane Doe"_s);
    QCOMPARE(info->contact.postalInfo[1].city, u"München"_s);

    PostalInfo moved = intForm();
    moved.street = {};
    moved.city = u"Richmond"_s;
    u.postalInfo = {moved};
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), u)).ok());
    info = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"jane"_s, std::nullopt);
    QCOMPARE(info->contact.postalInfo[0].city, u"Richmond"_s);
    QVERIFY(info->contact.postalInfo[0].street.isEmpty());
    QCOMPARE(info->contact.postalInfo[1].city, u"München"_s);
}

void tst_ContactCommands::updateRefusals_data()
{
    QTest::addColumn<QString>("registrar");
    QTest::addColumn<ContactUpdateRequest>("request");
    QTest::addColumn<Refusal>("refusal");
    ContactUpdateRequest base;
    base.id = u"jane"_s;
    base.email = u"new@example.net"_s;

    ContactUpdateRequest r = base;
    QTest::newRow("not the sponsor") << u"rar-b"_s << r << Refusal::AuthorizationError;
    r.id = u"nobody"_s;
    QTest::newRow("unknown contact") << u"rar-a"_s << r << Refusal::NotFound;
    r = base;
    r.email = u"broken"_s;
    QTest::newRow("bad email") << u"rar-a"_s << r << Refusal::SyntaxError;
    r = base;
    r.voice = PhoneNumber{u"555-1234"_s, {}};
    QTest::newRow("bad voice") << u"rar-a"_s << r << Refusal::SyntaxError;
    r = base;
    r.authInfo = u"weak"_s;
    QTest::newRow("weak authInfo") << u"rar-a"_s << r << Refusal::PolicyError;
    r = base;
    PostalInfo bad = intForm();
    bad.cc = u"xx"_s;
    r.postalInfo = {bad};
    QTest::newRow("bad postal form") << u"rar-a"_s << r << Refusal::SyntaxError;
    r.postalInfo = {intForm(), intForm()};
    QTest::newRow("two int forms") << u"rar-a"_s << r << Refusal::PolicyError;
    r = base;
    r.addStatuses = {EppStatus::ServerUpdateProhibited};
    QTest::newRow("server status") << u"rar-a"_s << r << Refusal::PolicyError;
    r.addStatuses = {EppStatus::ClientHold};
    QTest::newRow("status not for contacts") << u"rar-a"_s << r << Refusal::PolicyError;
    r.addStatuses = {};
    r.removeStatuses = {EppStatus::ClientDeleteProhibited};
    QTest::newRow("remove status not set") << u"rar-a"_s << r << Refusal::PolicyError;
}

void tst_ContactCommands::updateRefusals()
{
    QFETCH(QString, registrar);
    QFETCH(ContactUpdateRequest, request);
    QFETCH(Refusal, refusal);
    createFixtureContacts();
    const Snapshot before = Snapshot::of(*f);
    auto updated = f->write(ContactCommands::update(f->ctx(registrar), request));
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().refusal, refusal);
    QVERIFY(Snapshot::of(*f) == before);
}

void tst_ContactCommands::clientUpdateProhibitedBlocksAllButUnlocking()
{
    createFixtureContacts();
    ContactUpdateRequest lock;
    lock.id = u"jane"_s;
    lock.addStatuses = {EppStatus::ClientUpdateProhibited};
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), lock)).ok());
    ContactUpdateRequest change;
    change.id = u"jane"_s;
    change.email = u"other@example.net"_s;
    const Snapshot before = Snapshot::of(*f);
    auto refused = f->write(ContactCommands::update(f->ctx(u"rar-a"_s), change));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().refusal, Refusal::StatusProhibits);
    QVERIFY(Snapshot::of(*f) == before);
    ContactUpdateRequest unlock;
    unlock.id = u"jane"_s;
    unlock.removeStatuses = {EppStatus::ClientUpdateProhibited};
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), unlock)).ok());
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), change)).ok());
}

void tst_ContactCommands::linkedIsComputed()
{
    createFixtureContacts();
    const QString jane = f->value(u"SELECT roid FROM contacts WHERE id = 'jane'"_s).toString();
    const QString jim = f->value(u"SELECT roid FROM contacts WHERE id = 'jim'"_s).toString();
    QVERIFY(f->addDomain(u"alpha.example"_s, u"rar-a"_s, u"D000001-REG"_s));
    QVERIFY(f->sql(u"UPDATE domains SET registrant_roid = ?1"_s, {jane}));
    QVERIFY(f->sql(u"INSERT INTO domain_contacts (domain_roid, contact_roid, type) VALUES ('D000001-REG', ?1, 'tech')"_s, {jim}));
    for (const QString &id : {u"jane"_s, u"jim"_s}) {
        auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-b"_s), id, std::nullopt);
        QVERIFY(info.ok());
        QCOMPARE(info->contact.statuses, StatusSet({EppStatus::Ok, EppStatus::Linked}));
    }
    auto bob = ContactCommands::info(*f->reader, f->ctx(u"rar-b"_s), u"bob"_s, std::nullopt);
    QCOMPARE(bob->contact.statuses, StatusSet({EppStatus::Ok}));
    // Never stored: the column keeps only what the client or server set.
    QCOMPARE(f->value(u"SELECT statuses FROM contacts WHERE id = 'jane'"_s).toString(), QString());
}

void tst_ContactCommands::deleteRefusedWhileLinked()
{
    createFixtureContacts();
    const QString jane = f->value(u"SELECT roid FROM contacts WHERE id = 'jane'"_s).toString();
    const QString jim = f->value(u"SELECT roid FROM contacts WHERE id = 'jim'"_s).toString();
    QVERIFY(f->addDomain(u"alpha.example"_s, u"rar-a"_s, u"D000001-REG"_s));
    QVERIFY(f->sql(u"UPDATE domains SET registrant_roid = ?1"_s, {jane}));
    QVERIFY(f->sql(u"INSERT INTO domain_contacts (domain_roid, contact_roid, type) VALUES ('D000001-REG', ?1, 'admin')"_s, {jim}));
    const Snapshot before = Snapshot::of(*f);
    for (const QString &id : {u"jane"_s, u"jim"_s}) {
        auto refused = f->write(ContactCommands::remove(f->ctx(u"rar-a"_s), id));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().refusal, Refusal::AssociationProhibits);
    }
    QVERIFY(Snapshot::of(*f) == before);
    QVERIFY(f->sql(u"DELETE FROM domain_contacts"_s));
    QVERIFY(f->write(ContactCommands::remove(f->ctx(u"rar-a"_s), u"jim"_s)).ok());
}

void tst_ContactCommands::deleteRefusals()
{
    createFixtureContacts();
    const Snapshot before = Snapshot::of(*f);
    auto other = f->write(ContactCommands::remove(f->ctx(u"rar-b"_s), u"jane"_s));
    QVERIFY(!other.ok());
    QCOMPARE(other.error().refusal, Refusal::AuthorizationError);
    auto missing = f->write(ContactCommands::remove(f->ctx(u"rar-a"_s), u"nobody"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().refusal, Refusal::NotFound);
    QVERIFY(Snapshot::of(*f) == before);

    ContactUpdateRequest lock;
    lock.id = u"jane"_s;
    lock.addStatuses = {EppStatus::ClientDeleteProhibited};
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), lock)).ok());
    const Snapshot locked = Snapshot::of(*f);
    auto prohibited = f->write(ContactCommands::remove(f->ctx(u"rar-a"_s), u"jane"_s));
    QVERIFY(!prohibited.ok());
    QCOMPARE(prohibited.error().refusal, Refusal::StatusProhibits);
    QVERIFY(Snapshot::of(*f) == locked);
    QVERIFY(f->sql(u"UPDATE contacts SET statuses = 'serverDeleteProhibited' WHERE id = 'jim'"_s));
    auto server = f->write(ContactCommands::remove(f->ctx(u"rar-a"_s), u"jim"_s));
    QVERIFY(!server.ok());
    QCOMPARE(server.error().refusal, Refusal::StatusProhibits);
}

void tst_ContactCommands::deletesAndJournals()
{
    createFixtureContacts();
    const qint64 head = f->journalHead();
    QVERIFY(f->write(ContactCommands::remove(f->ctx(u"rar-a"_s), u"jane"_s)).ok());
    QCOMPARE(f->journalHead(), head + 1);
    QCOMPARE(f->lastKind(), u"contact.delete"_s);
    QCOMPARE(f->lastObject(), u"jane"_s);
    QCOMPARE(f->count(u"contacts WHERE id = 'jane'"_s), 0);
    auto checked = ContactCommands::check(*f->reader, f->ctx(u"rar-b"_s), {u"jane"_s});
    QVERIFY(checked.ok() && checked->at(0).available);
}

void tst_ContactCommands::transferRequestRefusals()
{
    createFixtureContacts();
    const Snapshot before = Snapshot::of(*f);
    const auto request = [&](const QString &registrar, const std::optional<QString> &pw) {
        return f->write(ContactCommands::transfer(f->ctx(registrar), TransferOperation::Request, u"jane"_s, pw));
    };
    auto own = request(u"rar-a"_s, kPassword);
    QVERIFY(!own.ok());
    QCOMPARE(own.error().refusal, Refusal::NotEligibleForTransfer);
    auto noPw = request(u"rar-b"_s, std::nullopt);
    QVERIFY(!noPw.ok());
    QCOMPARE(noPw.error().refusal, Refusal::MissingParameter);
    auto wrongPw = request(u"rar-b"_s, u"Wrong-pw-9"_s);
    QVERIFY(!wrongPw.ok());
    QCOMPARE(wrongPw.error().refusal, Refusal::InvalidAuthInfo);
    auto missing = f->write(ContactCommands::transfer(f->ctx(u"rar-b"_s), TransferOperation::Request, u"nobody"_s, kPassword));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().refusal, Refusal::NotFound);
    auto nothingPending = f->write(ContactCommands::transfer(f->ctx(u"rar-a"_s), TransferOperation::Approve, u"jane"_s, std::nullopt));
    QVERIFY(!nothingPending.ok());
    QCOMPARE(nothingPending.error().refusal, Refusal::NotPendingTransfer);
    QVERIFY(Snapshot::of(*f) == before);

    ContactUpdateRequest lock;
    lock.id = u"jane"_s;
    lock.addStatuses = {EppStatus::ClientTransferProhibited};
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), lock)).ok());
    const Snapshot locked = Snapshot::of(*f);
    auto prohibited = request(u"rar-b"_s, kPassword);
    QVERIFY(!prohibited.ok());
    QCOMPARE(prohibited.error().refusal, Refusal::StatusProhibits);
    QVERIFY(Snapshot::of(*f) == locked);
}

void tst_ContactCommands::transferRequestApproveMovesTheContact()
{
    createFixtureContacts();
    const QDateTime requestedAt = f->clock.now();
    auto requested = f->write(ContactCommands::transfer(f->ctx(u"rar-b"_s), TransferOperation::Request, u"jane"_s, kPassword));
    QVERIFY2(requested.ok(), qPrintable(requested.ok() ? QString() : requested.error().message));
    QCOMPARE(requested->status, TransferStatus::Pending);
    QCOMPARE(requested->objectName, u"jane"_s);
    QCOMPARE(requested->requestingId, u"rar-b"_s);
    QCOMPARE(requested->actingId, u"rar-a"_s);
    QCOMPARE(requested->requestedAt, requestedAt);
    QCOMPARE(requested->actionAt, requestedAt.addSecs(f->policy.transferPendingSecs));
    QCOMPARE(f->lastKind(), u"contact.transfer"_s);
    QCOMPARE(json(f->lastData()).value(u"transfer"_s).toObject().value(u"trStatus"_s).toString(), u"pending"_s);
    QCOMPARE(f->count(u"transfers WHERE object_type = 'contact' AND status = 'pending'"_s), 1);
    QCOMPARE(f->count(u"poll_messages WHERE registrar_id = 'rar-a' AND kind = 'transfer'"_s), 1);
    QCOMPARE(f->count(u"poll_messages WHERE registrar_id = 'rar-b' AND kind = 'transfer'"_s), 1);
    const QJsonObject poll = json(f->value(u"SELECT data FROM poll_messages WHERE registrar_id = 'rar-a'"_s).toString());
    QCOMPARE(poll.value(u"type"_s).toString(), u"contact:trnData"_s);
    QCOMPARE(poll.value(u"id"_s).toString(), u"jane"_s);
    QCOMPARE(poll.value(u"reID"_s).toString(), u"rar-b"_s);
    QCOMPARE(poll.value(u"acID"_s).toString(), u"rar-a"_s);

    auto info = ContactCommands::info(*f->reader, f->ctx(u"rar-c"_s), u"jane"_s, std::nullopt);
    QCOMPARE(info->contact.statuses, StatusSet({EppStatus::PendingTransfer}));

    // Only the sponsor approves.
    const Snapshot before = Snapshot::of(*f);
    for (const QString &who : {u"rar-b"_s, u"rar-c"_s}) {
        auto refused = f->write(ContactCommands::transfer(f->ctx(who), TransferOperation::Approve, u"jane"_s, std::nullopt));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().refusal, Refusal::AuthorizationError);
    }
    QVERIFY(Snapshot::of(*f) == before);

    f->clock.advance(3600 * 1000);
    auto approved = f->write(ContactCommands::transfer(f->ctx(u"rar-a"_s), TransferOperation::Approve, u"jane"_s, std::nullopt));
    QVERIFY(approved.ok());
    QCOMPARE(approved->status, TransferStatus::ClientApproved);
    QCOMPARE(approved->actionAt, f->clock.now());
    QCOMPARE(f->lastKind(), u"contact.transfer"_s);
    QCOMPARE(json(f->lastData()).value(u"sponsor"_s).toString(), u"rar-b"_s);
    QCOMPARE(f->count(u"poll_messages WHERE kind = 'transfer'"_s), 4);

    auto after = ContactCommands::info(*f->reader, f->ctx(u"rar-b"_s), u"jane"_s, std::nullopt);
    QVERIFY(after.ok());
    QVERIFY(after->full);
    QCOMPARE(after->contact.sponsorId, u"rar-b"_s);
    QCOMPARE(after->contact.transferredAt, std::optional<QDateTime>(f->clock.now()));
    QCOMPARE(after->contact.statuses, StatusSet({EppStatus::Ok}));
    // The old sponsor now sees the short form and can no longer change it.
    auto old = ContactCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"jane"_s, std::nullopt);
    QVERIFY(!old->full);
    ContactUpdateRequest u;
    u.id = u"jane"_s;
    u.email = u"x@example.net"_s;
    QCOMPARE(f->write(ContactCommands::update(f->ctx(u"rar-a"_s), u)).error().refusal, Refusal::AuthorizationError);
    QVERIFY(f->write(ContactCommands::update(f->ctx(u"rar-b"_s), u)).ok());
}

void tst_ContactCommands::pendingTransferBlocksOtherCommands()
{
    createFixtureContacts();
    QVERIFY(f->write(ContactCommands::transfer(f->ctx(u"rar-b"_s), TransferOperation::Request, u"jane"_s, kPassword)).ok());
    const Snapshot before = Snapshot::of(*f);
    auto again = f->write(ContactCommands::transfer(f->ctx(u"rar-c"_s), TransferOperation::Request, u"jane"_s, kPassword));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().refusal, Refusal::PendingTransfer);
    ContactUpdateRequest u;
    u.id = u"jane"_s;
    u.email = u"x@example.net"_s;
    auto update = f->write(ContactCommands::update(f->ctx(u"rar-a"_s), u));
    QVERIFY(!update.ok());
    QCOMPARE(update.error().refusal, Refusal::PendingTransfer);
    auto remove = f->write(ContactCommands::remove(f->ctx(u"rar-a"_s), u"jane"_s));
    QVERIFY(!remove.ok());
    QCOMPARE(remove.error().refusal, Refusal::PendingTransfer);
    QVERIFY(Snapshot::of(*f) == before);
}

void tst_ContactCommands::rejectAndCancel()
{
    createFixtureContacts();
    const auto op = [&](const QString &who, TransferOperation o) {
        return f->write(ContactCommands::transfer(f->ctx(who), o, u"jane"_s, o == TransferOperation::Request ? std::optional(kPassword) : std::nullopt));
    };
    QVERIFY(op(u"rar-b"_s, TransferOperation::Request).ok());
    auto rejectByRequester = op(u"rar-b"_s, TransferOperation::Reject);
    QCOMPARE(rejectByRequester.error().refusal, Refusal::AuthorizationError);
    auto rejected = op(u"rar-a"_s, TransferOperation::Reject);
    QVERIFY(rejected.ok());
    QCOMPARE(rejected->status, TransferStatus::ClientRejected);
    QCOMPARE(f->value(u"SELECT registrar_id FROM contacts WHERE id = 'jane'"_s).toString(), u"rar-a"_s);

    QVERIFY(op(u"rar-b"_s, TransferOperation::Request).ok());
    auto cancelBySponsor = op(u"rar-a"_s, TransferOperation::Cancel);
    QCOMPARE(cancelBySponsor.error().refusal, Refusal::AuthorizationError);
    auto cancelByThird = op(u"rar-c"_s, TransferOperation::Cancel);
    QCOMPARE(cancelByThird.error().refusal, Refusal::AuthorizationError);
    auto cancelled = op(u"rar-b"_s, TransferOperation::Cancel);
    QVERIFY(cancelled.ok());
    QCOMPARE(cancelled->status, TransferStatus::ClientCancelled);
    QCOMPARE(f->value(u"SELECT registrar_id FROM contacts WHERE id = 'jane'"_s).toString(), u"rar-a"_s);
    QCOMPARE(f->count(u"transfers WHERE status = 'pending'"_s), 0);
    auto afterCancel = op(u"rar-b"_s, TransferOperation::Cancel);
    QCOMPARE(afterCancel.error().refusal, Refusal::NotPendingTransfer);
    // Two transfers, each with two state changes, each to both registrars.
    QCOMPARE(f->count(u"poll_messages"_s), 8);
}

void tst_ContactCommands::transferQueryAccess()
{
    createFixtureContacts();
    auto never = ContactCommands::transferQuery(*f->reader, f->ctx(u"rar-a"_s), u"jane"_s, std::nullopt);
    QVERIFY(!never.ok());
    QCOMPARE(never.error().refusal, Refusal::NotPendingTransfer);

    QVERIFY(f->write(ContactCommands::transfer(f->ctx(u"rar-b"_s), TransferOperation::Request, u"jane"_s, kPassword)).ok());
    for (const QString &party : {u"rar-a"_s, u"rar-b"_s}) {
        auto q = ContactCommands::transferQuery(*f->reader, f->ctx(party), u"jane"_s, std::nullopt);
        QVERIFY(q.ok());
        QCOMPARE(q->status, TransferStatus::Pending);
        QCOMPARE(q->requestingId, u"rar-b"_s);
    }
    auto third = ContactCommands::transferQuery(*f->reader, f->ctx(u"rar-c"_s), u"jane"_s, std::nullopt);
    QVERIFY(!third.ok());
    QCOMPARE(third.error().refusal, Refusal::AuthorizationError);
    auto thirdWrong = ContactCommands::transferQuery(*f->reader, f->ctx(u"rar-c"_s), u"jane"_s, u"Wrong-pw-1"_s);
    QCOMPARE(thirdWrong.error().refusal, Refusal::InvalidAuthInfo);
    auto thirdRight = ContactCommands::transferQuery(*f->reader, f->ctx(u"rar-c"_s), u"jane"_s, kPassword);
    QVERIFY(thirdRight.ok());
    auto missing = ContactCommands::transferQuery(*f->reader, f->ctx(u"rar-a"_s), u"nobody"_s, std::nullopt);
    QCOMPARE(missing.error().refusal, Refusal::NotFound);
}

QTEST_GUILESS_MAIN(tst_ContactCommands)
#include "tst_contactcommands.moc"
