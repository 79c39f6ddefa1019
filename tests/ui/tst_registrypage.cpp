#include "uitestsupport.h"

#include "ui/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/registraractivitymodel.h"
#include "ui/registrypage.h"
#include "ui/registrysearchmodel.h"

#include <QItemSelectionModel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <sqlite3.h>

#include <memory>

using namespace Qt::StringLiterals;
using noc::RegistryPage;
using noc::RegistrySearchModel;
using Type = RegistrySearchModel::ObjectType;

namespace {

constexpr int ledgerRows = RegistryPage::ActivityPageSize + 10;
constexpr int auditRows = 3;

// The ledger and XRP audit are empty until registrars work; the test writes rows into the
// engine's database before the engine starts and then reads them through the console.
QString seed(const testsupport::EngineFixture &engine)
{
    QByteArray sql = "BEGIN;"
                     "INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, created_at, updated_at, expires_at) "
                     "SELECT 'D999002-REG', 'zz-console-test.example', 'example', 'rar-alpha', roid, 1700000000000, 1700000000000, "
                     "1900000000000 FROM contacts WHERE registrar_id = 'rar-alpha' ORDER BY roid LIMIT 1;";
    for (int i = 1; i <= ledgerRows; ++i)
        sql += "INSERT INTO ledger (registrar_id, at, operation, object, amount_cents, balance_after_cents) VALUES ('rar-alpha', "
            + QByteArray::number(1700000000000LL + i * 1000) + ", 'renew', 'r" + QByteArray::number(i) + ".example', -1500, "
            + QByteArray::number(2500000 - i * 1500) + ");";
    for (int i = 1; i <= auditRows; ++i)
        sql += "INSERT INTO xrp_audit (at, registrar_id, user_id, client_address, command, server_trid, result_code, latency_us) VALUES ("
            + QByteArray::number(1700000000000LL + i) + ", 'rar-alpha', 'alpha-epp', '127.0.0.1', 'domain:renew', 'S" + QByteArray::number(i)
            + "', 1000, 900);";
    sql += "COMMIT;";
    sqlite3 *db = nullptr;
    const QByteArray file = QFile::encodeName(QDir(engine.dataDir()).filePath(u"registry.db"_s));
    if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return u"cannot open the database"_s;
    }
    char *message = nullptr;
    QString error;
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK)
        error = QString::fromUtf8(message);
    sqlite3_free(message);
    sqlite3_close(db);
    return error;
}

