#include "alarmspage.h"

#include "acknowledgedialog.h"
#include "alarmdetaildialog.h"
#include "alarmfilterproxy.h"
#include "alarmmodel.h"
#include "apichannel.h"
#include "maintenancemodel.h"
#include "traplogmodel.h"
#include "widgets/statuspalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr auto RequestPrefix = "alarms:"_L1;
constexpr auto AlarmsPath = "/api/v1/monitor/alarms"_L1;
constexpr auto MaintenancePath = "/api/v1/monitor/maintenance"_L1;
constexpr auto TopologyPath = "/api/v1/monitor/topology"_L1;
constexpr int MaxBufferedEvents = 10000;

// Roles the contract lets take alarms and plan maintenance (docs/management-api.md).
const QStringList acknowledgingRoles{u"admin"_s, u"noc"_s, u"helpdesk-tier1"_s, u"helpdesk-tier2"_s, u"helpdesk-tier3"_s};
const QStringList managingRoles{u"admin"_s, u"noc"_s};

QTableView *makeTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->hide();
    return label;
}

// The records of one list in an answer that could be read; the rest are counted, not shown half.
template<typename Record>
QList<Record> readRecords(const QJsonObject &body, QLatin1String key, std::optional<Record> (*parse)(const QJsonObject &),
                          int *unreadable = nullptr)
{
    QList<Record> records;
    const QJsonArray list = body.value(key).toArray();
    for (const QJsonValue &v : list) {
        if (std::optional<Record> r = parse(v.toObject()))
            records.append(*r);
        else if (unreadable)
            ++*unreadable;
    }
    return records;
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QPushButton *makeButton(const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(objectName);
    return button;
}

// A tab's actions, left-aligned below its table.
QHBoxLayout *buttonRow(const QList<QPushButton *> &buttons)
{
    auto *row = new QHBoxLayout;
    for (QPushButton *b : buttons)
        row->addWidget(b);
    row->addStretch();
    return row;
}

bool hasAnyRole(const QJsonArray &roles, const QStringList &wanted)
{
    return std::any_of(roles.begin(), roles.end(), [&](const QJsonValue &r) { return wanted.contains(r.toString()); });
}

} // namespace

AlarmsPage::AlarmsPage(ApiChannel *channel, QWidget *parent)
    : QWidget(parent), m_channel(channel), m_alarms(new AlarmModel(this)), m_proxy(new AlarmFilterProxy(this)),
      m_maintenance(new MaintenanceModel(this)), m_traps(new TrapLogModel(this))
{
    m_channel->setParent(this);
    m_proxy->setSourceModel(m_alarms);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"alarmsTabs"_s);
    m_tabs->addTab(buildAlarmsTab(), QString());
    m_tabs->addTab(buildMaintenanceTab(), QString());
    m_tabs->addTab(buildTrapTab(), QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_tabs);

    connect(m_channel, &ApiChannel::replied, this, &AlarmsPage::onReply);
    connect(m_channel, &ApiChannel::eventReceived, this, &AlarmsPage::onEvent);
    connect(m_channel, &ApiChannel::connectedChanged, this, &AlarmsPage::onConnectedChanged);
    connect(m_alarms, &AlarmModel::unhandledSevereCountChanged, this, &AlarmsPage::updateActions);
    retranslateUi();
    onConnectedChanged(m_channel->isConnected());
}

