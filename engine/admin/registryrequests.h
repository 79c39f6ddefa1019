#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class QUrlQuery;

namespace reg::admin {

// Decoders for the query strings and path segments of the read-only registry endpoints
// (/api/v1/registry/..., docs/management-api.md). Hostile input: every parameter is checked for
// presence, type, range and length, unknown or repeated parameters are refused, and the message
// says what a client should send instead. Pure functions, any thread.
namespace RegistryRequests {

constexpr int maxSearchLimit = 200;
constexpr int defaultSearchLimit = 50;
constexpr int maxPageLimit = 500;
constexpr int defaultPageLimit = 100;
constexpr qsizetype maxSearchTextLength = 253;   // a full domain name
constexpr qsizetype maxCursorLength = 400;

enum class ObjectType { Domain, Host, Contact, Registrar };
enum class Match { Prefix, Contains };

struct Search
{
    QString text;                 // lower-cased for domains and hosts
    ObjectType type = ObjectType::Domain;
    Match match = Match::Prefix;
    int limit = defaultSearchLimit;
    QString after;                // decoded cursor: results strictly after this key; empty for the first page
};

// A page of a newest-first list (ledger, XRP audit): rows with id < before.
struct Page
{
    qint64 before = 0;            // 0: from the newest
    int limit = defaultPageLimit;
};

Result<Search> parseSearch(const QUrlQuery &query);
Result<Page> parsePage(const QUrlQuery &query);
// An empty query string or nothing but unknown parameters is refused.
Result<void> parseNoParameters(const QUrlQuery &query);

// Path segments. Domain and host names: 1-253 characters of letters, digits, '-' and '.', returned
// lower-cased. Object ids (contact, registrar): 1-64 printable ASCII characters without '/'.
Result<QString> parseObjectName(const QString &segment);
Result<QString> parseObjectId(const QString &segment);

// The parameters of a query string, each at most once and only the expected ones (the first
// problem wins); shared with the other endpoints' decoders.
Result<QList<std::pair<QString, QString>>> checkedItems(const QUrlQuery &query, const QStringList &expected);
// "limit": a number from 1 to maximum.
Result<int> parseLimit(const QString &value, int maximum);

// The cursor is the last key of a page, base64url-encoded so it travels in a query string as is.
QString encodeCursor(const QString &key);

QString typeName(ObjectType type);

} // namespace RegistryRequests
} // namespace reg::admin
