#include "devicepage.h"

#include "interfacetablemodel.h"
#include "monitortranslator.h"
#include "requestcoalescer.h"
#include "widgets/topologystyle.h"

#include "customplot.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QKeyEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr auto RequestPrefix = "device:"_L1;
constexpr int AlarmReadGapMsecs = 1000;

const QColor RoundTripColour(0x15, 0x65, 0xc0);
const QColor CpuColour(0xef, 0x6c, 0x00);
const QColor MemoryColour(0x6a, 0x1b, 0x9a);
const QColor InColour(0x2e, 0x7d, 0x32);
const QColor OutColour(0x00, 0x83, 0x8f);

// A time chart with a legend in its top-left corner; the y axis starts at zero.
QCustomPlot *timeChart(const QString &objectName, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    plot->setMinimumHeight(130);
    plot->setBackground(parent->palette().color(QPalette::Base));
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerDateTime>::create());
    plot->legend->setVisible(true);
    QFont legendFont = parent->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    plot->legend->setFont(legendFont);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    return plot;
}

QCPGraph *line(QCustomPlot *plot, const QColor &colour)
{
    QCPGraph *graph = plot->addGraph();
    graph->setPen(QPen(colour, 1.5));
    // A lone sample between two gaps would be invisible as a line: draw every sample as a dot too.
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 3));
    return graph;
}

void setLine(QCPGraph *graph, const MetricSeries::Line &line)
{
    graph->setData(line.keys, line.values, true);
}

double highest(const QList<MetricSeries::Line> &lines)
{
    double top = 0;
    for (const MetricSeries::Line &l : lines) {
        for (double v : l.values) {
            if (!std::isnan(v))
                top = std::max(top, v);
        }
    }
    return top;
}

// Bit rates on the axis in the unit that suits them, like the interface table.
class BitRateTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return tick <= 0 ? u"0"_s : InterfaceTableModel::bitRate(tick);
    }
};

QLabel *factLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString percentText(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 1) + u" %"_s : QString(u"—"_s);
}

} // namespace