QWidget *AlarmsPage::buildAlarmsTab()
{
    auto *tab = new QWidget(this);
    m_alarmMessage = messageLabel(u"alarmMessage"_s, tab);
    m_severityLabel = new QLabel(tab);
    m_severityFilter = new QComboBox(tab);
    m_severityFilter->setObjectName(u"alarmSeverityFilter"_s);
    for (int i = 0; i < 4; ++i)
        m_severityFilter->addItem(QString(), int(AlarmSeverity::Warning) + i);
    m_textFilter = new QLineEdit(tab);
    m_textFilter->setObjectName(u"alarmTextFilter"_s);
    m_textFilter->setClearButtonEnabled(true);
    m_attentionFilter = new QCheckBox(tab);
    m_attentionFilter->setObjectName(u"alarmAttentionFilter"_s);
    m_quietFilter = new QCheckBox(tab);
    m_quietFilter->setObjectName(u"alarmQuietFilter"_s);
    m_quietFilter->setChecked(m_proxy->includeQuiet());
    m_alarmCount = new QLabel(tab);
    m_alarmCount->setObjectName(u"alarmCount"_s);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_severityLabel);
    filters->addWidget(m_severityFilter);
    filters->addWidget(m_textFilter, 1);
    filters->addWidget(m_attentionFilter);
    filters->addWidget(m_quietFilter);
    filters->addWidget(m_alarmCount);

    m_alarmView = makeTable(u"alarmTable"_s, m_proxy, tab);
    m_alarmView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_alarmView->setSortingEnabled(true);
    m_alarmView->sortByColumn(AlarmModel::SeverityColumn, Qt::DescendingOrder);
    m_alarmView->horizontalHeader()->setSectionResizeMode(AlarmModel::CauseColumn, QHeaderView::Stretch);
    m_alarmView->horizontalHeader()->setStretchLastSection(false);

    m_acknowledgeButton = makeButton(u"acknowledgeButton"_s, tab);
    m_unacknowledgeButton = makeButton(u"unacknowledgeButton"_s, tab);
    m_detailButton = makeButton(u"alarmDetailButton"_s, tab);

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(m_alarmMessage);
    layout->addWidget(m_alarmView, 1);
    layout->addLayout(buttonRow({m_acknowledgeButton, m_unacknowledgeButton, m_detailButton}));

    connect(m_severityFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumSeverity(AlarmSeverity(m_severityFilter->currentData().toInt())); });
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &AlarmFilterProxy::setText);
    connect(m_attentionFilter, &QCheckBox::toggled, m_proxy, &AlarmFilterProxy::setAttentionOnly);
    connect(m_quietFilter, &QCheckBox::toggled, m_proxy, &AlarmFilterProxy::setIncludeQuiet);
    connect(m_alarmView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlarmsPage::updateActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &AlarmsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlarmsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &AlarmsPage::updateActions);
    connect(m_acknowledgeButton, &QPushButton::clicked, this, [this] { openAcknowledgeDialog(); });
    connect(m_unacknowledgeButton, &QPushButton::clicked, this, &AlarmsPage::unacknowledgeSelected);
    connect(m_detailButton, &QPushButton::clicked, this, [this] { openAlarmDetail(); });
    connect(m_alarmView, &QTableView::doubleClicked, this, [this] { openAlarmDetail(); });
    return tab;
}

QWidget *AlarmsPage::buildMaintenanceTab()
{
    auto *tab = new QWidget(this);
    m_maintenanceMessage = messageLabel(u"maintenanceMessage"_s, tab);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_maintenance);
    sorted->setSortRole(MaintenanceModel::SortRole);
    m_maintenanceView = makeTable(u"maintenanceTable"_s, sorted, tab);
    m_maintenanceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_maintenanceView->setSortingEnabled(true);
    m_maintenanceView->sortByColumn(MaintenanceModel::StartColumn, Qt::AscendingOrder);
    m_newWindowButton = makeButton(u"newWindowButton"_s, tab);
    m_endWindowButton = makeButton(u"endWindowButton"_s, tab);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_maintenanceMessage);
    layout->addWidget(m_maintenanceView, 1);
    layout->addLayout(buttonRow({m_newWindowButton, m_endWindowButton}));
    connect(m_newWindowButton, &QPushButton::clicked, this, [this] { openMaintenanceDialog(); });
    connect(m_endWindowButton, &QPushButton::clicked, this, &AlarmsPage::askEndSelectedWindow);
    connect(m_maintenanceView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlarmsPage::updateActions);
    connect(m_maintenance, &QAbstractItemModel::dataChanged, this, &AlarmsPage::updateActions);
    return tab;
}

