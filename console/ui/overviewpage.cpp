#include "overviewpage.h"

#include "eventlogmodel.h"
#include "servicestatusmodel.h"
#include "widgets/statuspalette.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QTableView *tableView(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

QString localTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
    , m_services(new ServiceStatusModel(this))
    , m_events(new EventLogModel(this))
{
    m_freshness = new QLabel(this);
    m_freshness->setObjectName(u"freshness"_s);
    m_freshness->setTextFormat(Qt::PlainText);
    m_freshness->setWordWrap(true);

    m_engineBox = new QGroupBox(this);
    auto *form = new QFormLayout(m_engineBox);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setHorizontalSpacing(24);
    m_version = valueLabel(u"versionValue"_s, m_engineBox);
    m_site = valueLabel(u"siteValue"_s, m_engineBox);
    m_started = valueLabel(u"startedValue"_s, m_engineBox);
    m_uptime = valueLabel(u"uptimeValue"_s, m_engineBox);
    m_journal = valueLabel(u"journalHeadValue"_s, m_engineBox);
    m_journalTimeValue = valueLabel(u"journalTimeValue"_s, m_engineBox);
    m_hashValue = valueLabel(u"journalHashValue"_s, m_engineBox);
    m_hashValue->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_versionLabel = new QLabel(m_engineBox);
    m_siteLabel = new QLabel(m_engineBox);
    m_startedLabel = new QLabel(m_engineBox);
    m_uptimeLabel = new QLabel(m_engineBox);
    m_journalLabel = new QLabel(m_engineBox);
    m_journalTimeLabel = new QLabel(m_engineBox);
    m_hashLabel = new QLabel(m_engineBox);
    form->addRow(m_siteLabel, m_site);
    form->addRow(m_versionLabel, m_version);
    form->addRow(m_startedLabel, m_started);
    form->addRow(m_uptimeLabel, m_uptime);
    form->addRow(m_journalLabel, m_journal);
    form->addRow(m_journalTimeLabel, m_journalTimeValue);
    form->addRow(m_hashLabel, m_hashValue);

    m_servicesBox = new QGroupBox(this);
    m_serviceView = tableView(m_servicesBox);
    m_serviceView->setObjectName(u"serviceTable"_s);
    m_serviceView->setModel(m_services);
    // Views keep ResizeToContents columns at the width of the rows present when they were laid
    // out; fixed starting widths from the font keep rows that arrive later readable.
    const QFontMetrics fm = fontMetrics();
    QHeaderView *serviceHeader = m_serviceView->horizontalHeader();
    serviceHeader->setSectionResizeMode(QHeaderView::Interactive);
    serviceHeader->resizeSection(ServiceStatusModel::NameColumn, fm.horizontalAdvance(u"replication"_s) + 40);
    serviceHeader->resizeSection(ServiceStatusModel::StateColumn, fm.horizontalAdvance(u"Not available"_s) + 60);
    serviceHeader->resizeSection(ServiceStatusModel::ListenColumn, fm.horizontalAdvance(u"127.0.0.1:65535"_s) + 24);
    serviceHeader->resizeSection(ServiceStatusModel::SinceColumn, fm.horizontalAdvance(u"2026-11-21 06:05:21"_s) + 24);
    serviceHeader->setSectionResizeMode(ServiceStatusModel::DetailColumn, QHeaderView::Stretch);
    // Detail is the one column worth truncating; it keeps its full text in the tooltip.
    m_serviceView->horizontalHeader()->moveSection(ServiceStatusModel::DetailColumn, ServiceStatusModel::SinceColumn);
    auto *servicesLayout = new QVBoxLayout(m_servicesBox);
    servicesLayout->addWidget(m_serviceView);

    m_eventsBox = new QGroupBox(this);
    m_eventView = tableView(m_eventsBox);
    m_eventView->setObjectName(u"eventTable"_s);
    m_eventView->setModel(m_events);
    QHeaderView *eventHeader = m_eventView->horizontalHeader();
    eventHeader->setSectionResizeMode(QHeaderView::Interactive);
    eventHeader->resizeSection(EventLogModel::TimeColumn, fm.horizontalAdvance(u"00:00:00"_s) + 32);
    eventHeader->resizeSection(EventLogModel::TypeColumn, fm.horizontalAdvance(u"Journal #0000000"_s) + 32);
    eventHeader->setSectionResizeMode(EventLogModel::SummaryColumn, QHeaderView::Stretch);
    auto *eventsLayout = new QVBoxLayout(m_eventsBox);
    eventsLayout->addWidget(m_eventView);

    auto *top = new QHBoxLayout;
    top->addWidget(m_engineBox, 2);
    top->addWidget(m_servicesBox, 5);

    auto *topWidget = new QWidget(this);
    topWidget->setLayout(top);
    top->setContentsMargins(0, 0, 0, 0);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(topWidget);
    splitter->addWidget(m_eventsBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(m_freshness);
    layout->addWidget(splitter, 1);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &OverviewPage::updateUptime);

    retranslateUi();
}

