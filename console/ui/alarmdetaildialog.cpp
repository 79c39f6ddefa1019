#include "alarmdetaildialog.h"

#include "alarmtext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace noc {

namespace {
constexpr int MaxHistoryRows = 1000;
}

AlarmDetailDialog::AlarmDetailDialog(const AlarmRecord &alarm, const QString &deviceLabel, QWidget *parent)
    : QDialog(parent), m_alarm(alarm), m_deviceLabel(deviceLabel), m_summary(new QLabel(this)), m_status(new QLabel(this)),
      m_history(new QTableWidget(0, 6, this))
{
    setWindowTitle(tr("Alarm %1").arg(alarm.id));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(u"alarmDetailStatus"_s);
    m_history->setObjectName(u"alarmHistory"_s);
    m_history->setHorizontalHeaderLabels({tr("At"), tr("Change"), tr("Severity"), tr("By"), tr("Detail"), tr("Notified")});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(m_history, 1);
    layout->addWidget(buttons);
    m_status->setText(tr("Loading the history…"));
    showAlarm();
    resize(760, 420);
}

void AlarmDetailDialog::showAlarm()
{
    QStringList lines{tr("%1 on %2").arg(AlarmText::severity(m_alarm.severity), m_deviceLabel),
                      AlarmText::componentAndCause(m_alarm),
                      tr("Raised %1 (%2)").arg(AlarmText::localTime(m_alarm.raisedAt), AlarmText::utcTime(m_alarm.raisedAt))};
    if (m_alarm.clearedAt.isValid())
        lines.append(tr("Cleared %1").arg(AlarmText::localTime(m_alarm.clearedAt)));
    const QString state = AlarmText::state(m_alarm, m_alarm.suppressedBy);
    if (!state.isEmpty())
        lines.append(state);
    if (m_alarm.acknowledgement)
        lines.append(AlarmText::acknowledgementDetail(m_alarm));
    m_summary->setText(lines.join(u'\n'));
}

void AlarmDetailDialog::setDetail(const QJsonObject &body)
{
    if (std::optional<AlarmRecord> alarm = AlarmRecord::fromJson(body)) {
        const QString name = alarm->deviceName;
        m_alarm = *alarm;
        if (!name.isEmpty())
            m_deviceLabel = name;
        showAlarm();
    }
    const QJsonArray history = body.value("history"_L1).toArray();
    const int rows = int(std::min<qsizetype>(history.size(), MaxHistoryRows));
    m_history->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const QJsonObject h = history.at(row).toObject();
        const QDateTime at = parseApiTime(h.value("at"_L1).toString());
        const std::optional<AlarmSeverity> severity = parseAlarmSeverity(h.value("severity"_L1).toString());
        const QStringList cells{AlarmText::localTime(at), AlarmText::changeKind(h.value("kind"_L1).toString().left(64)),
                                severity ? AlarmText::severity(*severity) : QString(), h.value("actor"_L1).toString().left(64),
                                h.value("detail"_L1).toString().left(1000),
                                h.value("notified"_L1).toBool() ? tr("yes") : tr("no")};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 0)
                item->setToolTip(AlarmText::utcTime(at));
            m_history->setItem(row, column, item);
        }
    }
    m_status->setText(rows == 0 ? tr("The engine recorded no history for this alarm.") : QString());
    m_status->setVisible(rows == 0);
}

void AlarmDetailDialog::setError(const QString &message)
{
    m_status->setText(tr("The history could not be read: %1").arg(message));
    m_status->setVisible(true);
}

QString AlarmDetailDialog::statusText() const
{
    return m_status->text();
}

} // namespace noc
