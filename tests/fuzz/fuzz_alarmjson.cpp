// Fuzz target: what noc-console's Health & Alarms page does with the monitoring API's answers and
// events (alarms, alarm changes, maintenance windows, traps). Any bytes must be read or refused and
// turned into table rows without crashing, never past the models' caps.
#include "ui/alarmmodel.h"
#include "ui/alarmrecord.h"
#include "ui/maintenancemodel.h"
#include "ui/traplogmodel.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
void touchEveryCell(const QAbstractItemModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::UserRole + 1)})
                (void)model.data(model.index(row, column), role);
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const QJsonObject object = document.object();

    QList<noc::AlarmRecord> alarms;
    const QJsonArray alarmArray = object.value(QLatin1String("alarms")).toArray();
    for (const QJsonValue &v : alarmArray) {
        if (std::optional<noc::AlarmRecord> a = noc::AlarmRecord::fromJson(v.toObject())) {
            if (a->id <= 0)
                std::abort();
            alarms.append(*a);
        }
    }
    noc::AlarmModel model;
    model.setAlarms(alarms);
    if (const std::optional<noc::AlarmChangeEvent> change = noc::AlarmChangeEvent::fromJson(object)) {
        model.applyChange(*change);
        if (!change->isCleared() && model.rowOfId(change->alarm.id) < 0)
            std::abort();
    }
    touchEveryCell(model);

    QList<noc::MaintenanceWindowRecord> windows;
    const QJsonArray windowArray = object.value(QLatin1String("windows")).toArray();
    for (const QJsonValue &v : windowArray) {
        if (std::optional<noc::MaintenanceWindowRecord> w = noc::MaintenanceWindowRecord::fromJson(v.toObject())) {
            (void)w->toRequestJson();
            windows.append(*w);
        }
    }
    noc::MaintenanceModel maintenance;
    maintenance.setWindows(windows);
    touchEveryCell(maintenance);

    noc::TrapLogModel traps;
    QList<noc::TrapEntry> entries;
    const QJsonArray trapArray = object.value(QLatin1String("traps")).toArray();
    for (const QJsonValue &v : trapArray) {
        if (std::optional<noc::TrapEntry> t = noc::TrapEntry::fromLogJson(v.toObject()))
            entries.append(*t);
    }
    traps.setTraps(entries);
    if (std::optional<noc::TrapEntry> t = noc::TrapEntry::fromEventJson(object))
        traps.prepend(*t);
    if (traps.rowCount() > noc::TrapLogModel::MaxRows)
        std::abort();
    touchEveryCell(traps);
    for (int row = 0; row < traps.rowCount(); ++row)
        (void)noc::TrapLogModel::detailText(traps.trap(row));
    return 0;
}