QWidget *AlarmsPage::buildTrapTab()
{
    auto *tab = new QWidget(this);
    m_trapMessage = messageLabel(u"trapMessage"_s, tab);
    m_trapView = makeTable(u"trapTable"_s, m_traps, tab);
    m_trapView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_trapDetail = new QPlainTextEdit(tab);
    m_trapDetail->setObjectName(u"trapDetail"_s);
    m_trapDetail->setReadOnly(true);
    m_trapDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_trapView);
    splitter->addWidget(m_trapDetail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    m_trapRefresh = makeButton(u"trapRefreshButton"_s, tab);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_trapMessage);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttonRow({m_trapRefresh}));
    connect(m_trapRefresh, &QPushButton::clicked, this, &AlarmsPage::readTraps);
    connect(m_trapView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AlarmsPage::updateTrapDetail);
    return tab;
}

void AlarmsPage::retranslateUi()
{
    m_tabs->setTabText(AlarmsTab, tr("Alarms"));
    m_tabs->setTabText(MaintenanceTab, tr("Maintenance"));
    m_tabs->setTabText(TrapLogTab, tr("Trap log"));
    m_severityLabel->setText(tr("Show:"));
    const QStringList severities{tr("All severities"), tr("Minor and worse"), tr("Major and worse"), tr("Critical only")};
    for (int i = 0; i < severities.size(); ++i)
        m_severityFilter->setItemText(i, severities.at(i));
    m_textFilter->setPlaceholderText(tr("Filter by device or cause"));
    m_attentionFilter->setText(tr("Needs attention only"));
    m_attentionFilter->setToolTip(tr("Only alarms nobody has acknowledged that are not suppressed or in maintenance"));
    m_quietFilter->setText(tr("Include suppressed and in maintenance"));
    m_acknowledgeButton->setText(tr("Acknowledge…"));
    m_unacknowledgeButton->setText(tr("Unacknowledge"));
    m_detailButton->setText(tr("History…"));
    m_newWindowButton->setText(tr("New window…"));
    m_endWindowButton->setText(tr("End now"));
    m_trapRefresh->setText(tr("Refresh"));
    m_alarms->retranslate();
    m_maintenance->retranslate();
    m_traps->retranslate();
    updateActions();
    updateTrapDetail();
}

void AlarmsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString AlarmsPage::alarmMessage() const
{
    return m_alarmMessage->isHidden() ? QString() : m_alarmMessage->text();
}

QString AlarmsPage::maintenanceMessage() const
{
    return m_maintenanceMessage->isHidden() ? QString() : m_maintenanceMessage->text();
}

QString AlarmsPage::trapMessage() const
{
    return m_trapMessage->isHidden() ? QString() : m_trapMessage->text();
}

void AlarmsPage::setMessage(QLabel *label, const QString &text, bool problem)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, problem ? StatusPalette::text(StatusPalette::Severity::Warning)
                                               : label->parentWidget()->palette().color(QPalette::WindowText));
    label->setPalette(pal);
}

void AlarmsPage::request(const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler)
{
    const QString id = RequestPrefix + QString::number(++m_serial);
    m_pending.insert(id, std::move(handler));
    if (method == "GET")
        m_channel->get(path, id);
    else
        m_channel->send(method, path, body, id);
}

void AlarmsPage::onReply(const QString &requestId, int status, const QJsonObject &body)
{
    if (!requestId.startsWith(RequestPrefix))
        return;
    const Handler handler = m_pending.take(requestId);
    if (handler)
        handler(status, body);
}

