// The RDAP transport alone: HttpsServer answering every request with a domain written by
// RdapJsonWriter from a hand-built view (no Directory, no database), loaded by the same keep-alive
// generator as bench_rdap. The difference to bench_rdap is what the lookup costs; this one shows
// what TLS, HTTP parsing and JSON writing cost on this machine.
#include "httpsloadgenerator.h"

#include "rdap/httpsserver.h"
#include "rdap/rdapjsonwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

using namespace reg;

namespace {

directory::DomainView sampleDomain()
{
    directory::DomainView d;
    d.name = d.unicodeName = QStringLiteral("bench-domain.example");
    d.roid = QStringLiteral("D1234567-REG");
    d.statuses = {QStringLiteral("ok")};
    d.sponsor.id = QStringLiteral("rar-alpha");
    d.sponsor.name = QStringLiteral("Registrar Alpha");
    d.sponsor.ianaId = 9999;
    d.sponsor.email = QStringLiteral("support@alpha.example");
    d.sponsor.status = QStringLiteral("ok");
    directory::ContactView c;
    c.id = QStringLiteral("holder-1");
    c.name = QStringLiteral("A Holder");
    c.privacy = srs::PrivacyLevel::Restricted;
    c.street = {QStringLiteral("1 Main Street")};
    c.city = QStringLiteral("Berlin");
    c.cc = QStringLiteral("DE");
    c.email = QStringLiteral("holder@mail.example");
    d.registrant = c;
    d.contacts = {{srs::DomainContact::Type::Admin, c}, {srs::DomainContact::Type::Tech, c}};
    d.nameServers = {{QStringLiteral("ns1.provider.example"), QStringLiteral("ns1.provider.example"), {}},
                     {QStringLiteral("ns2.provider.example"), QStringLiteral("ns2.provider.example"), {}}};
    d.createdAt = d.expiresAt = QDateTime::currentDateTimeUtc();
    return d;
}

double cpuSecs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("seconds of load (default 5)"), QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"), QStringLiteral("connections (default 32)"), QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("server threads (default 2)"), QStringLiteral("n"), QStringLiteral("2"));
    parser.addOptions({secondsOption, connectionsOption, threadsOption});
    parser.process(app);

    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    if (QProcess::execute(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                                      QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"), QStringLiteral("1"),
                                                      QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert})
        != 0) {
        std::fprintf(stderr, "openssl req failed\n");
        return 1;
    }

    const rdap::RdapJsonWriter writer(QStringLiteral("https://rdap.bench/"), {});
    const directory::DomainView domain = sampleDomain();
    rdap::HttpsServerLimits limits;
    limits.threads = parser.value(threadsOption).toInt();
    limits.maxConnectionsPerAddress = 100000;
    rdap::HttpsServer server(
        limits,
        [&](const rdap::HttpRequest &request, const QHostAddress &, QByteArray &out) {
            const QByteArray body = writer.domain(domain, QDateTime::currentDateTimeUtc());
            out += "HTTP/1.1 200 OK\r\nContent-Type: application/rdap+json\r\nContent-Length: " + QByteArray::number(body.size())
                   + "\r\nCache-Control: max-age=60\r\n\r\n" + body;
            return request.keepAlive;
        },
        [](int status, const char *, const QHostAddress &, QByteArray &out) {
            out += "HTTP/1.1 " + QByteArray::number(status) + " Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        });
    if (!server.listen({QHostAddress::LocalHost, 0}) || !server.start(cert, key)) {
        std::fprintf(stderr, "cannot start the server\n");
        return 1;
    }
    const auto target = [] { return QByteArray("/domain/bench-domain.example"); };
    (void)bench::HttpsLoadGenerator::run(server.boundAddress().port, parser.value(connectionsOption).toInt(), 1.0, target);
    const double before = cpuSecs();
    const bench::HttpsLoadResult r = bench::HttpsLoadGenerator::run(server.boundAddress().port, parser.value(connectionsOption).toInt(),
                                                                    parser.value(secondsOption).toDouble(), target);
    const double cpu = cpuSecs() - before;
    std::printf("RDAP transport (TLS + HTTP + JSON, no lookup): %d server threads, %s connections, %.1f s\n", limits.threads,
                qPrintable(parser.value(connectionsOption)), r.seconds);
    std::printf("  requests: %llu (other than 200: %llu), throughput %.0f requests/s\n", static_cast<unsigned long long>(r.requests),
                static_cast<unsigned long long>(r.requests - r.ok), double(r.requests) / r.seconds);
    std::printf("  latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", r.p50Ms, r.p99Ms, r.maxMs);
    std::printf("  CPU of this process (server and generator together): %.0f%% of one core\n", 100.0 * cpu / r.seconds);
    server.stop();
    return r.requests > 0 && r.ok == r.requests ? 0 : 1;
}