DevicePage::DevicePage(ConsoleSession *session, const MonitorTranslator *translator, QWidget *parent)
    : QWidget(parent), m_session(session), m_translator(translator), m_interfaces(new InterfaceTableModel(this)),
      m_alarmReads(new RequestCoalescer(AlarmReadGapMsecs, this))
{
    // Header: back to the map, the device's name and its state in words.
    m_back = new QToolButton(this);
    m_back->setObjectName(u"deviceBack"_s);
    m_back->setArrowType(Qt::LeftArrow);
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_title = new QLabel(this);
    m_title->setObjectName(u"deviceTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    m_title->setFont(titleFont);
    m_statusLine = new QLabel(this);
    m_statusLine->setObjectName(u"deviceStatus"_s);
    m_statusLine->setTextFormat(Qt::PlainText);
    m_statusLine->setAutoFillBackground(true);
    m_statusLine->setMargin(4);
    auto *header = new QHBoxLayout;
    header->addWidget(m_back);
    header->addSpacing(8);
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(m_statusLine);
    header->addStretch(1);

    m_identityBox = new QGroupBox(this);
    m_identityForm = new QFormLayout(m_identityBox);
    m_kind = factLabel(m_identityBox);
    m_site = factLabel(m_identityBox);
    m_address = factLabel(m_identityBox);
    m_parents = factLabel(m_identityBox);
    m_parents->setWordWrap(true);
    m_snmp = factLabel(m_identityBox);
    for (QLabel *value : {m_kind, m_site, m_address, m_parents, m_snmp})
        m_identityForm->addRow(new QLabel(m_identityBox), value);

    m_stateBox = new QGroupBox(this);
    m_stateForm = new QFormLayout(m_stateBox);
    m_reachability = factLabel(m_stateBox);
    m_reachability->setObjectName(u"deviceReachability"_s);
    m_reachability->setWordWrap(true);
    m_roundTrip = factLabel(m_stateBox);
    m_cpu = factLabel(m_stateBox);
    m_memory = factLabel(m_stateBox);
    m_disks = factLabel(m_stateBox);
    m_disks->setWordWrap(true);
    m_lastPolled = factLabel(m_stateBox);
    for (QLabel *value : {m_reachability, m_roundTrip, m_cpu, m_memory, m_disks, m_lastPolled})
        m_stateForm->addRow(new QLabel(m_stateBox), value);

    m_alarmsBox = new QGroupBox(this);
    m_alarms = new QTreeWidget(m_alarmsBox);
    m_alarms->setObjectName(u"deviceAlarms"_s);
    m_alarms->setRootIsDecorated(false);
    m_alarms->setColumnCount(5);
    m_alarms->setAlternatingRowColors(true);
    m_alarms->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_alarms->header()->setStretchLastSection(true);
    auto *alarmsLayout = new QVBoxLayout(m_alarmsBox);
    alarmsLayout->addWidget(m_alarms);

    // The facts take the height they need; the table and the charts get the rest.
    m_alarms->setMaximumHeight(m_alarms->fontMetrics().height() * 9);
    for (QGroupBox *box : {m_identityBox, m_stateBox, m_alarmsBox})
        box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *facts = new QHBoxLayout;
    facts->addWidget(m_identityBox, 2);
    facts->addWidget(m_stateBox, 2);
    facts->addWidget(m_alarmsBox, 3);

    m_interfacesBox = new QGroupBox(this);
    m_interfaceView = new QTableView(m_interfacesBox);
    m_interfaceView->setObjectName(u"deviceInterfaces"_s);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_interfaces);
    sorted->setSortRole(InterfaceTableModel::SortRole);
    m_interfaceView->setModel(sorted);
    m_interfaceView->setSortingEnabled(true);
    m_interfaceView->sortByColumn(InterfaceTableModel::IndexColumn, Qt::AscendingOrder);
    m_interfaceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_interfaceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_interfaceView->setShowGrid(false);
    m_interfaceView->setWordWrap(false);
    m_interfaceView->verticalHeader()->hide();
    m_interfaceView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_interfaceView->horizontalHeader()->setSectionResizeMode(InterfaceTableModel::NameColumn, QHeaderView::Stretch);
    auto *interfacesLayout = new QVBoxLayout(m_interfacesBox);
    interfacesLayout->addWidget(m_interfaceView);

    // Charts: the range as three buttons (one click, and the choice stays visible), then the lines.
    m_chartsBox = new QGroupBox(this);
    m_rangeButtons = new QButtonGroup(this);
    auto *ranges = new QHBoxLayout;
    for (Range r : {Range::Hour, Range::Day, Range::Week}) {
        auto *button = new QToolButton(m_chartsBox);
        button->setCheckable(true);
        button->setObjectName(u"deviceRange%1"_s.arg(int(r)));
        m_rangeButtons->addButton(button, int(r));
        ranges->addWidget(button);
    }
    m_rangeButtons->button(int(m_range))->setChecked(true);
    m_chartMessage = new QLabel(m_chartsBox);
    m_chartMessage->setObjectName(u"deviceChartMessage"_s);
    m_chartMessage->setTextFormat(Qt::PlainText);
    ranges->addSpacing(12);
    ranges->addWidget(m_chartMessage, 1);
    m_interfaceLabel = new QLabel(m_chartsBox);
    m_interfaceSelector = new QComboBox(m_chartsBox);
    m_interfaceSelector->setObjectName(u"deviceInterfaceSelector"_s);
    m_interfaceSelector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_interfaceLabel->setBuddy(m_interfaceSelector);
    ranges->addWidget(m_interfaceLabel);
    ranges->addWidget(m_interfaceSelector);

    m_roundTripPlot = timeChart(u"deviceRoundTripPlot"_s, m_chartsBox);
    line(m_roundTripPlot, RoundTripColour);
    m_loadPlot = timeChart(u"deviceLoadPlot"_s, m_chartsBox);
    line(m_loadPlot, CpuColour);
    line(m_loadPlot, MemoryColour);
    m_loadPlot->yAxis->setRange(0, 100);
    m_trafficPlot = timeChart(u"deviceTrafficPlot"_s, m_chartsBox);
    line(m_trafficPlot, InColour);
    line(m_trafficPlot, OutColour);
    m_trafficPlot->yAxis->setTicker(QSharedPointer<BitRateTicker>::create());
    auto *chartsLayout = new QVBoxLayout(m_chartsBox);
    chartsLayout->addLayout(ranges);
    chartsLayout->addWidget(m_roundTripPlot, 1);
    chartsLayout->addWidget(m_loadPlot, 1);
    chartsLayout->addWidget(m_trafficPlot, 1);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->setChildrenCollapsible(false);
    lower->addWidget(m_interfacesBox);
    lower->addWidget(m_chartsBox);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addLayout(facts);
    layout->addWidget(lower, 1);

    connect(m_back, &QToolButton::clicked, this, &DevicePage::backRequested);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    connect(m_interfaceSelector, &QComboBox::currentIndexChanged, this, &DevicePage::redrawCharts);
    connect(m_alarmReads, &RequestCoalescer::fire, this, &DevicePage::readAlarms);
    connect(m_session, &ConsoleSession::apiReply, this, &DevicePage::onApiReply);
    connect(m_session, &ConsoleSession::stateChanged, this, [this] {
        const bool now = connected();
        if (now == m_wasConnected)
            return;
        m_wasConnected = now;
        m_pendingMetrics.clear();
        m_pendingAlarms.clear();
        m_alarmReads->reset();
        if (now && !m_deviceId.isEmpty()) {
            // What happened while away is not replayed: read this device's history again.
            readMetrics();
            m_alarmReads->request();
        }
    });
    m_wasConnected = connected();
    retranslateUi();
}