QString AlarmsPage::errorText(int status, const QJsonObject &body) const
{
    const QString message = body.value("error"_L1).toObject().value("message"_L1).toString().left(1000);
    if (status == 0)
        return tr("No answer from the engine: %1").arg(message);
    if (status == 403)
        return tr("Not allowed for your role: %1").arg(message);
    return tr("The engine refused the request (%1): %2").arg(status).arg(message);
}

void AlarmsPage::onConnectedChanged(bool connected)
{
    if (connected) {
        refresh();
        return;
    }
    // Answers still on their way will not come; what is shown is the last known state.
    m_pending.clear();
    m_alarmsLoading = false;
    m_bufferedAlarmEvents.clear();
    const QString text = m_alarms->rowCount() > 0 ? tr("Not connected: these are the last known alarms.")
                                                  : tr("Connect to an engine to see its alarms.");
    setMessage(m_alarmMessage, text, m_alarms->rowCount() > 0);
    updateActions();
}

void AlarmsPage::refresh()
{
    if (!m_channel->isConnected())
        return;
    readRoles();
    readTopology();
    readAlarms();
    readMaintenance();
    readTraps();
    updateActions();
}

void AlarmsPage::clear()
{
    m_pending.clear();
    m_alarmsLoading = false;
    m_bufferedAlarmEvents.clear();
    m_alarms->clear();
    m_maintenance->clear();
    m_traps->clear();
    m_deviceChoices.clear();
    m_siteChoices.clear();
    m_canAcknowledge = true;
    m_canManage = true;
    for (QLabel *label : {m_alarmMessage, m_maintenanceMessage, m_trapMessage})
        setMessage(label, QString(), false);
    updateActions();
}

void AlarmsPage::readRoles()
{
    request("GET", u"/api/v1/me"_s, {}, [this](int status, const QJsonObject &body) {
        if (status != 200 || !body.value("roles"_L1).isArray())
            return;   // a refusal of any action still says so when it happens
        const QJsonArray roles = body.value("roles"_L1).toArray();
        m_canAcknowledge = hasAnyRole(roles, acknowledgingRoles);
        m_canManage = hasAnyRole(roles, managingRoles);
        updateActions();
    });
}

void AlarmsPage::readTopology()
{
    request("GET", TopologyPath, {}, [this](int status, const QJsonObject &body) {
        if (status != 200)
            return;   // names fall back to ids; the alarm list says what went wrong with monitoring
        QHash<QString, QString> names;
        m_deviceChoices.clear();
        m_siteChoices.clear();
        const QJsonArray devices = body.value("devices"_L1).toArray();
        for (const QJsonValue &v : devices) {
            const QJsonObject d = v.toObject();
            const QString id = d.value("id"_L1).toVariant().toString().left(64);
            const QString name = d.value("name"_L1).toString().left(64);
            if (id.isEmpty() || name.isEmpty())
                continue;
            names.insert(id, name);
            const QString site = d.value("site"_L1).toString().left(64);
            m_deviceChoices.append({id, site.isEmpty() ? name : tr("%1 (%2)").arg(name, site)});
        }
        const QJsonArray sites = body.value("sites"_L1).toArray();
        for (const QJsonValue &v : sites) {
            const QJsonObject s = v.toObject();
            const QString code = s.value("code"_L1).toString().left(64);
            const QString name = s.value("name"_L1).toString().left(200);
            if (!code.isEmpty())
                m_siteChoices.append({code, name.isEmpty() || name == code ? code : tr("%1 — %2").arg(code, name)});
        }
        m_alarms->setDeviceNames(names);
        m_maintenance->setDeviceNames(names);
        m_traps->setDeviceNames(names);
    });
}

