#include "directorypage.h"

#include "directoryclientmodel.h"
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
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr auto RequestPrefix = "directory:"_L1;
constexpr auto StatisticsPath = "/api/v1/directory/statistics"_L1;

// The same colour for a service on every chart.
constexpr QRgb WhoisColour = 0x1e88e5;
constexpr QRgb RdapColour = 0xfb8c00;
constexpr QRgb TotalColour = 0x263238;
constexpr QRgb HitRatioColour = 0x2e7d32;

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

QCPGraph *addGraph(QCustomPlot *plot, const QColor &colour, const QString &name, qreal width = 1.6)
{
    QCPGraph *graph = plot->addGraph();
    graph->setPen(QPen(colour, width));
    graph->setAdaptiveSampling(false);
    graph->setName(name);
    return graph;
}

// One series of the window; a NaN where a gap starts breaks the line, so a restart or a pause is
// drawn as a hole rather than a slope. A NaN value (no cache lookup in an interval) is a hole too.
double fillGraph(QCPGraph *graph, const QList<DirectoryRatePoint> &points,
                 const std::function<double(const DirectoryRatePoint &)> &value)
{
    QVector<double> keys;
    QVector<double> values;
    keys.reserve(points.size() * 2);
    values.reserve(points.size() * 2);
    double highest = 0;
    for (const DirectoryRatePoint &p : points) {
        const double key = QCPAxisTickerDateTime::dateTimeToKey(p.at);
        if (p.afterGap && !keys.isEmpty()) {
            keys.append(key - p.seconds);
            values.append(qQNaN());
        }
        const double v = value(p);
        keys.append(key);
        values.append(v);
        if (!std::isnan(v))
            highest = std::max(highest, v);
    }
    graph->setData(keys, values, true);
    return highest;
}

void setRanges(QCustomPlot *plot, const QList<DirectoryRatePoint> &points, qint64 windowSecs, double highest)
{
    const QDateTime newest = points.isEmpty() ? QDateTime::currentDateTimeUtc() : points.last().at;
    const double end = QCPAxisTickerDateTime::dateTimeToKey(newest);
    plot->xAxis->setRange(end - double(windowSecs), end);
    plot->yAxis->setRange(0, highest > 0 ? highest * 1.15 : 1.0);
}

