// Fuzz target: the decoders of the alarm, maintenance, trap-log and probe endpoints (JSON bodies,
// query strings, path segments). Any input must give a value or an error, never a crash, hang or
// unbounded allocation. The first byte picks the decoder so one corpus covers them all.
#include "admin/monitoralarmrequests.h"

#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QDateTime now(QDate(2026, 11, 21), QTime(22, 0), Qt::UTC);
    namespace R = reg::admin::MonitorAlarmRequests;
    const QString text = QString::fromUtf8(input);
    switch (data[0] % 8) {
    case 0: (void)R::parseAcknowledge(input, now); break;
    case 1: (void)R::parseUnacknowledge(input); break;
    case 2: (void)R::parseWindow(input, now); break;
    case 3: (void)R::parseAlarmQuery(QUrlQuery(text)); break;
    case 4: (void)R::parseWindowQuery(QUrlQuery(text), now); break;
    case 5: (void)R::parseTrapQuery(QUrlQuery(text)); break;
    case 6: (void)R::parseProbeQuery(QUrlQuery(text)); break;
    case 7: (void)R::parseAlarmId(text); (void)R::parseWindowId(text); (void)R::parseTime(text, QStringLiteral("at")); break;
    }
    return 0;
}