void AlarmsPage::readAlarms()
{
    m_alarmsLoading = true;
    m_bufferedAlarmEvents.clear();
    if (m_alarms->rowCount() == 0)
        setMessage(m_alarmMessage, tr("Loading alarms…"), false);
    request("GET", AlarmsPath, {}, [this](int status, const QJsonObject &body) {
        m_alarmsLoading = false;
        const QList<QJsonObject> buffered = std::exchange(m_bufferedAlarmEvents, {});
        if (status != 200) {
            setMessage(m_alarmMessage, errorText(status, body), true);
            return;
        }
        int unreadable = 0;
        m_alarms->setAlarms(readRecords(body, "alarms"_L1, &AlarmRecord::fromJson, &unreadable));
        // Changes that happened while the list was on its way are newer than it.
        for (const QJsonObject &event : buffered)
            applyAlarmChange(event);
        setMessage(m_alarmMessage,
                   unreadable > 0 ? tr("%n alarm(s) in the engine's answer could not be read.", nullptr, unreadable)
                                  : QString(),
                   unreadable > 0);
        updateActions();
    });
}

void AlarmsPage::readMaintenance()
{
    request("GET", MaintenancePath, {}, [this](int status, const QJsonObject &body) {
        if (status != 200) {
            setMessage(m_maintenanceMessage, errorText(status, body), true);
            return;
        }
        const QList<MaintenanceWindowRecord> windows = readRecords(body, "windows"_L1, &MaintenanceWindowRecord::fromJson);
        m_maintenance->setWindows(windows);
        setMessage(m_maintenanceMessage, windows.isEmpty() ? tr("No maintenance window is planned.") : QString(), false);
    });
}

void AlarmsPage::readTraps()
{
    if (!m_channel->isConnected())
        return;
    request("GET", u"/api/v1/monitor/traps?limit=%1"_s.arg(TrapLogLimit), {}, [this](int status, const QJsonObject &body) {
        if (status != 200) {
            setMessage(m_trapMessage, errorText(status, body), true);
            return;
        }
        const QList<TrapEntry> traps = readRecords(body, "traps"_L1, &TrapEntry::fromLogJson);
        m_traps->setTraps(traps);
        setMessage(m_trapMessage, traps.isEmpty() ? tr("No trap has been received.") : QString(), false);
        updateTrapDetail();
    });
}

void AlarmsPage::onEvent(const QJsonObject &event)
{
    const QString type = event.value("type"_L1).toString();
    if (type == "alarm"_L1) {
        if (m_alarmsLoading) {
            if (m_bufferedAlarmEvents.size() < MaxBufferedEvents)
                m_bufferedAlarmEvents.append(event);
            return;
        }
        applyAlarmChange(event);
    } else if (type == "monitor.trap"_L1) {
        if (std::optional<TrapEntry> t = TrapEntry::fromEventJson(event)) {
            m_traps->prepend(*t);
            setMessage(m_trapMessage, QString(), false);
        }
    }
}

void AlarmsPage::applyAlarmChange(const QJsonObject &event)
{
    const std::optional<AlarmChangeEvent> change = AlarmChangeEvent::fromJson(event);
    if (!change)
        return;
    m_alarms->applyChange(*change);
    if (change->notify && change->alarm.isUnhandledSevere())
        Q_EMIT alertRaised();
}

