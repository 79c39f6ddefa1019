#include "demodata.h"

#include "demotopology.h"

#include <QSet>

#include <array>
#include <random>

namespace reg::setup {
namespace {

// std::mt19937's output sequence is fixed by the C++ standard (unlike the distributions), so the
// data set is the same on every platform and library version.
class DemoRandom
{
public:
    explicit DemoRandom(quint32 seed) : m_engine(seed) {}
    int below(int n) { return int(m_engine() % quint32(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template<typename T, size_t N>
    const T &pick(const std::array<T, N> &items) { return items[size_t(below(int(N)))]; }

private:
    std::mt19937 m_engine;
};

using Words = std::array<const char *, 24>;

const Words firstNames = {"Anna", "Lukas", "Marie", "Jonas", "Sophie", "Pierre", "Camille", "Hugo", "Emma", "Liam", "Olivia",
                          "Noah", "Ingrid", "Erik", "Astrid", "Matteo", "Giulia", "Sanne", "Daan", "Fatima", "Youssef",
                          "Mei", "Kenji", "Priya"};
const Words lastNames = {"Schmidt", "Fischer", "Weber", "Dubois", "Laurent", "Moreau", "Smith", "Taylor", "Brown", "Jansen",
                         "de Vries", "Bakker", "Lindqvist", "Andersson", "Rossi", "Bianchi", "Novak", "Kowalski", "Haddad",
                         "El Amrani", "Chen", "Tanaka", "Sharma", "O'Brien"};
const Words domainWords = {"alpine", "harbor", "copper", "meadow", "granite", "willow", "summit", "river", "cedar", "lumen",
                           "north", "bright", "coral", "falcon", "maple", "nova", "quartz", "sage", "tidal", "urban",
                           "velvet", "amber", "birch", "crystal"};
const Words domainNouns = {"bakery", "labs", "travel", "consulting", "design", "garden", "studio", "books", "dental",
                           "legal", "fitness", "coffee", "media", "solar", "logistics", "photo", "kitchen", "audio", "health",
                           "cycles", "tech", "school", "farm", "outfitters"};
const Words orgSuffixes = {"GmbH", "SAS", "B.V.", "Ltd", "Inc.", "AB", "S.r.l.", "AG", "SARL", "LLC", "Oy", "KG", "GmbH",
                           "Ltd", "Inc.", "SAS", "B.V.", "AB", "AG", "LLC", "S.r.l.", "SARL", "Ltd", "GmbH"};

struct Place
{
    const char *city;
    const char *sp;
    const char *pc;
    const char *cc;
    const char *dial;
    const char *street;
};
const std::array<Place, 10> places = {{
    {"Berlin", "BE", "10115", "DE", "+49.30", "Invalidenstrasse"},
    {"Munich", "BY", "80331", "DE", "+49.89", "Sendlinger Strasse"},
    {"Paris", "IDF", "75002", "FR", "+33.1", "rue du Sentier"},
    {"Lyon", "ARA", "69002", "FR", "+33.4", "rue de la Republique"},
    {"Amsterdam", "NH", "1012 AB", "NL", "+31.20", "Damrak"},
    {"London", "", "EC1A 1BB", "GB", "+44.20", "Aldersgate Street"},
    {"Stockholm", "", "111 52", "SE", "+46.8", "Drottninggatan"},
    {"Zurich", "ZH", "8001", "CH", "+41.44", "Bahnhofstrasse"},
    {"Boston", "MA", "02108", "US", "+1.617", "Beacon Street"},
    {"Milan", "MI", "20121", "IT", "+39.02", "Via Dante"},
}};

const std::array<const char *, 6> dnsProviders = {"bluefjord-dns.net", "anycast-hosting.com", "nordlicht-dns.de",
                                                  "cloudmeadow.net", "dns-cartel.org", "pangolin-hosting.eu"};

QString latin(const char *text)
{
    return QString::fromUtf8(text);
}

QString emailLocalPart(const QString &first, const QString &last)
{
    QString local = first.left(1) + u'.' + last;
    local = local.toLower();
    local.remove(u' ');
    local.remove(u'\'');
    return local;
}

QList<DemoRegistrar> makeRegistrars()
{
    return {
        {QStringLiteral("rar-alpha"), QStringLiteral("Alpha Names GmbH"), 9995, QStringLiteral("registry@alpha-names.example"),
         QStringLiteral("+49.3055512345"), QStringLiteral("https://alpha-names.example"), 2500000, 500000,
         QStringLiteral("whois.alpha-names.example"), QStringLiteral("https://alpha-names.example/whois"),
         QStringLiteral("https://rdap.alpha-names.example/")},
        {QStringLiteral("rar-bravo"), QStringLiteral("Bravo Domains Ltd"), 9996, QStringLiteral("ops@bravo-domains.example"),
         QStringLiteral("+44.2055598765"), QStringLiteral("https://bravo-domains.example"), 740050, 250000,
         QStringLiteral("whois.bravo-domains.example"), QStringLiteral("https://www.bravo-domains.example/domain-lookup"),
         QStringLiteral("https://bravo-domains.example/rdap")},
        // A small registrar without a port-43 server or RDAP service of its own, only a web form.
        {QStringLiteral("rar-charlie"), QStringLiteral("Charlie Registrar SAS"), 9997, QStringLiteral("noc@charlie-registrar.example"),
         QStringLiteral("+33.155501234"), QStringLiteral("https://charlie-registrar.example"), 12075, 100000, QString(),
         QStringLiteral("https://charlie-registrar.example/whois"), QString()},
    };
}

QList<DemoContact> makeContacts(const QList<DemoRegistrar> &registrars, DemoRandom &random, const QDateTime &now)
{
    QList<DemoContact> contacts;
    int serial = 0;
    for (const DemoRegistrar &rar : registrars) {
        for (int i = 0; i < DemoDataSet::contactsPerRegistrar; ++i) {
            ++serial;
            const QString first = latin(random.pick(firstNames));
            const QString last = latin(random.pick(lastNames));
            const Place &place = places[size_t(random.below(int(places.size())))];
            DemoContact c;
            c.roid = QStringLiteral("C%1-REG").arg(serial, 6, 10, QLatin1Char('0'));
            c.id = QStringLiteral("%1-%2").arg(rar.id.mid(4, 3)).arg(serial, 4, 10, QLatin1Char('0'));
            c.registrarId = rar.id;
            c.name = first + u' ' + last;
            // Every third contact is a person without an organisation, as in any real registry.
            if (serial % 3 != 0) {
                QString word = latin(random.pick(domainWords));
                word[0] = word[0].toUpper();
                QString noun = latin(random.pick(domainNouns));
                noun[0] = noun[0].toUpper();
                c.org = word + u' ' + noun + u' ' + latin(random.pick(orgSuffixes));
            }
            c.street = QStringLiteral("%1 %2").arg(latin(place.street)).arg(random.between(1, 180));
            c.city = latin(place.city);
            c.sp = latin(place.sp);
            c.pc = latin(place.pc);
            c.cc = latin(place.cc);
            c.voice = latin(place.dial) + QString::number(5550000 + random.below(10000));
            c.email = emailLocalPart(first, last) + QStringLiteral("@example.") + (serial % 2 ? QStringLiteral("com") : QStringLiteral("net"));
            // Mostly restricted (the default), some private (nothing beyond the name is published),
            // a few organisations that want everything published.
            const int p = random.below(100);
            c.privacy = p < 55 ? QStringLiteral("restricted") : p < 80 ? QStringLiteral("private") : QStringLiteral("unrestricted");
            c.createdAt = now.addDays(-random.between(30, 8 * 365));
            contacts << c;
        }
    }
    return contacts;
}

QStringList makeDomainNames(const QStringList &tlds, DemoRandom &random)
{
    QStringList names;
    QSet<QString> seen;
    // One internationalized name (stored as its A-label), so Whois and RDAP show both forms.
    const QString idn = QStringLiteral("xn--bcher-kva.") + tlds.first();   // bücher.<tld>
    seen.insert(idn);
    while (names.size() < DemoDataSet::domainCount - 1) {
        const QString word = latin(random.pick(domainWords));
        const QString noun = latin(random.pick(domainNouns));
        QString label;
        switch (random.below(4)) {
        case 0: label = word + noun; break;
        case 1: label = word + u'-' + noun; break;
        case 2: label = noun + u'-' + word; break;
        default: label = word + noun + QString::number(random.between(2, 99)); break;
        }
        // The first TLD gets about two thirds of the names; the rest share the remainder.
        const QString tld = tlds.size() == 1 || random.chance(66) ? tlds.first() : tlds[1 + random.below(int(tlds.size() - 1))];
        const QString name = label + u'.' + tld;
        if (seen.contains(name))
            continue;
        seen.insert(name);
        names << name;
    }
    names << idn;
    return names;
}

QList<DemoHost> makeHosts(const QList<DemoRegistrar> &registrars, const QStringList &domainNames, DemoRandom &random,
                          const QDateTime &now)
{
    QList<DemoHost> hosts;
    int serial = 0;
    const auto nextRoid = [&serial] { return QStringLiteral("H%1-REG").arg(++serial, 6, 10, QLatin1Char('0')); };

    // Nameservers of DNS providers outside the registry: no glue, the registry only refers to them.
    for (int i = 0; i < DemoDataSet::externalHosts; ++i) {
        const QString provider = latin(dnsProviders[size_t(i / 4 % int(dnsProviders.size()))]);
        DemoHost h;
        h.roid = nextRoid();
        h.name = QStringLiteral("ns%1.%2").arg(i % 4 + 1).arg(provider);
        h.registrarId = registrars[i % registrars.size()].id;
        h.createdAt = now.addDays(-random.between(200, 9 * 365));
        hosts << h;
    }
    // In-registry nameservers (ns1/ns2 of some demo domains) need glue; half of them also have IPv6.
    for (int i = 0; i < DemoDataSet::subordinateHosts; ++i) {
        const QString &parent = domainNames[i / 2];
        DemoHost h;
        h.roid = nextRoid();
        h.name = QStringLiteral("ns%1.%2").arg(i % 2 + 1).arg(parent);
        h.registrarId = registrars[(i / 2) % registrars.size()].id;
        const int block = i % 3;
        const char *const v4Prefix = block == 0 ? "192.0.2." : block == 1 ? "198.51.100." : "203.0.113.";
        h.addresses << latin(v4Prefix) + QString::number(10 + i * 7);
        if (i % 2 == 0)
            h.addresses << QStringLiteral("2001:db8:%1::%2").arg(100 + i).arg(i % 2 + 1);
        h.createdAt = now.addDays(-random.between(100, 6 * 365));
        hosts << h;
    }
    return hosts;
}

// DS records on about one domain in eight and registrar-defined fields on about one in six. From
// a random sequence of its own, so the rest of the data set is the same as without them.
void addSecurityAndCustomFields(QList<DemoDomain> &domains)
{
    DemoRandom random(5910u);
    static const char hex[] = "0123456789ABCDEF";
    static const std::array<const char *, 4> languages = {"de", "fr", "nl", "en"};
    for (DemoDomain &d : domains) {
        if (random.chance(12)) {
            DemoDsRecord ds;
            ds.keyTag = random.between(1, 65535);
            for (int i = 0; i < 64; ++i)
                ds.digest += QLatin1Char(hex[random.below(16)]);
            d.dsRecords << ds;
        }
        if (random.chance(16)) {
            d.customFields << qMakePair(QStringLiteral("registrant-type"),
                                        random.chance(70) ? QStringLiteral("company") : QStringLiteral("individual"));
            if (random.chance(50))
                d.customFields << qMakePair(QStringLiteral("language"), latin(languages[size_t(random.below(4))]));
            if (random.chance(30))
                d.customFields << qMakePair(QStringLiteral("trademark-id"), QStringLiteral("TM-%1").arg(random.between(100000, 999999)));
        }
    }
}

QList<DemoDomain> makeDomains(const QStringList &names, const QList<DemoRegistrar> &registrars,
                              const QList<DemoContact> &contacts, const QList<DemoHost> &hosts, DemoRandom &random,
                              const QDateTime &now)
{
    QList<DemoDomain> domains;
    int serial = 0;
    for (const QString &name : names) {
        DemoDomain d;
        d.roid = QStringLiteral("D%1-REG").arg(++serial, 6, 10, QLatin1Char('0'));
        d.name = name;
        d.tld = name.mid(name.indexOf(u'.') + 1);
        // A domain that has its own in-registry nameservers is sponsored by the registrar that created them.
        int rarIndex = random.below(int(registrars.size()));
        QStringList ownHosts;
        for (const DemoHost &h : hosts) {
            if (h.name.endsWith(u'.' + name)) {
                ownHosts << h.roid;
                for (qsizetype r = 0; r < registrars.size(); ++r) {
                    if (registrars[r].id == h.registrarId)
                        rarIndex = int(r);
                }
            }
        }
        const DemoRegistrar &rar = registrars[rarIndex];
        d.registrarId = rar.id;

        const int base = rarIndex * DemoDataSet::contactsPerRegistrar;
        const auto contactOfRegistrar = [&] { return contacts[base + random.below(DemoDataSet::contactsPerRegistrar)].roid; };
        d.registrantRoid = contactOfRegistrar();
        d.contacts << DemoDomainContact{QStringLiteral("admin"), d.registrantRoid};
        d.contacts << DemoDomainContact{QStringLiteral("tech"), contactOfRegistrar()};
        if (random.chance(40)) {
            const QString billing = contactOfRegistrar();
            d.contacts << DemoDomainContact{QStringLiteral("billing"), billing};
        }

        if (!ownHosts.isEmpty()) {
            d.hostRoids = ownHosts;
        } else {
            // Two to four nameservers of one provider, as customers of a DNS host usually have.
            const int provider = random.below(DemoDataSet::externalHosts / 4);
            const int count = random.between(2, 4);
            for (int i = 0; i < count; ++i)
                d.hostRoids << hosts[provider * 4 + i].roid;
        }

        const int p = random.below(100);
        if (p < 70)
            d.statuses << QStringLiteral("ok");
        else if (p < 88)
            d.statuses << QStringLiteral("clientTransferProhibited");
        else if (p < 94)
            d.statuses << QStringLiteral("clientTransferProhibited") << QStringLiteral("clientUpdateProhibited")
                       << QStringLiteral("clientDeleteProhibited");
        else if (p < 97)
            d.statuses << QStringLiteral("clientHold");
        else
            d.statuses << QStringLiteral("serverHold");

        d.createdAt = now.addDays(-random.between(20, 10 * 365)).addSecs(-random.below(86400));
        // Registered for whole years and renewed as they came due, so every domain is current and the
        // expiry dates spread across the next years like a real registry's.
        const int term = random.between(1, 3);
        d.expiresAt = d.createdAt.addYears(term);
        while (d.expiresAt < now)
            d.expiresAt = d.expiresAt.addYears(1);
        domains << d;
    }
    addSecurityAndCustomFields(domains);
    return domains;
}

} // namespace

DemoDataSet DemoDataSet::generate(const QStringList &tlds, const QDateTime &now)
{
    Q_ASSERT(!tlds.isEmpty());
    DemoRandom random(20011105u);   // any fixed seed will do; changing it changes every demo registry
    const QDateTime base = now.toUTC();

    DemoDataSet set;
    set.registrars = makeRegistrars();
    set.contacts = makeContacts(set.registrars, random, base);
    const QStringList names = makeDomainNames(tlds, random);
    set.hosts = makeHosts(set.registrars, names, random, base);
    set.domains = makeDomains(names, set.registrars, set.contacts, set.hosts, random, base);
    set.topology = DemoTopology::generate();
    return set;
}

} // namespace reg::setup
