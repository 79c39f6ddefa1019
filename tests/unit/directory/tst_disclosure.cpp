#include "directory/disclosure.h"

#include <QTest>

using reg::directory::ContactDisclosure;
using reg::srs::PrivacyLevel;

Q_DECLARE_METATYPE(reg::srs::PrivacyLevel)

// Seed 001's three privacy levels as the publishable fields of a contact.
class tst_Disclosure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void levelDecidesEachField_data();
    void levelDecidesEachField();
};

void tst_Disclosure::levelDecidesEachField_data()
{
    QTest::addColumn<PrivacyLevel>("level");
    QTest::addColumn<bool>("name");
    QTest::addColumn<bool>("org");
    QTest::addColumn<bool>("address");
    QTest::addColumn<bool>("voice");
    QTest::addColumn<bool>("fax");
    QTest::addColumn<bool>("email");
    QTest::addColumn<bool>("anythingHidden");
    QTest::newRow("unrestricted shows all") << PrivacyLevel::Unrestricted << true << true << true << true << true << true << false;
    QTest::newRow("restricted shows name and address") << PrivacyLevel::Restricted << true << true << true << false << false << false << true;
    QTest::newRow("private shows nothing") << PrivacyLevel::Private << false << false << false << false << false << false << true;
}

void tst_Disclosure::levelDecidesEachField()
{
    QFETCH(PrivacyLevel, level);
    const ContactDisclosure d = ContactDisclosure::forLevel(level);
    QTEST(d.name, "name");
    QTEST(d.org, "org");
    QTEST(d.address, "address");
    QTEST(d.voice, "voice");
    QTEST(d.fax, "fax");
    QTEST(d.email, "email");
    QTEST(d.anythingHidden(), "anythingHidden");
}

QTEST_GUILESS_MAIN(tst_Disclosure)
#include "tst_disclosure.moc"