DevicePage::~DevicePage() = default;

qint64 DevicePage::rangeSeconds(Range range)
{
    switch (range) {
    case Range::Hour: return 3600;
    case Range::Day: return 24 * 3600;
    case Range::Week: return 7 * 24 * 3600;
    }
    return 24 * 3600;
}

bool DevicePage::connected() const
{
    return m_session->state() == ConsoleSession::State::Connected || m_session->state() == ConsoleSession::State::Stale;
}

void DevicePage::showDevice(const QString &deviceId)
{
    if (deviceId == m_deviceId)
        return;
    m_deviceId = deviceId;
    if (!deviceId.isEmpty())
        m_lastDeviceId = deviceId;
    m_pendingMetrics.clear();
    m_pendingAlarms.clear();
    m_alarmReads->reset();
    m_series.clear();
    m_alarms->clear();
    m_interfaceSelector->clear();
    m_interfaces->setInterfaces({});
    setChartMessage({});
    if (deviceId.isEmpty())
        return;
    refreshIdentity();
    updateState();
    redrawCharts();
    readMetrics();
    m_alarmReads->request();
}

void DevicePage::setRange(Range range)
{
    if (QAbstractButton *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    if (range == m_range)
        return;
    m_range = range;
    redrawCharts();
    readMetrics();
}

void DevicePage::refreshIdentity()
{
    const MonitorDeviceInfo *info = m_translator->deviceInfo(m_deviceId);
    if (!info)
        return;
    m_title->setText(info->name);
    m_kind->setText(TopologyStyle::kindName(MonitorTranslator::kindFromName(info->kind)));
    m_site->setText(info->site.isEmpty() ? tr("none") : info->site);
    m_address->setText(info->address);
    m_parents->setText(info->parents.isEmpty() ? tr("none") : info->parents.join(u", "_s));
    if (info->snmpVersion.isEmpty())
        m_snmp->setText(tr("not polled (no SNMP settings)"));
    else if (!info->enabled)
        m_snmp->setText(tr("SNMP v%1, disabled").arg(info->snmpVersion));
    else
        m_snmp->setText(tr("SNMP v%1").arg(info->snmpVersion));
}

void DevicePage::stateChanged(bool fromStatusRead)
{
    if (m_deviceId.isEmpty())
        return;
    const MonitorDeviceState *state = m_translator->deviceState(m_deviceId);
    if (fromStatusRead && state && state->lastPolledAt.isValid()) {
        // A status read carries the interface rates a poll event does not: one more chart sample.
        MetricSeries::Sample sample;
        sample.at = state->lastPolledAt;
        sample.reachable = state->reachable.value_or(false);
        sample.roundTripMs = state->roundTripMs;
        sample.cpuLoadPercent = state->cpuLoadPercent;
        sample.memoryUsedPercent = state->memoryUsedPercent;
        for (const MonitorInterfaceState &i : state->interfaces)
            sample.interfaces.insert(i.ifIndex, {i.inBps, i.outBps});
        m_series.append(sample);
        redrawCharts();
    }
    updateState();
}

void DevicePage::alarmsChanged()
{
    if (!m_deviceId.isEmpty())
        m_alarmReads->request();
}

void DevicePage::updateState()
{
    const MonitorDeviceState *state = m_translator->deviceState(m_deviceId);
    const QLocale locale;
    if (!state) {
        for (QLabel *value : {m_reachability, m_roundTrip, m_cpu, m_memory, m_disks, m_lastPolled})
            value->setText(u"—"_s);
        m_reachability->setText(tr("no status yet"));
        m_statusLine->setText(tr("Unknown"));
        m_interfaces->setInterfaces({});
        return;
    }
    const DeviceStatusUpdate drawn = m_translator->statusUpdate(*state);
    QString status = TopologyStyle::statusName(drawn.status);
    if (state->stale)
        status += tr(", stale");
    if (state->acknowledged && !state->worstSeverity.isEmpty())
        status += tr(", acknowledged");
    if (state->inMaintenance)
        status += tr(", in maintenance");
    m_statusLine->setText(status);
    QPalette pal = m_statusLine->palette();
    const QColor fill = TopologyStyle::deviceFill(drawn.status, state->stale);
    pal.setColor(QPalette::Window, fill);
    pal.setColor(QPalette::WindowText, fill.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white));
    m_statusLine->setPalette(pal);

    m_reachability->setText(drawn.cause.isEmpty() ? tr("answering") : drawn.cause);
    m_roundTrip->setText(state->roundTripMs ? tr("%1 ms").arg(locale.toString(*state->roundTripMs, 'f', 1)) : u"—"_s);
    m_cpu->setText(percentText(state->cpuLoadPercent));
    m_memory->setText(percentText(state->memoryUsedPercent));
    QStringList disks;
    for (const MonitorDisk &d : state->disks)
        disks.append(tr("%1 %2 % used").arg(d.mount, locale.toString(d.usedPercent, 'f', 0)));
    m_disks->setText(disks.isEmpty() ? u"—"_s : disks.join(u"\n"_s));
    m_lastPolled->setText(state->lastPolledAt.isValid()
                              ? locale.toString(state->lastPolledAt.toLocalTime(), QLocale::ShortFormat)
                              : tr("never"));
    m_interfaces->setInterfaces(state->interfaces);
    updateInterfaceSelector();
}

