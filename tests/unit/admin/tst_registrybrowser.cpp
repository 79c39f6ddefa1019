#include "admin/registrybrowser.h"

#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::admin;
using RegistryRequests::Match;
using RegistryRequests::ObjectType;
using RegistryRequests::Search;

// RegistryBrowser against a real migrated SQLite file: the SQL, its bounds and the JSON shape.
class tst_RegistryBrowser : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<RegistryBrowser> m_browser;

    bool exec(const QString &sql)
    {
        Result<store::CommitReceipt> r = m_store->writer().submitAndWait(
            [&](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
                if (auto e = c.exec(sql); !e)
                    return e.error();
                return std::optional<store::JournalChange>();
            });
        if (!r)
            qWarning("%s", qPrintable(r.error().message));
        return r.ok();
    }
    QStringList keys(const Search &search, QString *next = nullptr)
    {
        Result<QJsonObject> r = m_browser->search(search);
        if (!r) {
            qWarning("%s", qPrintable(r.error().message));
            return {QStringLiteral("<error>")};
        }
        QStringList out;
        const QJsonArray results = r->value(QStringLiteral("results")).toArray();
        for (const QJsonValue &v : results)
            out.append(v[QStringLiteral("key")].toString());
        if (next)
            *next = r->value(QStringLiteral("next")).toString();
        return out;
    }
    static Search search(const QString &text, ObjectType type = ObjectType::Domain, Match match = Match::Prefix, int limit = 50)
    {
        Search s;
        s.text = text;
        s.type = type;
        s.match = match;
        s.limit = limit;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<std::unique_ptr<store::Store>> store = store::Store::open({m_dir.filePath(QStringLiteral("registry.db")), 256, true});
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
        m_store = std::move(store).value();
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO tlds VALUES ('example', 0);"
            "INSERT INTO registrars (id, name, balance_cents, credit_limit_cents, created_at, whois_server, web_whois_url) "
            "VALUES ('rar-a', 'Alpha', 1000, 500, 0, 'whois.alpha.example', 'https://alpha.example/whois');"
            "INSERT INTO registrars (id, name, created_at) VALUES ('rar-b', 'Bravo', 0);"
            "INSERT INTO registrar_users (id, registrar_id, password_hash, password_changed_at, created_at) "
            "  VALUES ('a-epp', 'rar-a', 'scrypt$topsecret', 0, 0);"
            "INSERT INTO contacts (roid, id, registrar_id, name, email, created_at, updated_at, auth_info) "
            "  VALUES ('C1-REG', 'Abc-1', 'rar-a', 'Ann', 'ann@example.net', 0, 0, 'salt$hidden');"
            "INSERT INTO contacts (roid, id, registrar_id, name, created_at, updated_at) VALUES ('C2-REG', 'abc-2', 'rar-a', 'Bob', 0, 0);"
            "INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at) VALUES ('H1-REG', 'ns1.ab.example', 'rar-a', 0, 0);"
            "INSERT INTO host_addresses VALUES ('H1-REG', '192.0.2.1', 4), ('H1-REG', '2001:db8::1', 6);")));
        for (const char *name : {"ab.example", "abc.example", "abd.example", "ac.example", "b.example", "a_b.example", "axb.example"}) {
            const QString n = QString::fromLatin1(name);
            QVERIFY(exec(QStringLiteral("INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, created_at, updated_at, "
                                        "expires_at, auth_info) VALUES ('D-%1', '%1', 'example', 'rar-a', 'C1-REG', 0, 0, 0, 'salt$hidden')")
                             .arg(n)));
        }
        QVERIFY(exec(QStringLiteral("UPDATE hosts SET domain_roid = 'D-ab.example' WHERE roid = 'H1-REG';"
                                    "INSERT INTO domain_hosts VALUES ('D-abc.example', 'H1-REG');"
                                    "INSERT INTO domain_contacts VALUES ('D-ab.example', 'C2-REG', 'tech');")));
        for (int i = 1; i <= 5; ++i)
            QVERIFY(exec(QStringLiteral("INSERT INTO ledger (registrar_id, at, operation, amount_cents, balance_after_cents) "
                                        "VALUES ('rar-a', %1, 'create', -100, %2); "
                                        "INSERT INTO ledger (registrar_id, at, operation, amount_cents, balance_after_cents) "
                                        "VALUES ('rar-b', %1, 'payment', 1, 1);")
                             .arg(i).arg(1000 - i * 100)));
        Result<std::unique_ptr<store::Connection>> reader = m_store->openReader();
        QVERIFY(reader.ok());
        m_browser = std::make_unique<RegistryBrowser>(std::move(reader).value());
    }

    void prefixSearchStopsAtThePrefix()
    {
        QCOMPARE(keys(search(QStringLiteral("ab"))), (QStringList{QStringLiteral("ab.example"), QStringLiteral("abc.example"),
                                                                  QStringLiteral("abd.example")}));
        QCOMPARE(keys(search(QStringLiteral("abc.example"))), QStringList{QStringLiteral("abc.example")});
        QVERIFY(keys(search(QStringLiteral("zz"))).isEmpty());
    }

    void cursorWalksWithoutGapsOrRepeats()
    {
        QString next;
        QCOMPARE(keys(search(QStringLiteral("a"), ObjectType::Domain, Match::Prefix, 2), &next),
                 (QStringList{QStringLiteral("a_b.example"), QStringLiteral("ab.example")}));
        QVERIFY(!next.isEmpty());
        Search s = search(QStringLiteral("a"), ObjectType::Domain, Match::Prefix, 2);
        QStringList all;
        QString cursorKey;
        for (int page = 0; page < 10; ++page) {
            s.after = cursorKey;
            Result<QJsonObject> r = m_browser->search(s);
            QVERIFY(r.ok());
            const QJsonArray results = r->value(QStringLiteral("results")).toArray();
            for (const QJsonValue &v : results)
                all.append(v[QStringLiteral("key")].toString());
            if (r->value(QStringLiteral("next")).isNull())
                break;
            cursorKey = all.last();
        }
        QCOMPARE(all, (QStringList{QStringLiteral("a_b.example"), QStringLiteral("ab.example"), QStringLiteral("abc.example"),
                                   QStringLiteral("abd.example"), QStringLiteral("ac.example"), QStringLiteral("axb.example")}));
    }

    void cursorBeforeThePrefixNeverWidensTheRange()
    {
        // A well-formed cursor from another search: the prefix still bounds the results.
        Search s = search(QStringLiteral("ab"));
        s.after = QStringLiteral("a");
        QCOMPARE(keys(s), (QStringList{QStringLiteral("ab.example"), QStringLiteral("abc.example"), QStringLiteral("abd.example")}));
        s.after = QStringLiteral("abc.example");
        QCOMPARE(keys(s), QStringList{QStringLiteral("abd.example")});
        s.after = QStringLiteral("zzz");
        QCOMPARE(keys(s), QStringList());
    }

    void containsMatchesWildcardsLiterally()
    {
        QCOMPARE(keys(search(QStringLiteral("_"), ObjectType::Domain, Match::Contains)), QStringList{QStringLiteral("a_b.example")});
        QCOMPARE(keys(search(QStringLiteral("%"), ObjectType::Domain, Match::Contains)), QStringList());
        QCOMPARE(keys(search(QStringLiteral("b.ex"), ObjectType::Domain, Match::Contains)),
                 (QStringList{QStringLiteral("a_b.example"), QStringLiteral("ab.example"), QStringLiteral("axb.example"),
                              QStringLiteral("b.example")}));
    }

    void contactIdPrefixIsCaseSensitive()
    {
        QCOMPARE(keys(search(QStringLiteral("Abc"), ObjectType::Contact)), QStringList{QStringLiteral("Abc-1")});
        QCOMPARE(keys(search(QStringLiteral("abc"), ObjectType::Contact)), QStringList{QStringLiteral("abc-2")});
    }

    void registrarSearchMatchesIdOrName()
    {
        QCOMPARE(keys(search(QStringLiteral("brav"), ObjectType::Registrar)), QStringList{QStringLiteral("rar-b")});
        QCOMPARE(keys(search(QStringLiteral("rar-"), ObjectType::Registrar)), (QStringList{QStringLiteral("rar-a"), QStringLiteral("rar-b")}));
    }

    void domainDetailHasItsPartsButNoAuthInfo()
    {
        Result<QJsonObject> d = m_browser->domain(QStringLiteral("ab.example"));
        QVERIFY(d.ok());
        QCOMPARE(d->value(QStringLiteral("registrant")).toString(), QStringLiteral("Abc-1"));
        QCOMPARE(d->value(QStringLiteral("subordinateHosts")).toArray(), QJsonArray{QStringLiteral("ns1.ab.example")});
        QCOMPARE(d->value(QStringLiteral("contacts")).toArray().first()[QStringLiteral("id")].toString(), QStringLiteral("abc-2"));
        QVERIFY(!QJsonDocument(*d).toJson().contains("hidden"));
        QCOMPARE(m_browser->domain(QStringLiteral("nothing.example")).error().code, ErrorCode::NotFound);
    }

    void hostDetailSplitsAddressFamilies()
    {
        Result<QJsonObject> h = m_browser->host(QStringLiteral("ns1.ab.example"));
        QVERIFY(h.ok());
        QCOMPARE(h->value(QStringLiteral("ipv4")).toArray(), QJsonArray{QStringLiteral("192.0.2.1")});
        QCOMPARE(h->value(QStringLiteral("ipv6")).toArray(), QJsonArray{QStringLiteral("2001:db8::1")});
        QCOMPARE(h->value(QStringLiteral("superordinateDomain")).toString(), QStringLiteral("ab.example"));
        QCOMPARE(h->value(QStringLiteral("linkedDomains")).toArray(), QJsonArray{QStringLiteral("abc.example")});
    }

    void contactDetailCountsLinkedDomains()
    {
        Result<QJsonObject> c = m_browser->contact(QStringLiteral("Abc-1"));
        QVERIFY(c.ok());
        QCOMPARE(c->value(QStringLiteral("email")).toString(), QStringLiteral("ann@example.net"));
        QCOMPARE(c->value(QStringLiteral("linkedDomainCount")).toInteger(), 7);
        QVERIFY(!QJsonDocument(*c).toJson().contains("hidden"));
    }

    void registrarDetailHasNoPasswordHashes()
    {
        Result<QJsonObject> r = m_browser->registrar(QStringLiteral("rar-a"));
        QVERIFY(r.ok());
        QCOMPARE(r->value(QStringLiteral("availableCents")).toInteger(), 1500);
        QCOMPARE(r->value(QStringLiteral("users")).toArray().first()[QStringLiteral("id")].toString(), QStringLiteral("a-epp"));
        QCOMPARE(r->value(QStringLiteral("domainCount")).toInteger(), 7);
        QVERIFY(!QJsonDocument(*r).toJson().contains("topsecret"));
        QCOMPARE(r->value(QStringLiteral("whoisServer")).toString(), QStringLiteral("whois.alpha.example"));
        QCOMPARE(r->value(QStringLiteral("webWhoisUrl")).toString(), QStringLiteral("https://alpha.example/whois"));
    }

    void ledgerPagesNewestFirstForOneRegistrar()
    {
        RegistryRequests::Page page;
        page.limit = 3;
        Result<QJsonObject> first = m_browser->ledger(QStringLiteral("rar-a"), page);
        QVERIFY(first.ok());
        QJsonArray entries = first->value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.first()[QStringLiteral("balanceAfterCents")].toInteger(), 500);
        page.before = first->value(QStringLiteral("next")).toInteger();
        QCOMPARE(page.before, entries.last()[QStringLiteral("id")].toInteger());
        Result<QJsonObject> second = m_browser->ledger(QStringLiteral("rar-a"), page);
        QVERIFY(second.ok());
        entries = second->value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.last()[QStringLiteral("balanceAfterCents")].toInteger(), 900);
        QVERIFY(second->value(QStringLiteral("next")).isNull());
        QCOMPARE(m_browser->ledger(QStringLiteral("rar-zz"), {}).error().code, ErrorCode::NotFound);
    }

    void readsSeeNewCommitsAfterADetail()
    {
        // Each detail ends its read transaction, so a later read sees what was committed since.
        QVERIFY(m_browser->domain(QStringLiteral("ab.example")).ok());
        QVERIFY(exec(QStringLiteral("INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, created_at, updated_at, expires_at) "
                                    "VALUES ('D-new', 'abz.example', 'example', 'rar-a', 'C1-REG', 0, 0, 0)")));
        QVERIFY(keys(search(QStringLiteral("abz"))).contains(QStringLiteral("abz.example")));
        QVERIFY(m_browser->domain(QStringLiteral("abz.example")).ok());
    }

    void cleanupTestCase()
    {
        m_browser.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(tst_RegistryBrowser)
#include "tst_registrybrowser.moc"
