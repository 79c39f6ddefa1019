#include "dnspage.h"

#include "dnszonemodel.h"
#include "statisticspoller.h"
#include "widgets/statuspalette.h"

#include "customplot.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr auto RequestPrefix = "dns:"_L1;
constexpr auto StatisticsPath = "/api/v1/dns/statistics"_L1;

// Response codes in a fixed order and colour, so a code keeps its colour from poll to poll.
struct CodeStyle
{
    const char *code;
    QRgb colour;
};
constexpr CodeStyle codeStyles[] = {
    {"NOERROR", 0x2e7d32}, {"NXDOMAIN", 0x1565c0}, {"REFUSED", 0xef6c00}, {"SERVFAIL", 0xc62828},
    {"FORMERR", 0x6a1b9a}, {"NOTIMP", 0x546e7a}, {"other", 0x8d6e63},
};

QCustomPlot *makePlot(const QString &objectName, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    plot->setMinimumHeight(150);
    plot->setBackground(parent->palette().color(QPalette::Base));
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(u"HH:mm"_s);
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setTickCount(6);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setNumberFormat(u"gb"_s);
    QFont small = parent->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    plot->legend->setVisible(true);
    plot->legend->setFont(small);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    plot->legend->setBorderPen(QPen(QColor(0xcfd8dc)));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    return plot;
}

QCPGraph *addGraph(QCustomPlot *plot, const QColor &colour, qreal width = 1.6)
{
    QCPGraph *graph = plot->addGraph();
    graph->setPen(QPen(colour, width));
    graph->setAdaptiveSampling(false);
    return graph;
}

// One series of the window; a NaN where a gap starts breaks the line, so a restart or a pause is
// drawn as a hole rather than a slope.
double fillGraph(QCPGraph *graph, const QList<DnsRatePoint> &points, const std::function<double(const DnsRatePoint &)> &value)
{
    QVector<double> keys;
    QVector<double> values;
    keys.reserve(points.size() * 2);
    values.reserve(points.size() * 2);
    double highest = 0;
    for (const DnsRatePoint &p : points) {
        const double key = QCPAxisTickerDateTime::dateTimeToKey(p.at);
        if (p.afterGap && !keys.isEmpty()) {
            keys.append(key - p.seconds);
            values.append(qQNaN());
        }
        const double v = value(p);
        keys.append(key);
        values.append(v);
        highest = std::max(highest, v);
    }
    graph->setData(keys, values, true);
    return highest;
}

void setRanges(QCustomPlot *plot, const QList<DnsRatePoint> &points, qint64 windowSecs, double highest)
{
    const QDateTime newest = points.isEmpty() ? QDateTime::currentDateTimeUtc() : points.last().at;
    const double end = QCPAxisTickerDateTime::dateTimeToKey(newest);
    plot->xAxis->setRange(end - double(windowSecs), end);
    plot->yAxis->setRange(0, highest > 0 ? highest * 1.15 : 1.0);
}

QString rateText(double perSecond)
{
    const QLocale locale;
    return locale.toString(perSecond, 'f', perSecond < 10 ? 1 : 0);
}

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    label->setFont(f);
    return label;
}

} // namespace