QString DevicePage::titleText() const
{
    return m_title->text();
}

QString DevicePage::stateText() const
{
    return QStringList{m_statusLine->text(), m_reachability->text(), m_roundTrip->text(), m_cpu->text(),
                       m_memory->text(), m_disks->text()}.join(u" | "_s);
}

void DevicePage::readMetrics()
{
    const MonitorDeviceInfo *info = m_translator->deviceInfo(m_deviceId);
    if (!info || !connected())
        return;
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addSecs(-rangeSeconds(m_range));
    m_pendingMetrics = RequestPrefix + u"metrics:"_s + QString::number(++m_serial);
    // Device names are A-Z a-z 0-9 . _ - (the API's rule): nothing to escape in the path.
    m_session->get(u"/api/v1/monitor/metrics/%1?from=%2&to=%3"_s.arg(
                       QString::fromLatin1(QUrl::toPercentEncoding(info->name)), from.toString(Qt::ISODate),
                       to.toString(Qt::ISODate)),
                   m_pendingMetrics);
    setChartMessage(tr("Reading…"));
}

void DevicePage::readAlarms()
{
    if (m_deviceId.isEmpty() || !connected()) {
        m_alarmReads->finished();
        return;
    }
    m_pendingAlarms = RequestPrefix + u"alarms:"_s + QString::number(++m_serial);
    m_session->get(u"/api/v1/monitor/alarms?device=%1"_s.arg(m_deviceId), m_pendingAlarms);
}

