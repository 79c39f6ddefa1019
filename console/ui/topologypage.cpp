#include "topologypage.h"

#include "devicepage.h"
#include "layoutsaver.h"
#include "requestcoalescer.h"
#include "widgets/topologymapview.h"
#include "widgets/topologystyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr auto RequestPrefix = "topology:"_L1;
constexpr auto TopologyPath = "/api/v1/monitor/topology"_L1;
constexpr auto StatusPath = "/api/v1/monitor/status"_L1;
constexpr auto LayoutPath = "/api/v1/monitor/layout"_L1;

QString errorMessage(int status, const QJsonObject &body)
{
    const QString message = body.value(u"error"_s).toObject().value(u"message"_s).toString().left(300);
    if (status == 0)
        return message;
    return message.isEmpty() ? QString::number(status) : u"%1 (%2)"_s.arg(message).arg(status);
}

} // namespace

TopologyPage::TopologyPage(ConsoleSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_stack(new QStackedWidget(this)), m_map(new TopologyMapView(this)),
      m_device(new DevicePage(session, &m_translator, this)),
      m_statusReads(new RequestCoalescer(StatusReadGapMsecs, this)),
      m_topologyReads(new RequestCoalescer(TopologyReadGapMsecs, this)), m_layout(new LayoutSaver(this)),
      m_periodic(new QTimer(this))
{
    m_map->setObjectName(u"topologyMap"_s);
    m_device->setObjectName(u"devicePage"_s);

    // The strip above the map: what to do, and how the network is at a glance.
    auto *mapPanel = new QWidget(this);
    m_refresh = new QToolButton(mapPanel);
    m_refresh->setObjectName(u"topologyRefresh"_s);
    m_refresh->setIcon(QIcon::fromTheme(u"view-refresh"_s));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_fit = new QToolButton(mapPanel);
    m_fit->setObjectName(u"topologyFit"_s);
    m_fit->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_summary = new QLabel(mapPanel);
    m_summary->setObjectName(u"topologySummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_updated = new QLabel(mapPanel);
    m_updated->setObjectName(u"topologyUpdated"_s);
    m_message = new QLabel(mapPanel);
    m_message->setObjectName(u"topologyMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    QPalette warn = m_message->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    m_message->setPalette(warn);

    auto *strip = new QHBoxLayout;
    strip->setSpacing(12);
    strip->addWidget(m_summary);
    strip->addStretch(1);
    strip->addWidget(m_updated);
    strip->addWidget(m_fit);
    strip->addWidget(m_refresh);
    auto *mapLayout = new QVBoxLayout(mapPanel);
    mapLayout->setContentsMargins(16, 10, 16, 12);
    mapLayout->setSpacing(8);
    mapLayout->addLayout(strip);
    mapLayout->addWidget(m_message);
    mapLayout->addWidget(m_map, 1);

    m_stack->addWidget(mapPanel);
    m_stack->addWidget(m_device);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_periodic->setInterval(PeriodicStatusMsecs);
    connect(m_periodic, &QTimer::timeout, m_statusReads, &RequestCoalescer::request);
    connect(m_statusReads, &RequestCoalescer::fire, this, &TopologyPage::readStatus);
    connect(m_topologyReads, &RequestCoalescer::fire, this, &TopologyPage::readTopology);
    connect(m_layout, &LayoutSaver::saveRequested, this, [this](const QJsonObject &body) {
        if (!m_connected) {
            m_layout->finished(false);
            setMessage(Problem::Layout, tr("The layout was not saved: not connected. It will be saved with the next move."));
            return;
        }
        m_pendingLayout = nextRequestId(u"layout"_s);
        m_session->send("POST", LayoutPath, body, m_pendingLayout);
    });
    connect(m_refresh, &QToolButton::clicked, this, &TopologyPage::refresh);
    connect(m_fit, &QToolButton::clicked, m_map, &TopologyMapView::fitAll);
    connect(m_map, &TopologyMapView::deviceActivated, this, &TopologyPage::showDevice);
    connect(m_map, &TopologyMapView::devicesMoved, this, &TopologyPage::onDevicesMoved);
    connect(m_device, &DevicePage::backRequested, this, &TopologyPage::showMap);
    connect(m_session, &ConsoleSession::stateChanged, this, &TopologyPage::onStateChanged);
    connect(m_session, &ConsoleSession::apiReply, this, &TopologyPage::onApiReply);
    connect(m_session, &ConsoleSession::eventReceived, this, &TopologyPage::applyEvent);

    onStateChanged(m_session->state());
    if (!m_connected)
        setMessage(Problem::NotConnected, tr("Not connected: the map shows the state last received."));
    retranslateUi();
}

TopologyPage::~TopologyPage() = default;

QString TopologyPage::nextRequestId(const QString &kind)
{
    return RequestPrefix + kind + u':' + QString::number(++m_serial);
}

void TopologyPage::onStateChanged(ConsoleSession::State state)
{
    const bool connected = state == ConsoleSession::State::Connected || state == ConsoleSession::State::Stale;
    if (connected == m_connected)
        return;
    m_connected = connected;
    // Answers to requests sent on the old connection are not waited for.
    m_pendingTopology.clear();
    m_pendingStatus.clear();
    m_statusReads->reset();
    m_topologyReads->reset();
    if (!m_pendingLayout.isEmpty()) {
        m_pendingLayout.clear();
        m_layout->finished(false);
    }
    if (connected) {
        // Events missed while away are not replayed: read everything again.
        clearMessage(Problem::NotConnected);
        m_periodic->start();
        refresh();
    } else {
        m_periodic->stop();
        setMessage(Problem::NotConnected, tr("Not connected: the map shows the state last received."));
    }
}

void TopologyPage::refresh()
{
    if (!m_connected) {
        setMessage(Problem::NotConnected, tr("Not connected: the map shows the state last received."));
        return;
    }
    m_topologyReads->reset();
    m_topologyReads->request();
}

void TopologyPage::readTopology()
{
    if (!m_connected) {
        m_topologyReads->finished();
        return;
    }
    m_pendingTopology = nextRequestId(u"map"_s);
    m_session->get(TopologyPath, m_pendingTopology);
}

void TopologyPage::readStatus()
{
    if (!m_connected) {
        m_statusReads->finished();
        return;
    }
    m_pendingStatus = nextRequestId(u"status"_s);
    m_session->get(StatusPath, m_pendingStatus);
}

void TopologyPage::onApiReply(const QString &requestId, int status, const QJsonObject &body)
{
    if (!requestId.startsWith(RequestPrefix))
        return;
    if (requestId == m_pendingTopology) {
        m_pendingTopology.clear();
        m_topologyReads->finished();
        if (status == 200)
            applyTopology(body);
        else
            setMessage(Problem::Topology, tr("The topology could not be read: %1").arg(errorMessage(status, body)));
    } else if (requestId == m_pendingStatus) {
        m_pendingStatus.clear();
        m_statusReads->finished();
        if (status == 200)
            applyStatus(body);
        else
            setMessage(Problem::Status, tr("The device status could not be read: %1").arg(errorMessage(status, body)));
    } else if (requestId == m_pendingLayout) {
        m_pendingLayout.clear();
        applyLayoutAnswer(status, body);
    }
}

void TopologyPage::applyTopology(const QJsonObject &topology)
{
    const bool first = !m_translator.hasTopology();
    TopologySnapshot snapshot = m_translator.setTopology(topology);
    for (TopologyDevice &device : snapshot.devices) {
        const auto dragged = m_draggedPositions.constFind(device.id);
        if (dragged != m_draggedPositions.cend())
            device.position = *dragged;
    }
    // A re-read keeps the operator's zoom and place; only the first map is fitted.
    const QTransform zoom = m_map->transform();
    const QPointF centre = m_map->mapToScene(m_map->viewport()->rect().center());
    m_map->setSnapshot(snapshot);
    if (!first) {
        m_map->setTransform(zoom);
        m_map->centerOn(centre);
    }
    clearMessage(Problem::Topology);
    updateSummary();
    if (isShowingDevice())
        m_device->refreshIdentity();
    // The state for what was just read (the inventory may have grown with it).
    m_statusReads->request();
}

void TopologyPage::applyStatus(const QJsonObject &status)
{
    const MonitorTranslator::Updates updates = m_translator.applyStatus(status);
    m_statusAt = MonitorJson::time(status.value(u"generatedAt"_s));
    if (!m_statusAt.isValid())
        m_statusAt = QDateTime::currentDateTimeUtc();
    apply(updates);
    clearMessage(Problem::Status);
    if (isShowingDevice())
        m_device->stateChanged(/*fromStatusRead=*/true);
}

void TopologyPage::applyEvent(const QJsonObject &event)
{
    const QString type = event.value(u"type"_s).toString();
    if (type == u"monitor.poll"_s) {
        const MonitorTranslator::Updates updates = m_translator.applyPoll(event);
        apply(updates);
        if (isShowingDevice() && MonitorJson::id(event.value(u"device"_s)) == m_device->deviceId()) {
            m_device->applyPoll(event);
            m_device->stateChanged(/*fromStatusRead=*/false);
        }
    } else if (type == u"alarm"_s) {
        // The alarm changes the device's worst severity, acknowledgement or suppression: the
        // status has them all, and one read serves every alarm of a burst.
        m_statusReads->request();
        if (isShowingDevice()
            && MonitorJson::id(event.value(u"alarm"_s).toObject().value(u"device"_s)) == m_device->deviceId())
            m_device->alarmsChanged();
    }
}

void TopologyPage::apply(const MonitorTranslator::Updates &updates)
{
    for (const DeviceStatusUpdate &update : updates.devices)
        m_map->applyDeviceStatus(update);
    for (const LinkUtilisationUpdate &update : updates.links)
        m_map->applyLinkUtilisation(update);
    if (updates.inventoryChanged)
        m_topologyReads->request();
    updateSummary();
}

void TopologyPage::onDevicesMoved(const QHash<QString, QPointF> &positions)
{
    QHash<QString, QPointF> byName;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        m_draggedPositions.insert(it.key(), it.value());
        if (const MonitorDeviceInfo *info = m_translator.deviceInfo(it.key()))
            byName.insert(info->name, it.value());
    }
    m_layout->add(byName);
}

void TopologyPage::applyLayoutAnswer(int httpStatus, const QJsonObject &body)
{
    const bool saved = httpStatus >= 200 && httpStatus < 300;
    m_layout->finished(saved);
    if (saved) {
        clearMessage(Problem::Layout);
        return;
    }
    setMessage(Problem::Layout, tr("The layout was not saved: %1. The devices stay where you put them; moving one tries again.")
                   .arg(errorMessage(httpStatus, body)));
}

void TopologyPage::showDevice(const QString &deviceId)
{
    if (!m_translator.deviceInfo(deviceId))
        return;
    m_device->showDevice(deviceId);
    m_stack->setCurrentWidget(m_device);
    m_device->setFocus();
}

void TopologyPage::showMap()
{
    m_stack->setCurrentIndex(0);
    m_device->showDevice({});
    if (!m_device->lastDeviceId().isEmpty())
        m_map->setCurrentDevice(m_device->lastDeviceId());
    m_map->setFocus();
}

bool TopologyPage::isShowingDevice() const
{
    return m_stack->currentWidget() == m_device && !m_device->deviceId().isEmpty();
}

QString TopologyPage::summaryText() const
{
    const MonitorTranslator::Summary s = m_translator.summary();
    return tr("%1 up · %2 with alarms · %3 down · %4 unknown · %5 stale")
        .arg(s.up).arg(s.alarmed).arg(s.down).arg(s.unknown).arg(s.stale);
}

void TopologyPage::updateSummary()
{
    const MonitorTranslator::Summary s = m_translator.summary();
    auto part = [](const QColor &colour, int count, const QString &text) {
        return u"<span style=\"color:%1\">&#9679;</span>&nbsp;<b>%2</b>&nbsp;%3"_s.arg(colour.name()).arg(count).arg(text.toHtmlEscaped());
    };
    const QString spacer = u"&nbsp;&nbsp;&nbsp;"_s;
    m_summary->setText(part(TopologyStyle::deviceFill(DeviceStatus::Up), s.up, tr("up")) + spacer
                       + part(TopologyStyle::deviceFill(DeviceStatus::Major), s.alarmed, tr("with alarms")) + spacer
                       + part(TopologyStyle::deviceFill(DeviceStatus::Down), s.down, tr("down")) + spacer
                       + part(TopologyStyle::deviceFill(DeviceStatus::Unknown), s.unknown, tr("unknown")) + spacer
                       + part(TopologyStyle::staleFill(), s.stale, tr("stale")));
    m_summary->setAccessibleName(summaryText());
    m_updated->setText(m_statusAt.isValid()
                           ? tr("Status of %1").arg(QLocale().toString(m_statusAt.toLocalTime().time(), QLocale::ShortFormat))
                           : QString());
}

QString TopologyPage::messageText() const
{
    return m_messageText;
}

void TopologyPage::clearMessage(Problem problem)
{
    if (m_problem == problem)
        setMessage(Problem::None, {});
}

void TopologyPage::setMessage(Problem problem, const QString &message)
{
    m_problem = problem;
    m_messageText = message;
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void TopologyPage::retranslateUi()
{
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the topology and the state of every device again"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole map (0)"));
    updateSummary();
}

void TopologyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TopologyPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_connected && !m_translator.hasTopology() && m_pendingTopology.isEmpty())
        refresh();
}

} // namespace noc