DnsPage::DnsPage(ConsoleSession *session, QWidget *parent)
    : QWidget(parent), m_zones(new DnsZoneModel(this)),
      m_poller(new StatisticsPoller(session, StatisticsPath, RequestPrefix, this))
{
    m_poller->setInterval(DefaultPollIntervalMsecs);

    m_message = new QLabel(this);
    m_message->setObjectName(u"dnsMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    // Until the first sample there is nothing to show: no empty axes that could pass for data.
    m_content = new QWidget(this);
    m_content->setObjectName(u"dnsContent"_s);

    // The figures of the newest interval, above the charts.
    auto *summary = new QGridLayout;
    summary->setHorizontalSpacing(28);
    summary->setVerticalSpacing(0);
    m_queryRate = valueLabel(u"dnsQueryRate"_s, m_content);
    m_udpRate = valueLabel(u"dnsUdpRate"_s, m_content);
    m_tcpRate = valueLabel(u"dnsTcpRate"_s, m_content);
    m_queryTotal = valueLabel(u"dnsQueryTotal"_s, m_content);
    m_referralRate = valueLabel(u"dnsReferralRate"_s, m_content);
    m_truncatedRate = valueLabel(u"dnsTruncatedRate"_s, m_content);
    m_droppedRate = valueLabel(u"dnsDroppedRate"_s, m_content);
    const QList<QLabel *> values{m_queryRate, m_udpRate, m_tcpRate, m_queryTotal, m_referralRate, m_truncatedRate, m_droppedRate};
    for (int i = 0; i < values.size(); ++i) {
        auto *caption = new QLabel(m_content);
        QPalette pal = caption->palette();
        pal.setColor(QPalette::WindowText, StatusPalette::text(StatusPalette::Severity::Neutral));
        caption->setPalette(pal);
        m_summaryCaptions.append(caption);
        summary->addWidget(caption, 0, i);
        summary->addWidget(values.at(i), 1, i);
    }
    summary->setColumnStretch(int(values.size()), 1);
    m_updated = new QLabel(m_content);
    m_updated->setObjectName(u"dnsUpdated"_s);
    summary->addWidget(m_updated, 1, int(values.size()) + 1, Qt::AlignRight | Qt::AlignBottom);

    m_queriesBox = new QGroupBox(m_content);
    m_queriesPlot = makePlot(u"dnsQueriesPlot"_s, m_queriesBox);
    auto *queriesLayout = new QVBoxLayout(m_queriesBox);
    queriesLayout->addWidget(m_queriesPlot);

    m_detailTabs = new QTabWidget(m_content);
    m_detailTabs->setObjectName(u"dnsDetailTabs"_s);
    m_responsesPlot = makePlot(u"dnsResponsesPlot"_s, m_detailTabs);
    m_eventsPlot = makePlot(u"dnsEventsPlot"_s, m_detailTabs);
    m_detailTabs->addTab(m_responsesPlot, QString());
    m_detailTabs->addTab(m_eventsPlot, QString());

    m_zonesBox = new QGroupBox(m_content);
    m_zonesView = new QTableView(m_zonesBox);
    m_zonesView->setObjectName(u"dnsZones"_s);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_zones);
    sorted->setSortRole(DnsZoneModel::SortRole);
    m_zonesView->setModel(sorted);
    m_zonesView->setSortingEnabled(true);
    m_zonesView->sortByColumn(DnsZoneModel::ApexColumn, Qt::AscendingOrder);
    m_zonesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_zonesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_zonesView->setAlternatingRowColors(true);
    m_zonesView->setShowGrid(false);
    m_zonesView->setWordWrap(false);
    m_zonesView->verticalHeader()->hide();
    m_zonesView->horizontalHeader()->setHighlightSections(false);
    // Numbers and times as wide as they need; the zone name takes what is left.
    m_zonesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_zonesView->horizontalHeader()->setSectionResizeMode(DnsZoneModel::ApexColumn, QHeaderView::Stretch);
    m_noZones = new QLabel(m_zonesBox);
    m_noZones->setObjectName(u"dnsNoZones"_s);
    m_noZones->setAlignment(Qt::AlignCenter);
    m_noZones->setWordWrap(true);
    auto *zonesLayout = new QVBoxLayout(m_zonesBox);
    zonesLayout->addWidget(m_zonesView, 1);
    zonesLayout->addWidget(m_noZones);

    auto *lower = new QSplitter(Qt::Horizontal, m_content);
    lower->setChildrenCollapsible(false);
    lower->addWidget(m_detailTabs);
    lower->addWidget(m_zonesBox);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    auto *splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_queriesBox);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(10);
    contentLayout->addLayout(summary);
    contentLayout->addWidget(splitter, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(m_message);
    layout->addWidget(m_content, 1);
    layout->addStretch();

    connect(m_poller, &StatisticsPoller::connectedChanged, this, &DnsPage::onConnectedChanged);
    connect(m_poller, &StatisticsPoller::statisticsReceived, this, &DnsPage::onStatistics);
    connect(m_poller, &StatisticsPoller::failed, this, &DnsPage::onFailed);
    setStatus(m_poller->isConnected() ? Status::Waiting : Status::Disconnected);
    retranslateUi();
    redrawCharts();
}

void DnsPage::setPollInterval(int msecs)
{
    m_poller->setInterval(msecs);
}

int DnsPage::pollInterval() const
{
    return m_poller->interval();
}

bool DnsPage::isPolling() const
{
    return m_poller->isPolling();
}

void DnsPage::refresh()
{
    m_poller->refresh();
}