void DevicePage::onApiReply(const QString &requestId, int status, const QJsonObject &body)
{
    if (!requestId.startsWith(RequestPrefix))
        return;
    const QString message = body.value(u"error"_s).toObject().value(u"message"_s).toString().left(300);
    if (requestId == m_pendingMetrics) {
        m_pendingMetrics.clear();
        if (status == 200)
            applyMetrics(body);
        else
            setChartMessage(tr("The metrics could not be read: %1").arg(message.isEmpty() ? QString::number(status) : message));
    } else if (requestId == m_pendingAlarms) {
        m_pendingAlarms.clear();
        m_alarmReads->finished();
        if (status == 200) {
            applyAlarms(body);
        } else {
            m_alarms->clear();
            auto *item = new QTreeWidgetItem(m_alarms);
            item->setText(0, tr("The alarms could not be read: %1").arg(message.isEmpty() ? QString::number(status) : message));
            item->setFirstColumnSpanned(true);
        }
    }
}

void DevicePage::applyMetrics(const QJsonObject &answer)
{
    // Live samples newer than the answer's end stay: the read may have been slower than a poll.
    const QList<MetricSeries::Sample> live = m_series.samples();
    if (!m_series.setFromJson(answer)) {
        setChartMessage(tr("The engine's answer had no samples."));
        return;
    }
    const QDateTime newest = m_series.samples().isEmpty() ? QDateTime() : m_series.samples().last().at;
    for (const MetricSeries::Sample &s : live) {
        if (!newest.isValid() || s.at > newest)
            m_series.append(s);
    }
    setChartMessage(m_series.samples().isEmpty() ? tr("No samples in this period.") : QString());
    updateInterfaceSelector();
    redrawCharts();
}

void DevicePage::applyPoll(const QJsonObject &event)
{
    m_series.append(MetricSeries::fromPollEvent(event));
    redrawCharts();
}

void DevicePage::applyAlarms(const QJsonObject &answer)
{
    static const QHash<QString, DeviceStatus> severities{
        {u"critical"_s, DeviceStatus::Critical}, {u"major"_s, DeviceStatus::Major},
        {u"minor"_s, DeviceStatus::Minor},       {u"warning"_s, DeviceStatus::Warning},
    };
    m_alarms->clear();
    const QJsonArray alarms = answer.value(u"alarms"_s).toArray();
    const QLocale locale;
    for (qsizetype i = 0; i < alarms.size() && i < 1000; ++i) {
        const QJsonObject a = alarms.at(i).toObject();
        if (MonitorJson::id(a.value(u"device"_s)) != m_deviceId)
            continue;   // the filter is the engine's; a stray one is not shown as this device's
        auto *item = new QTreeWidgetItem(m_alarms);
        const QString severity = MonitorJson::text(a.value(u"severity"_s), 16);
        item->setText(0, TopologyStyle::statusName(severities.value(severity, DeviceStatus::Unknown)));
        const QColor colour = TopologyStyle::deviceFill(severities.value(severity, DeviceStatus::Unknown));
        item->setIcon(0, [&colour] {
            QPixmap dot(10, 10);
            dot.fill(colour);
            return QIcon(dot);
        }());
        const QString component = MonitorJson::text(a.value(u"component"_s), 128);
        item->setText(1, component.isEmpty() ? tr("reachability") : component);
        QString summary = MonitorJson::text(a.value(u"summary"_s));
        if (summary.isEmpty())
            summary = MonitorJson::text(a.value(u"cause"_s));
        const QString suppressedBy = MonitorJson::id(a.value(u"suppressedBy"_s));
        if (!suppressedBy.isEmpty())
            summary = tr("%1 (behind %2)").arg(summary, m_translator->deviceName(suppressedBy));
        item->setText(2, summary);
        const QDateTime raised = MonitorJson::time(a.value(u"raisedAt"_s));
        item->setText(3, raised.isValid() ? locale.toString(raised.toLocalTime(), QLocale::ShortFormat) : QString());
        const QJsonObject ack = a.value(u"acknowledgement"_s).toObject();
        QString acknowledged;
        if (!ack.isEmpty())
            acknowledged = tr("by %1: %2").arg(MonitorJson::text(ack.value(u"by"_s), 64), MonitorJson::text(ack.value(u"comment"_s), 500));
        else if (a.value(u"inMaintenance"_s).toBool())
            acknowledged = tr("in maintenance");
        item->setText(4, acknowledged);
        item->setToolTip(2, MonitorJson::text(a.value(u"cause"_s)));
    }
    if (m_alarms->topLevelItemCount() == 0) {
        auto *item = new QTreeWidgetItem(m_alarms);
        item->setText(0, tr("No active alarms."));
        item->setFirstColumnSpanned(true);
    }
}

