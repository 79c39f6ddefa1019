#include "objectcommandsupport.h"

#include <QLoggingCategory>

namespace reg::srs::detail {
namespace {
Q_LOGGING_CATEGORY(lcObjects, "registry.srs.objects")
}

SrsError storeFailure(const Error &error, const char *where)
{
    qCWarning(lcObjects, "%s: %s", where, qPrintable(error.message));
    return SrsError(Refusal::CommandFailed, QStringLiteral("the registry could not complete the command; try again"));
}

std::optional<QDateTime> optionalTime(const store::Statement &statement, int column)
{
    if (statement.isNull(column))
        return std::nullopt;
    return fromMs(statement.int64(column));
}

StatusSet computedStatuses()
{
    return StatusSet{EppStatus::Ok, EppStatus::Linked, EppStatus::PendingTransfer};
}

Result<StatusSet> parseStoredStatuses(const QString &text)
{
    const QStringList tokens = text.split(u' ', Qt::SkipEmptyParts);
    Result<StatusSet> parsed = StatusSet::fromNames(tokens);
    if (!parsed)
        return parsed.error();
    return parsed->subtracted(computedStatuses());
}

QString storedStatusText(const StatusSet &statuses)
{
    return statuses.subtracted(computedStatuses()).names().join(u' ');
}

std::optional<SrsError> checkNameCount(qsizetype count, const QString &field)
{
    if (count == 0)
        return SrsError(Refusal::MissingParameter, QStringLiteral("a check needs at least one %1").arg(field), field);
    if (count > maxCheckNames)
        return SrsError(Refusal::PolicyError,
                        QStringLiteral("a check takes at most %1 names; %2 were sent").arg(maxCheckNames).arg(count), field);
    return std::nullopt;
}

std::optional<SrsError> checkStatusChange(ObjectType type, const StatusSet &current, const StatusSet &add,
                                          const StatusSet &remove, const QString &field)
{
    // Computed values are never the client's to add or remove, and are not "set" in the stored sense.
    const Result<void> checked = checkClientStatusChange(type, current.subtracted(computedStatuses()), add, remove);
    if (checked)
        return std::nullopt;
    // RFC 5731 3.2.5 treats every one of these (server status, already set, not set) as a policy error.
    return SrsError(Refusal::PolicyError, checked.error().message, field);
}

SrsError statusRefusal(EppStatus status, const QString &what, const QString &object)
{
    if (status == EppStatus::PendingTransfer)
        return SrsError(Refusal::PendingTransfer, QStringLiteral("%1 has a pending transfer; %2 must wait until it is resolved")
                                                      .arg(object, what));
    return SrsError(Refusal::StatusProhibits,
                    QStringLiteral("%1 has status %2, which prohibits %3").arg(object, eppStatusName(status), what));
}

} // namespace reg::srs::detail