void DnsPage::clear()
{
    m_poller->forgetPending();
    m_rates.clear();
    m_zones->clear();
    m_samples = 0;
    setStatus(m_poller->isConnected() ? Status::Waiting : Status::Disconnected);
    redrawCharts();
}

void DnsPage::onConnectedChanged(bool connected)
{
    if (connected) {
        if (m_status == Status::Disconnected)
            setStatus(Status::Waiting);
    } else {
        setStatus(Status::Disconnected);
    }
}

void DnsPage::onStatistics(const QJsonObject &body)
{
    if (const std::optional<DnsStatisticsSample> sample = DnsStatisticsSample::fromJson(body))
        addSample(*sample);
    else
        setStatus(Status::Failed, tr("the engine's answer is not DNS statistics"));
}

void DnsPage::onFailed(int status, const QString &message)
{
    if (status == 503)
        setStatus(Status::NotRunning, message);
    else if (status == 403)
        setStatus(Status::Failed, tr("Not allowed for your role: %1").arg(message));
    else if (status == 0)
        setStatus(Status::Failed, tr("No answer from the engine: %1").arg(message));
    else
        setStatus(Status::Failed, tr("The engine refused the request (%1): %2").arg(status).arg(message));
}

void DnsPage::addSample(const DnsStatisticsSample &sample)
{
    ++m_samples;
    m_rates.add(sample);
    m_zones->setZones(sample.zones, sample.at);
    setStatus(Status::Live);
    updateSummary();
    redrawCharts();
}

void DnsPage::redrawCharts()
{
    const QList<DnsRatePoint> &points = m_rates.points();
    const qint64 window = m_rates.windowSecs();

    m_queriesPlot->clearGraphs();
    // The total as a shaded area, so it stays visible where one transport carries all of it.
    QCPGraph *total = addGraph(m_queriesPlot, QColor(0x263238), 2.2);
    total->setBrush(QColor(0x26, 0x32, 0x38, 28));
    total->setName(tr("All queries"));
    QCPGraph *udp = addGraph(m_queriesPlot, QColor(0x1e88e5));
    udp->setName(tr("UDP"));
    QCPGraph *tcp = addGraph(m_queriesPlot, QColor(0xfb8c00));
    tcp->setName(tr("TCP"));
    double highest = fillGraph(total, points, [](const DnsRatePoint &p) { return p.total; });
    fillGraph(udp, points, [](const DnsRatePoint &p) { return p.udp; });
    fillGraph(tcp, points, [](const DnsRatePoint &p) { return p.tcp; });
    setRanges(m_queriesPlot, points, window, highest);
    m_queriesPlot->yAxis->setLabel(tr("queries per second"));
    m_queriesPlot->replot(QCustomPlot::rpQueuedReplot);

    // Every code seen in the window, the known ones first in their fixed order.
    QStringList codes;
    for (const CodeStyle &style : codeStyles)
        codes.append(QString::fromLatin1(style.code));
    for (const DnsRatePoint &p : points) {
        for (auto it = p.responseCodes.begin(); it != p.responseCodes.end(); ++it) {
            if (!codes.contains(it.key()))
                codes.append(it.key());
        }
    }
    m_responsesPlot->clearGraphs();
    highest = 0;
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString code = codes.at(i);
        // NOERROR always; any other code once it occurred in the window, so the legend stays short.
        const bool occurred = std::any_of(points.begin(), points.end(), [&code](const DnsRatePoint &p) { return p.responseCodes.value(code) > 0; });
        const bool reported = std::any_of(points.begin(), points.end(), [&code](const DnsRatePoint &p) { return p.responseCodes.contains(code); });
        if (!reported || (!occurred && code != u"NOERROR"_s))
            continue;
        const QColor colour = i < qsizetype(std::size(codeStyles)) ? QColor(codeStyles[i].colour) : QColor::fromHsv(int(i * 47 % 360), 160, 160);
        QCPGraph *graph = addGraph(m_responsesPlot, colour);
        graph->setName(code);
        highest = std::max(highest, fillGraph(graph, points, [code](const DnsRatePoint &p) { return p.responseCodes.value(code); }));
    }
    m_responsesPlot->legend->setVisible(m_responsesPlot->graphCount() > 0);
    setRanges(m_responsesPlot, points, window, highest);
    m_responsesPlot->yAxis->setLabel(tr("answers per second"));
    m_responsesPlot->replot(QCustomPlot::rpQueuedReplot);

    m_eventsPlot->clearGraphs();
    QCPGraph *referrals = addGraph(m_eventsPlot, QColor(0x00897b));
    referrals->setName(tr("Referrals"));
    QCPGraph *truncated = addGraph(m_eventsPlot, QColor(0x8e24aa));
    truncated->setName(tr("Truncated (TC)"));
    QCPGraph *dropped = addGraph(m_eventsPlot, QColor(0xe53935));
    dropped->setName(tr("Dropped by rate limiting"));
    highest = fillGraph(referrals, points, [](const DnsRatePoint &p) { return p.referrals; });
    highest = std::max(highest, fillGraph(truncated, points, [](const DnsRatePoint &p) { return p.truncated; }));
    highest = std::max(highest, fillGraph(dropped, points, [](const DnsRatePoint &p) { return p.rateLimitedDropped; }));
    setRanges(m_eventsPlot, points, window, highest);
    m_eventsPlot->yAxis->setLabel(tr("per second"));
    m_eventsPlot->replot(QCustomPlot::rpQueuedReplot);
}