void DevicePage::updateInterfaceSelector()
{
    QMap<int, QString> names;
    for (int ifIndex : m_series.interfaceIndexes())
        names.insert(ifIndex, QString());
    if (const MonitorDeviceState *state = m_translator->deviceState(m_deviceId)) {
        for (const MonitorInterfaceState &i : state->interfaces)
            names.insert(i.ifIndex, i.name);
    }
    if (const MonitorDeviceInfo *info = m_translator->deviceInfo(m_deviceId)) {
        for (const MonitorInterfaceInfo &i : info->interfaces) {
            if (names.contains(i.ifIndex) && names.value(i.ifIndex).isEmpty())
                names.insert(i.ifIndex, i.name);
        }
    }
    QList<int> present;
    for (int i = 0; i < m_interfaceSelector->count(); ++i)
        present.append(m_interfaceSelector->itemData(i).toInt());
    if (present == names.keys())
        return;
    const int current = m_interfaceSelector->currentData().toInt();
    const QSignalBlocker blocker(m_interfaceSelector);
    m_interfaceSelector->clear();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_interfaceSelector->addItem(it->isEmpty() ? tr("ifIndex %1").arg(it.key()) : u"%1 (%2)"_s.arg(*it).arg(it.key()), it.key());
    const int keep = m_interfaceSelector->findData(current);
    m_interfaceSelector->setCurrentIndex(keep >= 0 ? keep : 0);
    redrawCharts();
}

void DevicePage::redrawCharts()
{
    const QDateTime newest = m_series.samples().isEmpty() ? QDateTime() : m_series.samples().last().at;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double end = double(std::max(now, newest.isValid() ? newest : now).toMSecsSinceEpoch()) / 1000.0;
    const double start = end - double(rangeSeconds(m_range));
    const QString format = m_range == Range::Week ? u"ddd HH:mm"_s : u"HH:mm"_s;
    for (QCustomPlot *plot : {m_roundTripPlot, m_loadPlot, m_trafficPlot}) {
        plot->xAxis->setRange(start, end);
        auto ticker = qSharedPointerDynamicCast<QCPAxisTickerDateTime>(plot->xAxis->ticker());
        if (ticker) {
            ticker->setDateTimeFormat(format);
            ticker->setDateTimeSpec(Qt::LocalTime);
        }
    }

    const MetricSeries::Line roundTrip = m_series.line(MetricSeries::Metric::RoundTrip);
    setLine(m_roundTripPlot->graph(0), roundTrip);
    m_roundTripPlot->yAxis->setRange(0, std::max(1.0, highest({roundTrip}) * 1.15));

    setLine(m_loadPlot->graph(0), m_series.line(MetricSeries::Metric::CpuLoad));
    setLine(m_loadPlot->graph(1), m_series.line(MetricSeries::Metric::MemoryUsed));

    const int ifIndex = m_interfaceSelector->currentData().toInt();
    const MetricSeries::Line in = m_series.line(MetricSeries::Metric::InBitRate, ifIndex);
    const MetricSeries::Line out = m_series.line(MetricSeries::Metric::OutBitRate, ifIndex);
    setLine(m_trafficPlot->graph(0), in);
    setLine(m_trafficPlot->graph(1), out);
    m_trafficPlot->yAxis->setRange(0, std::max(1000.0, highest({in, out}) * 1.15));

    for (QCustomPlot *plot : {m_roundTripPlot, m_loadPlot, m_trafficPlot})
        plot->replot(QCustomPlot::rpQueuedReplot);
}

