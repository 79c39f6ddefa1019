#include "store.h"

#include "migrations.h"

#include "core/logging.h"

#include <QFileInfo>

namespace reg::store {
namespace {

// How much of the chain is re-hashed at every start; the whole chain is checked on demand
// (registryd journal verify, GET /api/v1/journal/verify).
constexpr qint64 startupVerifyDepth = 10000;

void registerMetaTypes()
{
    qRegisterMetaType<JournalEntry>();
    qRegisterMetaType<JournalEntries>();
}

} // namespace

Result<std::unique_ptr<Store>> Store::open(const StoreOptions &options, const Clock &clock)
{
    registerMetaTypes();
    if (!options.create && !QFileInfo::exists(options.databaseFile))
        return Error(ErrorCode::NotFound, QStringLiteral("database %1 does not exist (run \"registryd init\" first)").arg(options.databaseFile));

    Result<std::unique_ptr<Connection>> connection =
        Connection::open(options.databaseFile, options.create ? Connection::Mode::Create : Connection::Mode::ReadWrite);
    if (!connection)
        return connection.error();
    Connection &db = **connection;

    Result<QVariant> mode = db.queryValue(QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!mode)
        return mode.error().withContext(QStringLiteral("%1: ").arg(options.databaseFile));
    if (mode->toString().compare(u"wal", Qt::CaseInsensitive) != 0)
        return Error(ErrorCode::Unavailable, QStringLiteral("%1: cannot switch to WAL mode (got %2)").arg(options.databaseFile, mode->toString()));
    // FULL: in WAL mode a commit is durable only once the WAL is synced; callers are told "done"
    // only after that.
    if (auto r = db.exec(QStringLiteral("PRAGMA synchronous = FULL")); !r)
        return r.error();

    Result<int> version = Migrations::apply(db);
    if (!version)
        return version.error();

    Result<JournalHead> head = Journal::head(db);
    if (!head)
        return head.error().withContext(QStringLiteral("reading the journal: "));
    Result<ChainVerification> check = Journal::verify(db, std::max<qint64>(1, head->sequence - startupVerifyDepth + 1));
    if (!check)
        return check.error().withContext(QStringLiteral("verifying the journal: "));
    if (!check->ok) {
        return Error(ErrorCode::Corrupt, QStringLiteral("%1: the journal hash chain is broken at entry %2: %3; "
                                                        "refusing to start on tampered or damaged data")
                                             .arg(options.databaseFile).arg(check->firstBadSequence).arg(check->reason));
    }
    qCInfo(lcStore, "opened %s (schema %d, journal head %lld)", qUtf8Printable(options.databaseFile), *version,
           static_cast<long long>(head->sequence));

    std::unique_ptr<Writer> writer(new Writer(std::move(connection).value(), clock, options.groupCommitMaxBatch,
                                              head->sequence, head->hash));
    return std::unique_ptr<Store>(new Store(options, *version, std::move(writer)));
}

Store::Store(StoreOptions options, int schemaVersion, std::unique_ptr<Writer> writer)
    : m_options(std::move(options)), m_schemaVersion(schemaVersion), m_writer(std::move(writer))
{
}

Store::~Store()
{
    close();
}

Result<std::unique_ptr<Connection>> Store::openReader() const
{
    return Connection::open(m_options.databaseFile, Connection::Mode::ReadOnly);
}

JournalSubscription *Store::subscribe(qint64 fromSequence, QObject *parent)
{
    return new JournalSubscription(*this, fromSequence, parent);
}

void Store::close()
{
    if (m_writer)
        m_writer->shutdown();
}

} // namespace reg::store