void DnsPage::updateSummary()
{
    const std::optional<DnsStatisticsSample> latest = m_rates.latest();
    const QList<DnsRatePoint> &points = m_rates.points();
    // A rate only for the interval that ended with the newest sample; after a restart there is none yet.
    const bool current = latest && !points.isEmpty() && points.last().at == latest->at;
    const QString none = u"–"_s;
    m_queryRate->setText(current ? rateText(points.last().total) : none);
    m_udpRate->setText(current ? rateText(points.last().udp) : none);
    m_tcpRate->setText(current ? rateText(points.last().tcp) : none);
    m_referralRate->setText(current ? rateText(points.last().referrals) : none);
    m_truncatedRate->setText(current ? rateText(points.last().truncated) : none);
    m_droppedRate->setText(current ? rateText(points.last().rateLimitedDropped) : none);
    m_queryTotal->setText(latest ? QLocale().toString(qulonglong(latest->totalQueries())) : none);
    m_updated->setText(latest ? tr("Updated %1").arg(QLocale().toString(latest->at.toLocalTime(), u"HH:mm:ss"_s)) : QString());
    m_content->setVisible(latest.has_value());
    const bool noZones = latest && latest->zones.isEmpty();
    m_noZones->setVisible(noZones);
    m_zonesView->setVisible(!noZones);
}

void DnsPage::setStatus(Status status, const QString &detail)
{
    m_status = status;
    m_detail = detail;
    if (status == Status::Disconnected || status == Status::Waiting)
        updateSummary();
    showMessage();
}

void DnsPage::showMessage()
{
    QString text;
    bool problem = false;
    switch (m_status) {
    case Status::Disconnected:
        text = tr("Connect to an engine to see its DNS server at work.");
        break;
    case Status::Waiting:
        text = tr("Loading DNS statistics…");
        break;
    case Status::Live:
        // One sample gives totals, not rates: say why the charts are still empty.
        if (m_rates.points().isEmpty())
            text = tr("Rates appear with the next update (every %n second(s)).", nullptr, std::max(1, pollInterval() / 1000));
        break;
    case Status::NotRunning:
        text = tr("No DNS statistics: %1").arg(m_detail);
        problem = true;
        break;
    case Status::Failed:
        text = m_detail;
        problem = true;
        break;
    }
    m_messageText = text;
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, problem ? StatusPalette::text(StatusPalette::Severity::Warning)
                                               : palette().color(QPalette::WindowText));
    m_message->setPalette(pal);
}

void DnsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DnsPage::retranslateUi()
{
    const QStringList captions{tr("Queries/s"), tr("UDP/s"), tr("TCP/s"), tr("Queries since start"),
                               tr("Referrals/s"), tr("Truncated/s"), tr("Rate-limited/s")};
    for (qsizetype i = 0; i < m_summaryCaptions.size(); ++i)
        m_summaryCaptions.at(i)->setText(captions.value(i));
    m_queriesBox->setTitle(tr("Queries per second (last %n minute(s))", nullptr, int(m_rates.windowSecs() / 60)));
    m_detailTabs->setTabText(0, tr("By response code"));
    m_detailTabs->setTabText(1, tr("Referrals, TC, rate limits"));
    m_zonesBox->setTitle(tr("Zones"));
    m_noZones->setText(tr("The DNS server publishes no zones yet."));
    m_zones->retranslate();
    updateSummary();
    showMessage();
    redrawCharts();
}

} // namespace noc
