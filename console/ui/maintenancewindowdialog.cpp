#include "maintenancewindowdialog.h"

#include "widgets/statuspalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace noc {

namespace {
constexpr int MaxTitleLength = 200;

QListWidget *checkList(const QList<MaintenanceWindowDialog::Choice> &choices, const QString &objectName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    for (const MaintenanceWindowDialog::Choice &c : choices) {
        auto *item = new QListWidgetItem(c.label, list);
        item->setData(Qt::UserRole, c.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    return list;
}

QStringList checkedIds(const QListWidget *list)
{
    QStringList ids;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids.append(list->item(i)->data(Qt::UserRole).toString());
    }
    return ids;
}
} // namespace

MaintenanceWindowDialog::MaintenanceWindowDialog(const QList<Choice> &devices, const QList<Choice> &sites, QWidget *parent)
    : QDialog(parent), m_title(new QLineEdit(this)), m_devices(checkList(devices, QStringLiteral("maintenanceDevices"), this)),
      m_sites(checkList(sites, QStringLiteral("maintenanceSites"), this)), m_recurrence(new QComboBox(this)),
      m_start(new QDateTimeEdit(this)), m_end(new QDateTimeEdit(this)), m_weekdayRow(new QWidget(this)),
      m_hasUntil(new QCheckBox(this)), m_until(new QDateEdit(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New maintenance window"));
    m_title->setMaxLength(MaxTitleLength);
    m_title->setPlaceholderText(tr("e.g. Core router firmware upgrade"));
    m_recurrence->addItem(tr("Once"), int(MaintenanceWindowRecord::Recurrence::None));
    m_recurrence->addItem(tr("Daily"), int(MaintenanceWindowRecord::Recurrence::Daily));
    m_recurrence->addItem(tr("Weekly"), int(MaintenanceWindowRecord::Recurrence::Weekly));
    // The next full hour, for an hour: the most common request.
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime nextHour = QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(3600);
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
    }
    m_start->setDateTime(nextHour);
    m_end->setDateTime(nextHour.addSecs(3600));
    auto *days = new QHBoxLayout(m_weekdayRow);
    days->setContentsMargins(0, 0, 0, 0);
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(QLocale().dayName(day, QLocale::ShortFormat), m_weekdayRow);
        m_weekdays.append(box);
        days->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &MaintenanceWindowDialog::validate);
    }
    m_hasUntil->setText(tr("Repeat until"));
    m_until->setCalendarPopup(true);
    m_until->setDate(now.date().addMonths(1));
    auto *untilRow = new QHBoxLayout;
    untilRow->addWidget(m_hasUntil);
    untilRow->addWidget(m_until, 1);
    m_problem->setWordWrap(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, StatusPalette::text(StatusPalette::Severity::Warning));
    m_problem->setPalette(pal);

    auto *scope = new QHBoxLayout;
    auto *deviceColumn = new QVBoxLayout;
    deviceColumn->addWidget(new QLabel(tr("Devices:"), this));
    deviceColumn->addWidget(m_devices);
    auto *siteColumn = new QVBoxLayout;
    siteColumn->addWidget(new QLabel(tr("Sites (every device there):"), this));
    siteColumn->addWidget(m_sites);
    scope->addLayout(deviceColumn, 2);
    scope->addLayout(siteColumn, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Repeats:"), m_recurrence);
    form->addRow(tr("Start:"), m_start);
    form->addRow(tr("End:"), m_end);
    form->addRow(tr("On:"), m_weekdayRow);
    form->addRow(QString(), untilRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(scope, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &MaintenanceWindowDialog::validate);
    connect(m_devices, &QListWidget::itemChanged, this, &MaintenanceWindowDialog::validate);
    connect(m_sites, &QListWidget::itemChanged, this, &MaintenanceWindowDialog::validate);
    connect(m_recurrence, &QComboBox::currentIndexChanged, this, &MaintenanceWindowDialog::validate);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &MaintenanceWindowDialog::validate);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &MaintenanceWindowDialog::validate);
    connect(m_hasUntil, &QCheckBox::toggled, this, &MaintenanceWindowDialog::validate);
    connect(m_until, &QDateEdit::dateChanged, this, &MaintenanceWindowDialog::validate);
    resize(620, 560);
    validate();
}

MaintenanceWindowRecord::Recurrence MaintenanceWindowDialog::recurrence() const
{
    return MaintenanceWindowRecord::Recurrence(m_recurrence->currentData().toInt());
}

MaintenanceWindowRecord MaintenanceWindowDialog::window() const
{
    MaintenanceWindowRecord w;
    w.title = m_title->text().trimmed();
    w.devices = checkedIds(m_devices);
    w.sites = checkedIds(m_sites);
    w.recurrence = recurrence();
    w.start = m_start->dateTime().toUTC();
    w.end = m_end->dateTime().toUTC();
    if (w.recurrence == MaintenanceWindowRecord::Recurrence::Weekly) {
        for (int day = 1; day <= 7; ++day) {
            if (m_weekdays.at(day - 1)->isChecked())
                w.weekdays.append(day);
        }
    }
    if (w.recurrence != MaintenanceWindowRecord::Recurrence::None && m_hasUntil->isChecked())
        w.until = m_until->date();
    return w;
}

QString MaintenanceWindowDialog::problem() const
{
    const MaintenanceWindowRecord w = window();
    if (w.title.isEmpty())
        return tr("Give the window a title.");
    if (w.devices.isEmpty() && w.sites.isEmpty())
        return tr("Choose at least one device or site.");
    if (w.end <= w.start)
        return tr("The end must come after the start.");
    if (w.recurrence != MaintenanceWindowRecord::Recurrence::None && w.start.secsTo(w.end) > 24 * 3600)
        return tr("A repeating window lasts at most 24 hours each time.");
    if (w.recurrence == MaintenanceWindowRecord::Recurrence::None && w.end <= QDateTime::currentDateTimeUtc())
        return tr("The window would already be over.");
    if (w.recurrence == MaintenanceWindowRecord::Recurrence::Weekly && w.weekdays.isEmpty())
        return tr("Choose the weekdays the window repeats on.");
    if (w.until.isValid() && w.until < m_start->date())
        return tr("The last day comes before the first.");
    return {};
}

void MaintenanceWindowDialog::validate()
{
    const bool repeats = recurrence() != MaintenanceWindowRecord::Recurrence::None;
    m_weekdayRow->setEnabled(recurrence() == MaintenanceWindowRecord::Recurrence::Weekly);
    m_hasUntil->setEnabled(repeats);
    m_until->setEnabled(repeats && m_hasUntil->isChecked());
    const QString why = problem();
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void MaintenanceWindowDialog::accept()
{
    validate();
    if (problem().isEmpty())
        QDialog::accept();
}

} // namespace noc