void OverviewPage::applyStatus(const QJsonObject &status)
{
    m_haveStatus = true;
    m_versionValue = status.value("version"_L1).toString();
    m_siteValue = status.value("site"_L1).toString();
    const QDateTime parsedStart = QDateTime::fromString(status.value("startedAt"_L1).toString(), Qt::ISODateWithMs);
    const QDateTime started = parsedStart.isValid() ? parsedStart.toUTC() : QDateTime();
    // A negative or absent uptime is a broken document, not a reason to show "-5 s".
    const qint64 uptime = qMax<qint64>(0, qint64(status.value("uptimeSeconds"_L1).toDouble(0)));
    // The session re-sends its last document after every journal or heartbeat event, uptime and
    // all; only a document that says something new may re-base the running uptime.
    if (!m_sinceStatus.isValid() || uptime != m_uptimeAtStatus || started != m_startedAt) {
        m_uptimeAtStatus = uptime;
        m_sinceStatus.start();
    }
    m_startedAt = started;
    m_frozenUptime = -1;

    const QJsonObject journal = status.value("journal"_L1).toObject();
    if (journal.value("head"_L1).isDouble()) {
        m_journalHead = qint64(journal.value("head"_L1).toDouble());
        m_journalHash = journal.value("headHash"_L1).toString();
        const QDateTime t = QDateTime::fromString(journal.value("headTime"_L1).toString(), Qt::ISODateWithMs);
        m_journalTime = t.isValid() ? t.toUTC() : QDateTime();
    }
    m_services->setServices(status.value("services"_L1).toArray());
    m_lastUpdate = QDateTime::currentDateTimeUtc();

    m_version->setText(m_versionValue.isEmpty() ? tr("unknown") : m_versionValue);
    m_site->setText(m_siteValue.isEmpty() ? tr("unknown") : m_siteValue);
    m_started->setText(m_startedAt.isValid() ? localTime(m_startedAt) : tr("unknown"));
    updateUptime();
    updateJournal();
    updateFreshness();
}

void OverviewPage::applyEvent(const QJsonObject &event)
{
    const QString type = event.value("type"_L1).toString();
    m_lastUpdate = QDateTime::currentDateTimeUtc();
    if (type == "heartbeat"_L1) {
        const QJsonValue head = event.value("journalHead"_L1);
        if (head.isDouble() && qint64(head.toDouble()) != m_journalHead) {
            m_journalHead = qint64(head.toDouble());
            // The hash of that entry is not in a heartbeat; better none than a wrong one.
            m_journalHash.clear();
            m_journalTime = QDateTime();
            updateJournal();
        }
        updateFreshness();
        return;
    }
    if (type == "journal"_L1) {
        const QJsonValue seq = event.value("seq"_L1);
        if (seq.isDouble() && qint64(seq.toDouble()) > m_journalHead) {
            m_journalHead = qint64(seq.toDouble());
            m_journalHash.clear();
            const QDateTime t = QDateTime::fromString(event.value("time"_L1).toString(), Qt::ISODateWithMs);
            m_journalTime = t.isValid() ? t.toUTC() : QDateTime();
            updateJournal();
        }
    } else if (type == "service"_L1) {
        m_services->applyServiceEvent(event);
    }
    m_events->addEngineEvent(event);
    updateFreshness();
}