void selectRow(QTableView *view, int row)
{
    view->selectionModel()->setCurrentIndex(view->model()->index(row, 0),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace

// The Registry page against a real registryd: search a domain and open it, list the registrars,
// open one and page through its ledger; an unknown object is reported, not shown.
class tst_RegistryPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        QString error;
        QVERIFY2(m_engine.initialize(&error), qPrintable(error));
        const QString seedError = seed(m_engine);
        QVERIFY2(seedError.isEmpty(), qPrintable(seedError));
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        m_window = std::make_unique<noc::MainWindow>();
        m_window->show();
        m_page = m_window->registryPage();
        QVERIFY(m_page);
    }

    void saysNotConnectedAndDisablesSearch()
    {
        m_window->showPage(noc::MainWindow::Registry);
        QCOMPARE(m_window->currentPage(), noc::MainWindow::Registry);
        QVERIFY(m_page->messageText().contains(u"Not connected"_s));
        QVERIFY(!m_page->findChild<QPushButton *>(u"registrySearchButton"_s)->isEnabled());
    }

    void searchesADomainAndOpensIt()
    {
        m_window->connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QVERIFY(m_page->findChild<QPushButton *>(u"registrySearchButton"_s)->isEnabled());

        m_page->search(u"zz-console"_s, Type::Domain);
        RegistrySearchModel *results = m_page->searchModel();
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 1, 10000);
        QCOMPARE(results->key(0), u"zz-console-test.example"_s);

        selectRow(m_page->findChild<QTableView *>(u"registryResults"_s), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_page->detailKey(), u"zz-console-test.example"_s, 10000);
        QCOMPARE(m_page->detailType(), Type::Domain);
        QCOMPARE(m_page->detail().value(u"registrar"_s).toString(), u"rar-alpha"_s);
        auto *tree = m_page->findChild<QTreeWidget *>(u"registryDetail"_s);
        QVERIFY(tree->topLevelItemCount() > 5);
        QVERIFY(!m_page->findChild<QWidget *>(u"registrarPane"_s)->isVisible());
    }

    void followsALinkFromTheDetail()
    {
        // The domain names its registrant; activating that row opens the contact.
        const QString registrant = m_page->detail().value(u"registrant"_s).toString();
        QVERIFY(!registrant.isEmpty());
        QVERIFY(m_page->openDetailRow(m_page->findDetailRow(registrant)));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->detailKey(), registrant, 10000);
        QCOMPARE(m_page->detailType(), Type::Contact);
        QVERIFY(!m_page->detail().value(u"email"_s).toString().isEmpty());
    }

    void opensARegistrarAndPagesItsLedger()
    {
        m_page->listRegistrars();
        RegistrySearchModel *results = m_page->searchModel();
        QTRY_VERIFY_WITH_TIMEOUT(results->objectType() == Type::Registrar && results->rowOfKey(u"rar-alpha"_s) >= 0, 10000);
        selectRow(m_page->findChild<QTableView *>(u"registryResults"_s), results->rowOfKey(u"rar-alpha"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->detailKey(), u"rar-alpha"_s, 10000);
        QCOMPARE(m_page->balanceText(), u"25,000.00"_s);
        QCOMPARE(m_page->creditLimitText(), u"5,000.00"_s);
        QVERIFY(m_page->findChild<QWidget *>(u"registrarPane"_s)->isVisible());

        noc::RegistrarActivityModel *ledger = m_page->ledgerModel();
        QTRY_COMPARE_WITH_TIMEOUT(ledger->rowCount(), RegistryPage::ActivityPageSize, 10000);
        QCOMPARE(ledger->index(0, noc::RegistrarActivityModel::LedgerObject).data().toString(), u"r%1.example"_s.arg(ledgerRows));
        QVERIFY(ledger->hasMore());
        QTRY_COMPARE_WITH_TIMEOUT(m_page->auditModel()->rowCount(), auditRows, 10000);
        QVERIFY(!m_page->auditModel()->hasMore());

        auto *more = m_page->findChild<QPushButton *>(u"registrarLedgerMore"_s);
        QVERIFY(more);
        QTRY_VERIFY_WITH_TIMEOUT(more->isEnabled(), 10000);
        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ledger->rowCount(), ledgerRows, 10000);
        QVERIFY(!ledger->hasMore());
        QCOMPARE(ledger->index(ledgerRows - 1, noc::RegistrarActivityModel::LedgerObject).data().toString(), u"r1.example"_s);
        QVERIFY(!more->isVisible());

        // A picture of the page for people reviewing it (not compared against anything).
        const QString dir = qEnvironmentVariable("REGISTRY_BINARY_DIR");
        if (!dir.isEmpty() && QDir(dir).mkpath(u"screenshots"_s))
            m_window->grab().save(QDir(dir).filePath(u"screenshots/registry-page.png"_s));
    }

    void retranslatesLive()
    {
        noc::LanguageManager languages;
        QVERIFY(languages.applyLanguage(u"de"_s));
        QCoreApplication::processEvents();   // LanguageChange is posted, not sent
        QCOMPARE(m_page->findChild<QPushButton *>(u"registrySearchButton"_s)->text(), u"Suchen"_s);
        QCOMPARE(m_page->searchModel()->headerData(RegistrySearchModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);
        QCOMPARE(m_page->ledgerModel()->headerData(noc::RegistrarActivityModel::LedgerAmount, Qt::Horizontal).toString(), u"Betrag"_s);
        QVERIFY(languages.applyLanguage(u"en"_s));
        QCoreApplication::processEvents();
        QCOMPARE(m_page->findChild<QPushButton *>(u"registrySearchButton"_s)->text(), u"Search"_s);
    }

    void reportsAnUnknownObject()
    {
        m_page->openObject(Type::Domain, u"nothing-here.example"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->messageText().startsWith(u"Not found"_s), 10000);
        // The object on screen stays what it was.
        QCOMPARE(m_page->detailKey(), u"rar-alpha"_s);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_engine.stop();
    }

private:
    QTemporaryDir m_settingsDir;
    testsupport::EngineFixture m_engine;
    std::unique_ptr<noc::MainWindow> m_window;
    RegistryPage *m_page = nullptr;
};

QTEST_MAIN(tst_RegistryPage)
#include "tst_registrypage.moc"
