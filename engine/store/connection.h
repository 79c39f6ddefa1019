#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace reg::store {

class Statement;

// One SQLite connection. Not shared between threads: the writer thread owns the only write
// connection, and every other thread that reads opens its own read connection (WAL lets readers
// proceed while the writer commits). Prepared statements are cached per connection.
class Connection
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    static Result<std::unique_ptr<Connection>> open(const QString &path, Mode mode);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
    Result<void> exec(const QString &sql);

    // A cached prepared statement, reset and with bindings cleared; valid until the connection closes.
    Result<Statement *> prepare(const QString &sql);

    // Convenience for one-off statements: binds params positionally, runs to completion.
    Result<void> execute(const QString &sql, const QVariantList &params = {});
    // First column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> queryValue(const QString &sql, const QVariantList &params = {});
    // Every row as a list of column values (NULL as an invalid QVariant). Capped at maxRows.
    Result<QList<QVariantList>> queryRows(const QString &sql, const QVariantList &params = {}, int maxRows = 100000);

    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    Connection(sqlite3 *db, QString path);
    Error lastError(const QString &context) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    std::unordered_map<QString, std::unique_ptr<Statement>> m_statements;

    friend class Statement;
};

// A prepared statement owned by its Connection. bind() indexes start at 1, like SQLite's.
class Statement
{
public:
    ~Statement();

    Result<void> bind(int index, const QVariant &value);  // null, integer, double, QString, QByteArray, bool
    Result<void> bindAll(const QVariantList &values);
    Result<bool> step();                                  // true: a row is ready; false: done
    Result<void> run();                                   // step until done
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    // The column's text as SQLite holds it (UTF-8), without a copy: valid until the next step or reset.
    QByteArrayView utf8(int column) const;
    QVariant value(int column) const;

private:
    Statement(Connection &connection, sqlite3_stmt *stmt) : m_connection(connection), m_stmt(stmt) {}
    Connection &m_connection;
    sqlite3_stmt *m_stmt;
    friend class Connection;
};

} // namespace reg::store