QString rateText(double perSecond)
{
    return QLocale().toString(perSecond, 'f', perSecond < 10 ? 1 : 0);
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

DirectoryPage::DirectoryPage(ConsoleSession *session, QWidget *parent)
    : QWidget(parent), m_clients(new DirectoryClientModel(this)),
      m_poller(new StatisticsPoller(session, StatisticsPath, RequestPrefix, this))
{
    m_poller->setInterval(DefaultPollIntervalMsecs);

    m_message = new QLabel(this);
    m_message->setObjectName(u"directoryMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    // Until the first sample there is nothing to show: no empty axes that could pass for data.
    m_content = new QWidget(this);
    m_content->setObjectName(u"directoryContent"_s);

    // The figures of the newest interval, above the charts.
    auto *summary = new QGridLayout;
    summary->setHorizontalSpacing(28);
    summary->setVerticalSpacing(0);
    m_whoisRate = valueLabel(u"directoryWhoisRate"_s, m_content);
    m_rdapRate = valueLabel(u"directoryRdapRate"_s, m_content);
    m_refusedRate = valueLabel(u"directoryRefusedRate"_s, m_content);
    m_hitRatio = valueLabel(u"directoryHitRatio"_s, m_content);
    m_cacheEntries = valueLabel(u"directoryCacheEntries"_s, m_content);
    m_openConnections = valueLabel(u"directoryOpenConnections"_s, m_content);
    const QList<QLabel *> values{m_whoisRate, m_rdapRate, m_refusedRate, m_hitRatio, m_cacheEntries, m_openConnections};
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
    m_updated->setObjectName(u"directoryUpdated"_s);
    summary->addWidget(m_updated, 1, int(values.size()) + 1, Qt::AlignRight | Qt::AlignBottom);

    m_queriesBox = new QGroupBox(m_content);
    m_queriesPlot = makePlot(u"directoryQueriesPlot"_s, m_queriesBox);
    auto *queriesLayout = new QVBoxLayout(m_queriesBox);
    queriesLayout->addWidget(m_queriesPlot);

    m_detailTabs = new QTabWidget(m_content);
    m_detailTabs->setObjectName(u"directoryDetailTabs"_s);
    m_refusalsPlot = makePlot(u"directoryRefusalsPlot"_s, m_detailTabs);
    m_cachePlot = makePlot(u"directoryCachePlot"_s, m_detailTabs);
    m_detailTabs->addTab(m_refusalsPlot, QString());
    m_detailTabs->addTab(m_cachePlot, QString());

    m_clientsBox = new QGroupBox(m_content);
    m_clientsView = new QTableView(m_clientsBox);
    m_clientsView->setObjectName(u"directoryClients"_s);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_clients);
    sorted->setSortRole(DirectoryClientModel::SortRole);
    m_clientsView->setModel(sorted);
    m_clientsView->setSortingEnabled(true);
    m_clientsView->sortByColumn(DirectoryClientModel::QueriesColumn, Qt::DescendingOrder);
    m_clientsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clientsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clientsView->setAlternatingRowColors(true);
    m_clientsView->setShowGrid(false);
    m_clientsView->setWordWrap(false);
    m_clientsView->verticalHeader()->hide();
    m_clientsView->horizontalHeader()->setHighlightSections(false);
    // Counts as wide as they need; the address (an IPv6 one is long) takes what is left.
    m_clientsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_clientsView->horizontalHeader()->setSectionResizeMode(DirectoryClientModel::AddressColumn, QHeaderView::Stretch);
    m_noClients = new QLabel(m_clientsBox);
    m_noClients->setObjectName(u"directoryNoClients"_s);
    m_noClients->setAlignment(Qt::AlignCenter);
    m_noClients->setWordWrap(true);
    auto *clientsLayout = new QVBoxLayout(m_clientsBox);
    clientsLayout->addWidget(m_clientsView, 1);
    clientsLayout->addWidget(m_noClients);

    auto *lower = new QSplitter(Qt::Horizontal, m_content);
    lower->setChildrenCollapsible(false);
    lower->addWidget(m_detailTabs);
    lower->addWidget(m_clientsBox);
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

    connect(m_poller, &StatisticsPoller::connectedChanged, this, &DirectoryPage::onConnectedChanged);
    connect(m_poller, &StatisticsPoller::statisticsReceived, this, &DirectoryPage::onStatistics);
    connect(m_poller, &StatisticsPoller::failed, this, &DirectoryPage::onFailed);
    setStatus(m_poller->isConnected() ? Status::Waiting : Status::Disconnected);
    retranslateUi();
    redrawCharts();
}

void DirectoryPage::setPollInterval(int msecs)
{
    m_poller->setInterval(msecs);
}

int DirectoryPage::pollInterval() const
{
    return m_poller->interval();
}

bool DirectoryPage::isPolling() const
{
    return m_poller->isPolling();
}

void DirectoryPage::refresh()
{
    m_poller->refresh();
}

void DirectoryPage::clear()
{
    m_poller->forgetPending();
    m_rates.clear();
    m_clients->clear();
    m_samples = 0;
    setStatus(m_poller->isConnected() ? Status::Waiting : Status::Disconnected);
    redrawCharts();
}

void DirectoryPage::onConnectedChanged(bool connected)
{
    if (connected) {
        if (m_status == Status::Disconnected)
            setStatus(Status::Waiting);
    } else {
        setStatus(Status::Disconnected);
    }
}

void DirectoryPage::onStatistics(const QJsonObject &body)
{
    if (const std::optional<DirectoryStatisticsSample> sample = DirectoryStatisticsSample::fromJson(body))
        addSample(*sample);
    else
        setStatus(Status::Failed, tr("the engine's answer is not directory statistics"));
}

void DirectoryPage::onFailed(int status, const QString &message)
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

void DirectoryPage::addSample(const DirectoryStatisticsSample &sample)
{
    ++m_samples;
    m_rates.add(sample);
    m_clients->setSample(sample);
    setStatus(Status::Live);
    updateSummary();
    redrawCharts();
}

void DirectoryPage::redrawCharts()
{
    const QList<DirectoryRatePoint> &points = m_rates.points();
    const qint64 window = m_rates.windowSecs();

    m_queriesPlot->clearGraphs();
    // The total as a shaded area, so it stays visible where one service carries all of it.
    QCPGraph *total = addGraph(m_queriesPlot, QColor(TotalColour), tr("All queries"), 2.2);
    total->setBrush(QColor(0x26, 0x32, 0x38, 28));
    QCPGraph *whois = addGraph(m_queriesPlot, QColor(WhoisColour), tr("Whois"));
    QCPGraph *rdap = addGraph(m_queriesPlot, QColor(RdapColour), tr("RDAP"));
    double highest = fillGraph(total, points, [](const DirectoryRatePoint &p) { return p.totalQueries(); });
    fillGraph(whois, points, [](const DirectoryRatePoint &p) { return p.whoisQueries; });
    fillGraph(rdap, points, [](const DirectoryRatePoint &p) { return p.rdapQueries; });
    setRanges(m_queriesPlot, points, window, highest);
    m_queriesPlot->yAxis->setLabel(tr("queries per second"));
    m_queriesPlot->replot(QCustomPlot::rpQueuedReplot);

    m_refusalsPlot->clearGraphs();
    QCPGraph *whoisRefused = addGraph(m_refusalsPlot, QColor(WhoisColour), tr("Whois"));
    QCPGraph *rdapRefused = addGraph(m_refusalsPlot, QColor(RdapColour), tr("RDAP"));
    highest = fillGraph(whoisRefused, points, [](const DirectoryRatePoint &p) { return p.whoisRateLimited; });
    highest = std::max(highest, fillGraph(rdapRefused, points, [](const DirectoryRatePoint &p) { return p.rdapRateLimited; }));
    setRanges(m_refusalsPlot, points, window, highest);
    m_refusalsPlot->yAxis->setLabel(tr("refusals per second"));
    m_refusalsPlot->replot(QCustomPlot::rpQueuedReplot);

    m_cachePlot->clearGraphs();
    QCPGraph *ratio = addGraph(m_cachePlot, QColor(HitRatioColour), tr("Cache hits"), 2.0);
    ratio->setBrush(QColor(0x2e, 0x7d, 0x32, 28));
    fillGraph(ratio, points, [](const DirectoryRatePoint &p) { return p.cacheHitRatio * 100.0; });
    setRanges(m_cachePlot, points, window, 0);
    // A ratio has a fixed scale: 100 % at the top, whatever the window holds.
    m_cachePlot->yAxis->setRange(0, 105);
    m_cachePlot->yAxis->setLabel(tr("% of lookups"));
    m_cachePlot->replot(QCustomPlot::rpQueuedReplot);
}

void DirectoryPage::updateSummary()
{
    const std::optional<DirectoryStatisticsSample> latest = m_rates.latest();
    const QList<DirectoryRatePoint> &points = m_rates.points();
    // A rate only for the interval that ended with the newest sample; after a restart there is none yet.
    const bool current = latest && !points.isEmpty() && points.last().at == latest->at;
    const QString none = u"–"_s;
    const QLocale locale;
    m_whoisRate->setText(current && latest->whois.running ? rateText(points.last().whoisQueries) : none);
    m_rdapRate->setText(current && latest->rdap.running ? rateText(points.last().rdapQueries) : none);
    m_refusedRate->setText(current ? rateText(points.last().totalRateLimited()) : none);
    const bool ratio = current && !std::isnan(points.last().cacheHitRatio);
    m_hitRatio->setText(ratio ? tr("%1 %").arg(locale.toString(points.last().cacheHitRatio * 100.0, 'f', 1)) : none);
    m_cacheEntries->setText(latest ? locale.toString(qlonglong(latest->cacheEntries)) : none);
    m_openConnections->setText(latest ? locale.toString(qlonglong(latest->whois.openConnections + latest->rdap.openConnections)) : none);
    m_updated->setText(latest ? tr("Updated %1").arg(locale.toString(latest->at.toLocalTime(), u"HH:mm:ss"_s)) : QString());
    m_content->setVisible(latest.has_value());
    const bool noClients = latest && latest->whois.topClients.isEmpty() && latest->rdap.topClients.isEmpty();
    m_noClients->setVisible(noClients);
    m_clientsView->setVisible(!noClients);
}

void DirectoryPage::setStatus(Status status, const QString &detail)
{
    m_status = status;
    m_detail = detail;
    if (status == Status::Disconnected || status == Status::Waiting)
        updateSummary();
    showMessage();
}

void DirectoryPage::showMessage()
{
    QString text;
    bool problem = false;
    switch (m_status) {
    case Status::Disconnected:
        text = tr("Connect to an engine to see its Whois and RDAP services at work.");
        break;
    case Status::Waiting:
        text = tr("Loading directory statistics…");
        break;
    case Status::Live: {
        const std::optional<DirectoryStatisticsSample> latest = m_rates.latest();
        QStringList lines;
        // One service may run without the other: say which one is missing from the charts.
        if (latest && !latest->whois.running)
            lines.append(tr("Whois is not running; the charts show RDAP only."));
        if (latest && !latest->rdap.running)
            lines.append(tr("RDAP is not running; the charts show Whois only."));
        // One sample gives totals, not rates: say why the charts are still empty.
        if (m_rates.points().isEmpty())
            lines.append(tr("Rates appear with the next update (every %n second(s)).", nullptr, std::max(1, pollInterval() / 1000)));
        text = lines.join(u' ');
        break;
    }
    case Status::NotRunning:
        text = tr("No directory statistics: %1").arg(m_detail);
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

void DirectoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DirectoryPage::retranslateUi()
{
    const QStringList captions{tr("Whois/s"), tr("RDAP/s"), tr("Rate-limited/s"), tr("Cache hits"),
                               tr("Cached records"), tr("Open connections")};
    for (qsizetype i = 0; i < m_summaryCaptions.size(); ++i)
        m_summaryCaptions.at(i)->setText(captions.value(i));
    m_queriesBox->setTitle(tr("Queries per second (last %n minute(s))", nullptr, int(m_rates.windowSecs() / 60)));
    m_detailTabs->setTabText(0, tr("Refused by rate limit"));
    m_detailTabs->setTabText(1, tr("Cache hit ratio"));
    m_clientsBox->setTitle(tr("Busiest clients"));
    m_noClients->setText(tr("No client has queried Whois or RDAP yet."));
    m_clients->retranslate();
    updateSummary();
    showMessage();
    redrawCharts();
}

} // namespace noc