void DevicePage::setChartMessage(const QString &message)
{
    m_chartMessageText = message;
    m_chartMessage->setText(message);
}

QString DevicePage::chartMessage() const
{
    return m_chartMessageText;
}

void DevicePage::retranslateUi()
{
    m_back->setText(tr("Map"));
    m_back->setToolTip(tr("Back to the topology map (Alt+Left, Esc)"));
    m_identityBox->setTitle(tr("Device"));
    const QString identityCaptions[] = {tr("Kind:"), tr("Site:"), tr("Address:"), tr("Depends on:"), tr("Polling:")};
    for (int row = 0; row < m_identityForm->rowCount(); ++row)
        qobject_cast<QLabel *>(m_identityForm->itemAt(row, QFormLayout::LabelRole)->widget())->setText(identityCaptions[row]);
    m_stateBox->setTitle(tr("Now"));
    const QString stateCaptions[] = {tr("Reachability:"), tr("Round trip:"), tr("CPU:"), tr("Memory:"), tr("Disks:"),
                                     tr("Last polled:")};
    for (int row = 0; row < m_stateForm->rowCount(); ++row)
        qobject_cast<QLabel *>(m_stateForm->itemAt(row, QFormLayout::LabelRole)->widget())->setText(stateCaptions[row]);
    m_alarmsBox->setTitle(tr("Active alarms"));
    m_alarms->setHeaderLabels({tr("Severity"), tr("Component"), tr("Summary"), tr("Since"), tr("Acknowledged")});
    m_interfacesBox->setTitle(tr("Interfaces"));
    m_chartsBox->setTitle(tr("Recent metrics"));
    m_rangeButtons->button(int(Range::Hour))->setText(tr("1 h"));
    m_rangeButtons->button(int(Range::Hour))->setToolTip(tr("The last hour"));
    m_rangeButtons->button(int(Range::Day))->setText(tr("24 h"));
    m_rangeButtons->button(int(Range::Day))->setToolTip(tr("The last 24 hours"));
    m_rangeButtons->button(int(Range::Week))->setText(tr("7 d"));
    m_rangeButtons->button(int(Range::Week))->setToolTip(tr("The last 7 days"));
    m_interfaceLabel->setText(tr("&Interface:"));
    m_roundTripPlot->graph(0)->setName(tr("Round trip (ms)"));
    m_loadPlot->graph(0)->setName(tr("CPU (%)"));
    m_loadPlot->graph(1)->setName(tr("Memory (%)"));
    m_trafficPlot->graph(0)->setName(tr("In"));
    m_trafficPlot->graph(1)->setName(tr("Out"));
    refreshIdentity();
    updateState();
    redrawCharts();
}

void DevicePage::keyPressEvent(QKeyEvent *event)
{
    // Escape and the platform's Back (Alt+Left) return to the map, as a browser goes back; keys
    // the tables and charts do not use come up here.
    if (event->key() == Qt::Key_Escape || event->matches(QKeySequence::Back)) {
        event->accept();
        Q_EMIT backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void DevicePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace noc
