#include "connection.h"

#include <QFile>

#include <sqlite3.h>

#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace reg::store {
namespace {

constexpr int busyTimeoutMs = 5000;
constexpr int readerCacheKiB = 32 * 1024;
constexpr int writerCacheKiB = 64 * 1024;
constexpr int walCheckpointPages = 16000;   // 64 MB of WAL at the default 4 KB page size

// Creates the database file owner-only before SQLite touches it; SQLite then gives the -wal and
// -shm files the same permissions.
Result<void> createOwnerOnly(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error(ErrorCode::Internal, QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
    const bool chmodOk = ::fchmod(fd, 0600) == 0;
    ::close(fd);
    if (!chmodOk)
        return Error(ErrorCode::Internal, QStringLiteral("cannot restrict permissions of %1").arg(path));
    return success();
}

} // namespace

Result<std::unique_ptr<Connection>> Connection::open(const QString &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        if (!QFile::exists(path)) {
            if (auto r = createOwnerOnly(path); !r)
                return r.error();
        }
        flags |= SQLITE_OPEN_READWRITE;
        break;
    }
    if (mode != Mode::Create && !QFile::exists(path))
        return Error(ErrorCode::NotFound, QStringLiteral("database %1 does not exist").arg(path));

    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return Error(ErrorCode::Unavailable, QStringLiteral("cannot open database %1: %2").arg(path, message));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busyTimeoutMs);
    std::unique_ptr<Connection> connection(new Connection(db, path));
    if (auto r = connection->exec(QStringLiteral("PRAGMA foreign_keys = ON")); !r)
        return r.error();
    // Sized for registries of millions of objects: with SQLite's default 2 MB page cache most index
    // lookups miss and become pread() calls. The writer, which also walks every index it updates,
    // gets the larger cache. (A memory map was tried and dropped: the writer's first touch of each
    // mapped page costs a page fault and a copy, which made bulk loads and creates slower.)
    const int cacheKiB = mode == Mode::ReadOnly ? readerCacheKiB : writerCacheKiB;
    if (auto r = connection->exec(QStringLiteral("PRAGMA cache_size = -%1; PRAGMA temp_store = MEMORY").arg(cacheKiB)); !r)
        return r.error();
    if (mode != Mode::ReadOnly) {
        // A checkpoint copies every page changed since the last one into the database and syncs
        // it, on the committing thread: less often means a page rewritten by many commits is
        // copied once, not once per 4 MB of WAL (the default of 1000 pages).
        if (auto r = connection->exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(walCheckpointPages)); !r)
            return r.error();
    }
    return connection;
}

Connection::Connection(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

Connection::~Connection()
{
    m_statements.clear();  // finalize before closing
    sqlite3_close_v2(m_db);
}

Error Connection::lastError(const QString &context) const
{
    const int code = sqlite3_extended_errcode(m_db);
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    ErrorCode mapped = ErrorCode::Internal;
    switch (code & 0xff) {
    case SQLITE_CONSTRAINT: mapped = ErrorCode::Conflict; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: mapped = ErrorCode::Unavailable; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: mapped = ErrorCode::Corrupt; break;
    case SQLITE_FULL:
    case SQLITE_IOERR: mapped = ErrorCode::Unavailable; break;
    default: break;
    }
    return Error(mapped, context + message);
}

Result<void> Connection::exec(const QString &sql)
{
    char *errmsg = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &errmsg) != SQLITE_OK) {
        Error error = lastError(QString());
        sqlite3_free(errmsg);
        return error;
    }
    return success();
}

Result<Statement *> Connection::prepare(const QString &sql)
{
    if (auto it = m_statements.find(sql); it != m_statements.end()) {
        it->second->reset();
        return it->second.get();
    }
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return lastError(QStringLiteral("preparing statement: "));
    auto *raw = new Statement(*this, stmt);
    m_statements.emplace(sql, std::unique_ptr<Statement>(raw));
    return raw;
}

Result<void> Connection::execute(const QString &sql, const QVariantList &params)
{
    Result<Statement *> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (auto r = (*stmt)->bindAll(params); !r)
        return r;
    Result<void> result = (*stmt)->run();
    (*stmt)->reset();
    return result;
}

Result<QVariant> Connection::queryValue(const QString &sql, const QVariantList &params)
{
    Result<Statement *> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (auto r = (*stmt)->bindAll(params); !r)
        return r.error();
    Result<bool> row = (*stmt)->step();
    if (!row)
        return row.error();
    QVariant value = *row ? (*stmt)->value(0) : QVariant();
    (*stmt)->reset();
    return value;
}

Result<QList<QVariantList>> Connection::queryRows(const QString &sql, const QVariantList &params, int maxRows)
{
    Result<Statement *> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (auto r = (*stmt)->bindAll(params); !r)
        return r.error();
    QList<QVariantList> rows;
    for (;;) {
        Result<bool> row = (*stmt)->step();
        if (!row) {
            (*stmt)->reset();
            return row.error();
        }
        if (!*row)
            break;
        if (rows.size() >= maxRows) {
            (*stmt)->reset();
            return Error(ErrorCode::TooLarge, QStringLiteral("query returned more than %1 rows").arg(maxRows));
        }
        QVariantList values;
        const int columns = (*stmt)->columnCount();
        values.reserve(columns);
        for (int c = 0; c < columns; ++c)
            values.append((*stmt)->value(c));
        rows.append(std::move(values));
    }
    (*stmt)->reset();
    return rows;
}

qint64 Connection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Result<void> Statement::bind(int index, const QVariant &value)
{
    int rc = SQLITE_OK;
    if (!value.isValid() || value.isNull()) {
        rc = sqlite3_bind_null(m_stmt, index);
    } else {
        switch (value.metaType().id()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
            rc = sqlite3_bind_int64(m_stmt, index, value.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_stmt, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            rc = sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QString: {
            const QByteArray utf8 = value.toString().toUtf8();
            rc = sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        default:
            return Error(ErrorCode::Internal, QStringLiteral("cannot bind a value of type %1").arg(QString::fromLatin1(value.typeName())));
        }
    }
    if (rc != SQLITE_OK)
        return m_connection.lastError(QStringLiteral("binding parameter %1: ").arg(index));
    return success();
}

Result<void> Statement::bindAll(const QVariantList &values)
{
    if (values.size() != sqlite3_bind_parameter_count(m_stmt))
        return Error(ErrorCode::Internal, QStringLiteral("statement expects %1 parameters, got %2")
                                              .arg(sqlite3_bind_parameter_count(m_stmt)).arg(values.size()));
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (auto r = bind(int(i + 1), values[i]); !r)
            return r;
    }
    return success();
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_connection.lastError(QString());
}

Result<void> Statement::run()
{
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return row.error();
        if (!*row)
            return success();
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }
bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
qint64 Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

QVariant Statement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return int64(column);
    case SQLITE_FLOAT: return real(column);
    case SQLITE_TEXT: return text(column);
    case SQLITE_BLOB: return blob(column);
    default: return QVariant();
    }
}

} // namespace reg::store