void OverviewPage::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    if (!live && m_haveStatus) {
        m_frozenUptime = m_uptimeAtStatus + m_sinceStatus.elapsed() / 1000;
    } else if (live && m_frozenUptime >= 0) {
        // Keep counting from where the clock stopped until the next status corrects it.
        m_uptimeAtStatus = m_frozenUptime;
        m_sinceStatus.start();
        m_frozenUptime = -1;
    }
    if (live)
        m_tick.start();
    else
        m_tick.stop();
    updateUptime();
    updateFreshness();
}

void OverviewPage::clear()
{
    m_haveStatus = false;
    m_versionValue.clear();
    m_siteValue.clear();
    m_startedAt = {};
    m_journalHead = -1;
    m_journalHash.clear();
    m_journalTime = {};
    m_frozenUptime = -1;
    m_services->clear();
    m_events->clear();
    retranslateUi();
}

QString OverviewPage::versionText() const
{
    return m_version->text();
}

QString OverviewPage::uptimeText() const
{
    return m_uptime->text();
}

QString OverviewPage::journalHeadText() const
{
    return m_journal->text();
}

QString OverviewPage::formatUptime(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const QString clock = u"%1:%2:%3"_s.arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (days == 0)
        return clock;
    return tr("%n day(s), %1", nullptr, int(days)).arg(clock);
}

void OverviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OverviewPage::retranslateUi()
{
    m_engineBox->setTitle(tr("Engine"));
    m_servicesBox->setTitle(tr("Services"));
    m_eventsBox->setTitle(tr("Recent events"));
    m_siteLabel->setText(tr("Site:"));
    m_versionLabel->setText(tr("Version:"));
    m_startedLabel->setText(tr("Started:"));
    m_uptimeLabel->setText(tr("Uptime:"));
    m_journalLabel->setText(tr("Journal head:"));
    m_journalTimeLabel->setText(tr("Newest entry:"));
    m_hashLabel->setText(tr("Head hash:"));
    if (m_haveStatus) {
        m_version->setText(m_versionValue.isEmpty() ? tr("unknown") : m_versionValue);
        m_site->setText(m_siteValue.isEmpty() ? tr("unknown") : m_siteValue);
        m_started->setText(m_startedAt.isValid() ? localTime(m_startedAt) : tr("unknown"));
    } else {
        for (QLabel *label : {m_version, m_site, m_started})
            label->setText(u"—"_s);
    }
    updateUptime();
    updateJournal();
    updateFreshness();
    m_services->retranslate();
    m_events->retranslate();
}

void OverviewPage::updateUptime()
{
    if (!m_haveStatus) {
        m_uptime->setText(u"—"_s);
        return;
    }
    const qint64 seconds = m_frozenUptime >= 0 ? m_frozenUptime : m_uptimeAtStatus + m_sinceStatus.elapsed() / 1000;
    m_uptime->setText(m_live ? formatUptime(seconds) : tr("%1 (last known)").arg(formatUptime(seconds)));
}

void OverviewPage::updateJournal()
{
    m_journal->setText(m_journalHead < 0 ? u"—"_s : tr("#%1").arg(m_journalHead));
    m_journalTimeValue->setText(m_journalTime.isValid() ? localTime(m_journalTime) : u"—"_s);
    // Sixteen hex digits are enough to compare by eye; the full hash is one hover away.
    m_hashValue->setText(m_journalHash.isEmpty() ? u"—"_s : m_journalHash.left(16) + u"…"_s);
    m_hashValue->setToolTip(m_journalHash.isEmpty() ? QString() : tr("Hash of the newest entry: %1").arg(m_journalHash));
}

void OverviewPage::updateFreshness()
{
    using StatusPalette::Severity;
    Severity severity = Severity::Ok;
    QString text;
    if (!m_haveStatus) {
        severity = Severity::Neutral;
        text = tr("No engine connected. Connect to a registry engine to see its live status here.");
    } else if (m_live) {
        text = tr("Live — last update %1").arg(QLocale().toString(m_lastUpdate.toLocalTime(), u"HH:mm:ss"_s));
    } else {
        severity = Severity::Warning;
        text = tr("Not live — showing the last known state as of %1")
                   .arg(QLocale().toString(m_lastUpdate.toLocalTime(), u"HH:mm:ss"_s));
    }
    m_freshness->setText(text);
    QPalette pal = m_freshness->palette();
    pal.setColor(QPalette::WindowText, StatusPalette::text(severity));
    m_freshness->setPalette(pal);
}

} // namespace noc