QList<qint64> AlarmsPage::selectedAlarmIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_alarmView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(index.data(AlarmModel::AlarmIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void AlarmsPage::updateActions()
{
    const bool connected = m_channel->isConnected();
    const QModelIndexList rows = m_alarmView->selectionModel()->selectedRows();
    const bool anyAcknowledged = std::any_of(rows.begin(), rows.end(), [this](const QModelIndex &index) {
        return m_alarms->alarm(m_proxy->mapToSource(index).row()).isAcknowledged();
    });
    m_acknowledgeButton->setEnabled(connected && m_canAcknowledge && !rows.isEmpty());
    m_unacknowledgeButton->setEnabled(connected && m_canAcknowledge && anyAcknowledged);
    m_detailButton->setEnabled(connected && rows.size() == 1);
    const QString why = m_canAcknowledge ? QString() : tr("Your role may not acknowledge alarms.");
    m_acknowledgeButton->setToolTip(why);
    m_unacknowledgeButton->setToolTip(why);

    const QModelIndexList windows = m_maintenanceView->selectionModel()->selectedRows();
    const bool endable = windows.size() == 1 && !m_maintenance->window(
        static_cast<QSortFilterProxyModel *>(m_maintenanceView->model())->mapToSource(windows.first()).row()).endedAt.isValid();
    m_newWindowButton->setEnabled(connected && m_canManage);
    m_endWindowButton->setEnabled(connected && m_canManage && endable);
    const QString manageWhy = m_canManage ? QString() : tr("Your role may not plan maintenance.");
    m_newWindowButton->setToolTip(manageWhy);
    m_endWindowButton->setToolTip(manageWhy);
    m_trapRefresh->setEnabled(connected);

    m_alarmCount->setText(tr("%1 of %n alarm(s)", nullptr, m_alarms->rowCount()).arg(m_proxy->rowCount()));
}

AcknowledgeDialog *AlarmsPage::openAcknowledgeDialog()
{
    const QList<qint64> ids = selectedAlarmIds();
    if (ids.isEmpty() || !m_canAcknowledge || !m_channel->isConnected())
        return nullptr;
    if (ids.size() > MaxIdsPerRequest) {
        setMessage(m_alarmMessage, tr("Select at most %1 alarms at a time.").arg(MaxIdsPerRequest), true);
        return nullptr;
    }
    auto *dialog = new AcknowledgeDialog(int(ids.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        QJsonObject body{{u"ids"_s, idArray(ids)}, {u"comment"_s, dialog->comment()}};
        if (const QDateTime expires = dialog->expiresAt(); expires.isValid())
            body.insert(u"expiresAt"_s, apiTimeText(expires));
        sendAcknowledgement("/acknowledge", body, int(ids.size()), true);
    });
    dialog->open();
    return dialog;
}

void AlarmsPage::unacknowledgeSelected()
{
    QList<qint64> ids;
    const QModelIndexList rows = m_alarmView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const AlarmRecord a = m_alarms->alarm(m_proxy->mapToSource(index).row());
        if (a.isAcknowledged())
            ids.append(a.id);
    }
    if (ids.isEmpty() || !m_canAcknowledge || ids.size() > MaxIdsPerRequest)
        return;
    sendAcknowledgement("/unacknowledge", QJsonObject{{u"ids"_s, idArray(ids)}}, int(ids.size()), false);
}

void AlarmsPage::sendAcknowledgement(const QByteArray &path, const QJsonObject &body, int count, bool acknowledge)
{
    request("POST", AlarmsPath + QString::fromLatin1(path), body, [this, count, acknowledge](int status, const QJsonObject &answer) {
        if (status == 200) {
            showResults(answer, count, acknowledge);
            return;
        }
        if (status == 403)
            m_canAcknowledge = false;
        setMessage(m_alarmMessage, errorText(status, answer), true);
        updateActions();
    });
}

void AlarmsPage::showResults(const QJsonObject &body, int count, bool acknowledge)
{
    int done = 0;
    QStringList failures;
    const QJsonArray results = body.value("results"_L1).toArray();
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        if (r.value("ok"_L1).toBool()) {
            ++done;
            continue;
        }
        if (failures.size() < 20) {
            failures.append(tr("alarm %1: %2").arg(r.value("id"_L1).toInteger())
                                .arg(r.value("error"_L1).toObject().value("message"_L1).toString().left(300)));
        }
    }
    QString text = acknowledge ? tr("Acknowledged %1 of %n alarm(s).", nullptr, count).arg(done)
                               : tr("Withdrew the acknowledgement of %1 of %n alarm(s).", nullptr, count).arg(done);
    if (!failures.isEmpty())
        text += u' ' + tr("Not done: %1").arg(failures.join(u"; "_s));
    setMessage(m_alarmMessage, text, !failures.isEmpty());
}

AlarmDetailDialog *AlarmsPage::openAlarmDetail()
{
    const QModelIndexList rows = m_alarmView->selectionModel()->selectedRows();
    const QModelIndex current = rows.size() == 1 ? rows.first() : m_alarmView->currentIndex();
    if (!current.isValid() || !m_channel->isConnected())
        return nullptr;
    const AlarmRecord alarm = m_alarms->alarm(m_proxy->mapToSource(current).row());
    auto *dialog = new AlarmDetailDialog(alarm, m_alarms->deviceLabel(alarm), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<AlarmDetailDialog> guard(dialog);
    request("GET", AlarmsPath + u"/"_s + QString::number(alarm.id), {}, [this, guard](int status, const QJsonObject &body) {
        if (!guard)
            return;
        if (status == 200)
            guard->setDetail(body);
        else
            guard->setError(errorText(status, body));
    });
    dialog->open();
    return dialog;
}

MaintenanceWindowDialog *AlarmsPage::openMaintenanceDialog()
{
    if (!m_canManage || !m_channel->isConnected())
        return nullptr;
    auto *dialog = new MaintenanceWindowDialog(m_deviceChoices, m_siteChoices, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const MaintenanceWindowRecord planned = dialog->window();
        request("POST", MaintenancePath, planned.toRequestJson(), [this, title = planned.title](int status, const QJsonObject &body) {
            if (status == 200 || status == 201) {
                if (std::optional<MaintenanceWindowRecord> w = MaintenanceWindowRecord::fromJson(body))
                    m_maintenance->updateWindow(*w);
                setMessage(m_maintenanceMessage, tr("Maintenance window \"%1\" planned.").arg(title), false);
                return;
            }
            if (status == 403)
                m_canManage = false;
            setMessage(m_maintenanceMessage, errorText(status, body), true);
            updateActions();
        });
    });
    dialog->open();
    return dialog;
}

void AlarmsPage::askEndSelectedWindow()
{
    const QModelIndexList rows = m_maintenanceView->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const auto *sorted = static_cast<QSortFilterProxyModel *>(m_maintenanceView->model());
    const MaintenanceWindowRecord w = m_maintenance->window(sorted->mapToSource(rows.first()).row());
    auto *box = new QMessageBox(QMessageBox::Question, tr("End maintenance window"),
                                w.activeNow ? tr("End \"%1\" now? Its alarms will want attention again.").arg(w.title)
                                            : tr("Cancel \"%1\"? It has not started yet.").arg(w.title),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"endWindowConfirmation"_s);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id = w.id] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            endWindow(id);
    });
    box->open();
}

void AlarmsPage::endWindow(qint64 id)
{
    request("POST", MaintenancePath + u"/"_s + QString::number(id) + u"/end"_s, {}, [this](int status, const QJsonObject &body) {
        if (status == 200) {
            if (std::optional<MaintenanceWindowRecord> w = MaintenanceWindowRecord::fromJson(body)) {
                m_maintenance->updateWindow(*w);
                setMessage(m_maintenanceMessage, tr("Maintenance window \"%1\" ended.").arg(w->title), false);
            }
            return;
        }
        if (status == 403)
            m_canManage = false;
        setMessage(m_maintenanceMessage, errorText(status, body), true);
        updateActions();
    });
}

void AlarmsPage::updateTrapDetail()
{
    const QModelIndex current = m_trapView->currentIndex();
    m_trapDetail->setPlainText(current.isValid() ? TrapLogModel::detailText(m_traps->trap(current.row())) : QString());
}

void AlarmsPage::showNeedsAttention()
{
    m_tabs->setCurrentIndex(AlarmsTab);
    m_textFilter->clear();
    m_severityFilter->setCurrentIndex(m_severityFilter->findData(int(AlarmSeverity::Major)));
    m_attentionFilter->setChecked(true);
}

} // namespace noc
