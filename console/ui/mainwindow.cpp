#include "mainwindow.h"

#include <algorithm>

#include "alarmmodel.h"
#include "alarmspage.h"
#include "apichannel.h"
#include "connectdialog.h"
#include "directorypage.h"
#include "dnspage.h"
#include "eventlogmodel.h"
#include "languagemanager.h"
#include "overviewpage.h"
#include "passworddialog.h"
#include "registrypage.h"
#include "topologypage.h"
#include "trustdialog.h"
#include "wallmode.h"
#include "net/profilestore.h"
#include "widgets/connectionbanner.h"
#include "widgets/connectionindicator.h"
#include "widgets/criticalalarmindicator.h"
#include "widgets/emptystatepage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// Resources of a static library are linked in only when something references them; this does.
static void initConsoleResources()
{
    Q_INIT_RESOURCE(console);
}

namespace noc {

namespace {

using Severity = StatusPalette::Severity;
using State = ConsoleSession::State;

constexpr auto LastProfileKey = "ui/lastProfile"_L1;
constexpr auto GeometryKey = "ui/geometry"_L1;
constexpr auto AlarmSoundKey = "alarms/sound"_L1;

const char *const PageIcons[MainWindow::PageCount] = {
    ":/icons/overview.svg", ":/icons/topology.svg", ":/icons/health.svg", ":/icons/tickets.svg",
    ":/icons/backups.svg", ":/icons/sla.svg", ":/icons/registry.svg", ":/icons/dns.svg",
    ":/icons/directory.svg",
};

QIcon pageIcon(int page)
{
    return QIcon(QString::fromLatin1(PageIcons[page]));
}

QString clockTime(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), u"HH:mm:ss"_s);
}

} // namespace

MainWindow::MainWindow(LanguageManager *language, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(std::make_unique<QSettings>())
    , m_profileStore(std::make_unique<ProfileStore>(m_settings.get()))
    , m_language(language)
    , m_session(new ConsoleSession(this))
{
    initConsoleResources();
    m_profiles = m_profileStore->load();
    buildUi();
    buildMenus();

    connect(m_session, &ConsoleSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &ConsoleSession::statusReceived, this, &MainWindow::onStatus);
    connect(m_session, &ConsoleSession::eventReceived, this, &MainWindow::onEvent);
    connect(m_session, &ConsoleSession::loginFailed, this, &MainWindow::onLoginFailed);
    connect(m_session, &ConsoleSession::reconnectScheduled, this, &MainWindow::onReconnectScheduled);
    connect(m_session, &ConsoleSession::serverCertificateNeedsApproval, this, &MainWindow::onCertificateApproval);
    connect(m_session, &ConsoleSession::hostKeyNeedsApproval, this, &MainWindow::onHostKeyApproval);
    connect(m_session, &ConsoleSession::profileUpdated, this, &MainWindow::onProfileUpdated);
    if (m_language)
        connect(m_language, &LanguageManager::languageChanged, this, &MainWindow::updateLanguageMenu);

    retranslateUi();
    updateLanguageMenu();
    if (!restoreGeometry(m_settings->value(GeometryKey).toByteArray()))
        resize(1280, 800);

    const QStringList problems = m_profileStore->loadProblems();
    if (!problems.isEmpty())
        statusBar()->showMessage(tr("Some saved profiles could not be read: %1").arg(problems.join(u"; "_s)), 15000);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    setWindowIcon(QIcon(u":/icons/noc-console.svg"_s));

    m_nav = new QListWidget(this);
    m_nav->setObjectName(u"navigation"_s);
    m_nav->setIconSize(QSize(24, 24));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setFixedWidth(200);
    m_nav->setSpacing(2);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A sidebar, not a list of data: a calm tint sets it apart from the page it controls.
    m_nav->setStyleSheet(u"QListWidget#navigation { background: #eceff1; padding-top: 8px; }"
                         "QListWidget#navigation::item { padding: 8px 10px; color: #263238; border-radius: 4px; }"
                         "QListWidget#navigation::item:selected { background: #cfd8dc; color: #0d47a1;"
                         " font-weight: bold; }"
                         "QListWidget#navigation::item:hover:!selected { background: #e3e8eb; }"_s);
    for (int page = 0; page < PageCount; ++page)
        m_nav->addItem(new QListWidgetItem(pageIcon(page), QString()));

    m_stack = new QStackedWidget(this);
    m_overview = new OverviewPage(m_stack);
    m_stack->addWidget(m_overview);
    for (int page = Topology; page < Registry; ++page) {
        if (page == Topology) {
            m_topology = new TopologyPage(m_session, m_stack);
            m_topology->setObjectName(u"topologyPage"_s);
            m_stack->addWidget(m_topology);
            m_emptyPages.append(nullptr);   // keeps m_emptyPages in Page order
            continue;
        }
        if (page == Health) {
            m_alarms = new AlarmsPage(new SessionApiChannel(m_session), m_stack);
            m_alarms->setObjectName(u"alarmsPage"_s);
            m_stack->addWidget(m_alarms);
            m_emptyPages.append(nullptr);   // keeps m_emptyPages in Page order
            continue;
        }
        auto *empty = new EmptyStatePage(m_stack);
        empty->setIcon(pageIcon(page));
        m_stack->addWidget(empty);
        m_emptyPages.append(empty);
    }
    m_registry = new RegistryPage(m_session, m_stack);
    m_registry->setObjectName(u"registryPage"_s);
    m_stack->addWidget(m_registry);
    m_dns = new DnsPage(m_session, m_stack);
    m_dns->setObjectName(u"dnsPage"_s);
    m_stack->addWidget(m_dns);
    m_directory = new DirectoryPage(m_session, m_stack);
    m_directory->setObjectName(u"directoryPage"_s);
    m_stack->addWidget(m_directory);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    m_banner = new ConnectionBanner(this);
    m_banner->setObjectName(u"connectionBanner"_s);

    // The sidebar: product name above the page list, so a screenshot or a glance across the room
    // says which tool this is.
    auto *sidebar = new QWidget(this);
    m_sidebar = sidebar;
    sidebar->setObjectName(u"sidebar"_s);
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setStyleSheet(u"QWidget#sidebar { background: #eceff1; border-right: 1px solid #cfd8dc; }"_s);
    auto *brandIcon = new QLabel(sidebar);
    brandIcon->setPixmap(QIcon(u":/icons/noc-console.svg"_s).pixmap(QSize(32, 32), devicePixelRatio()));
    m_brand = new QLabel(sidebar);
    QFont brandFont = m_brand->font();
    brandFont.setBold(true);
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.15);
    m_brand->setFont(brandFont);
    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(14, 14, 14, 6);
    brand->setSpacing(10);
    brand->addWidget(brandIcon);
    brand->addWidget(m_brand, 1);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addLayout(brand);
    sidebarLayout->addWidget(m_nav, 1);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(sidebar);
    body->addWidget(m_stack, 1);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    m_indicator = new ConnectionIndicator(this);
    m_indicator->setObjectName(u"connectionIndicator"_s);
    m_userLabel = new QLabel(this);
    m_userLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_indicator);
    statusBar()->addPermanentWidget(m_userLabel);
    buildAlarmWatch();
    statusBar()->setSizeGripEnabled(true);

    m_nav->setCurrentRow(Overview);
}

void MainWindow::buildMenus()
{
    m_connectionMenu = menuBar()->addMenu(QString());
    m_connectAction = m_connectionMenu->addAction(QString(), this, &MainWindow::showConnectDialog);
    m_connectAction->setObjectName(u"connectAction"_s);
    m_connectAction->setShortcut(QKeySequence::Open);
    // Enabled only while waiting out the back-off or on a stale link (refreshConnectionUi).
    m_reconnectNowAction = m_connectionMenu->addAction(QString(), this, [this] { m_session->reconnectNow(); });
    m_reconnectNowAction->setObjectName(u"reconnectNowAction"_s);
    m_disconnectAction = m_connectionMenu->addAction(QString(), this, &MainWindow::disconnectOnPurpose);
    m_disconnectAction->setObjectName(u"disconnectAction"_s);
    m_connectionMenu->addSeparator();
    m_quitAction = m_connectionMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int page = 0; page < PageCount; ++page) {
        QAction *action = m_viewMenu->addAction(pageIcon(page), QString(), this,
                                                [this, page] { showPage(Page(page)); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        m_pageActions.append(action);
    }

    m_viewMenu->addSeparator();
    m_wallAction = m_viewMenu->addAction(QString());
    m_wallAction->setObjectName(u"wallModeAction"_s);
    m_wallAction->setCheckable(true);
    m_wallAction->setShortcut(QKeySequence(Qt::Key_F11));
    addAction(m_wallAction);   // the menu bar is hidden on the wall; F11 must still leave
    connect(m_wallAction, &QAction::toggled, m_wallMode, &WallMode::setActive);
    connect(m_wallMode, &WallMode::activeChanged, m_wallAction, &QAction::setChecked);
    m_alarmSoundAction = m_viewMenu->addAction(QString());
    m_alarmSoundAction->setObjectName(u"alarmSoundAction"_s);
    m_alarmSoundAction->setCheckable(true);
    m_alarmSoundAction->setChecked(m_settings->value(AlarmSoundKey, false).toBool());
    m_alarmIndicator->setSoundEnabled(m_alarmSoundAction->isChecked());
    connect(m_alarmSoundAction, &QAction::toggled, this, [this](bool on) {
        m_alarmIndicator->setSoundEnabled(on);
        m_settings->setValue(AlarmSoundKey, on);
    });

    m_settingsMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    m_systemLanguageAction = m_languageMenu->addAction(QString());
    m_systemLanguageAction->setCheckable(true);
    m_systemLanguageAction->setData(QString());
    m_languageGroup->addAction(m_systemLanguageAction);
    m_languageMenu->addSeparator();
    const QStringList languages = LanguageManager::supportedLanguages();
    for (const QString &code : languages) {
        QAction *action = m_languageMenu->addAction(LanguageManager::nativeName(code));
        action->setCheckable(true);
        action->setData(code);
        m_languageGroup->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        if (m_language)
            m_language->setPreference(action->data().toString());
    });
    m_settingsMenu->setEnabled(m_language != nullptr);

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About noc-console"),
                                    tr("noc-console %1\n\nThe network operations console for the domain-name "
                                       "registry engine.").arg(QApplication::applicationVersion()),
                                    QMessageBox::Close, this);
        box->setIconPixmap(windowIcon().pixmap(64, 64));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::retranslateUi()
{
    const QString pageNames[PageCount] = {tr("Overview"), tr("Topology"), tr("Health & Alarms"), tr("Tickets"),
                                          tr("Backups"), tr("SLA"), tr("Registry"), tr("DNS"),
                                          tr("Whois & RDAP")};
    for (int page = 0; page < PageCount; ++page) {
        m_nav->item(page)->setText(pageNames[page]);
        m_pageActions.at(page)->setText(pageNames[page]);
    }
    struct EmptyText
    {
        QString title;
        QString description;
    };
    const EmptyText empty[] = {
        {}, // Topology: TopologyPage
        {}, // Health & Alarms: AlarmsPage
        {tr("Tickets"),
         tr("This page will list trouble tickets with their escalation timers for each help-desk tier. "
            "The engine does not provide tickets yet.")},
        {tr("Backups"),
         tr("This page will show full and incremental backups, the tape rotation and escrow deposits. "
            "The engine does not provide backup status yet.")},
        {tr("SLA"),
         tr("This page will chart availability and response times against the service-level targets. "
            "The engine does not provide SLA measurements yet.")},
    };
    for (qsizetype i = 0; i < m_emptyPages.size(); ++i) {
        if (!m_emptyPages.at(i))
            continue;
        m_emptyPages.at(i)->setTitle(empty[i].title);
        m_emptyPages.at(i)->setDescription(empty[i].description);
    }

    m_brand->setText(tr("NOC Console"));
    m_connectionMenu->setTitle(tr("&Connection"));
    m_connectAction->setText(tr("&Connect…"));
    m_reconnectNowAction->setText(tr("&Reconnect Now"));
    m_reconnectNowAction->setIconText(tr("Reconnect now"));
    m_reconnectNowAction->setToolTip(tr("Try to reconnect at once instead of waiting for the next automatic attempt"));
    m_disconnectAction->setText(tr("&Disconnect"));
    // The banner's button: while the console keeps retrying on its own, "Stop" says what it does.
    m_disconnectAction->setIconText(tr("Stop"));
    m_disconnectAction->setToolTip(tr("Disconnect and stop reconnecting"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_wallAction->setText(tr("&Wall Mode"));
    m_wallAction->setToolTip(tr("Full screen for a NOC wall: no navigation or menus, larger text (Esc leaves)"));
    m_alarmSoundAction->setText(tr("Alarm &Sound"));
    m_alarmSoundAction->setToolTip(tr("Beep every few seconds while a new critical or major alarm is unacknowledged"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguageAction->setText(tr("System default"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About noc-console"));
    refreshConnectionUi();
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void MainWindow::showPage(Page page)
{
    if (page >= 0 && page < PageCount)
        m_nav->setCurrentRow(page);
}

void MainWindow::connectToEngine(const ConnectionProfile &profile, const QString &password, const QString &sshSecret)
{
    m_profile = profile;
    m_site.clear();
    m_loginError.clear();
    m_wasConnected = false;
    m_userDisconnected = false;
    m_retryAt = QDeadlineTimer();
    m_overview->clear();
    m_registry->clear();
    m_dns->clear();
    m_directory->clear();
    m_alarms->clear();
    m_settings->setValue(LastProfileKey, profile.name);
    m_session->connectToEngine(profile, password, sshSecret);
    refreshConnectionUi();
}

void MainWindow::askSecretsAndConnect(const ConnectionProfile &profile)
{
    auto *dialog = new PasswordDialog(profile, this);
    connect(dialog, &PasswordDialog::secretsEntered, this,
            [this](const ConnectionProfile &p, const QString &password, const QString &sshSecret) {
                connectToEngine(p, password, sshSecret);
            });
    dialog->open();
}

void MainWindow::showConnectDialog()
{
    const QString selected = m_profile.name.isEmpty() ? m_settings->value(LastProfileKey).toString() : m_profile.name;
    auto *dialog = new ConnectDialog(m_profiles, selected, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectDialog::profilesChanged, this, [this](const QList<ConnectionProfile> &profiles) {
        saveProfiles(profiles);
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] { askSecretsAndConnect(dialog->selectedProfile()); });
    dialog->open();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setValue(GeometryKey, saveGeometry());
    disconnectOnPurpose();
    event->accept();
}

void MainWindow::disconnectOnPurpose()
{
    m_userDisconnected = true;
    m_session->disconnectFromEngine();
}

void MainWindow::onStateChanged(ConsoleSession::State state, const QString &detail)
{
    const State previous = m_state;
    m_state = state;
    m_detail = detail;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EventLogModel *log = m_overview->eventModel();

    switch (state) {
    case State::Connected:
        m_wasConnected = true;
        m_loginError.clear();
        m_lastHeartbeat.start();
        if (previous != State::Connected)
            log->addConnectionEvent(now, EventLogModel::ConnectionChange::Connected, endpointText());
        break;
    case State::Stale:
        log->addConnectionEvent(now, EventLogModel::ConnectionChange::Stale);
        break;
    case State::Reconnecting:
        // The first drop is "lost"; each failed retry after it is logged as such (back-off keeps
        // that to one line a minute at most).
        if (previous == State::Connected || previous == State::Stale)
            log->addConnectionEvent(now, EventLogModel::ConnectionChange::Lost, detail);
        else if (previous != State::Reconnecting)
            log->addConnectionEvent(now, EventLogModel::ConnectionChange::Failed, detail);
        break;
    case State::Disconnected:
        // A refused login was already logged by onLoginFailed, which the session signals first.
        if (previous != State::Disconnected && m_loginError.isEmpty()) {
            if (m_userDisconnected)
                log->addConnectionEvent(now, EventLogModel::ConnectionChange::Disconnected);
            else if (m_wasConnected)
                log->addConnectionEvent(now, EventLogModel::ConnectionChange::Lost, detail);
            else
                log->addConnectionEvent(now, EventLogModel::ConnectionChange::Failed, detail);
        }
        break;
    case State::Connecting:
    case State::Authenticating:
        break;
    }
    m_overview->setLive(state == State::Connected);
    refreshConnectionUi();
}

void MainWindow::onStatus(const QJsonObject &status)
{
    m_overview->applyStatus(status);
    m_lastHeartbeat.start();
    const QString site = status.value("site"_L1).toString();
    if (site != m_site) {
        m_site = site;
        refreshConnectionUi();
    }
}

void MainWindow::onEvent(const QJsonObject &event)
{
    if (event.value("type"_L1).toString() == "heartbeat"_L1)
        m_lastHeartbeat.start();
    m_overview->applyEvent(event);
}

void MainWindow::onLoginFailed(const QString &message)
{
    m_loginError = message;
    m_overview->eventModel()->addConnectionEvent(QDateTime::currentDateTimeUtc(),
                                                 EventLogModel::ConnectionChange::LoginFailed, message);
    refreshConnectionUi();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Login failed"),
                                tr("The engine refused the login as \"%1\".").arg(m_profile.user), QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onReconnectScheduled(int msecs)
{
    m_retryAt = QDeadlineTimer(msecs);
    refreshConnectionUi();
}

void MainWindow::onCertificateApproval(const QString &fingerprint, const QString &subject, const QString &issuer,
                                       const QString &problem)
{
    auto *dialog = TrustDialog::forCertificate(fingerprint, subject, issuer, problem, this);
    connect(dialog, &TrustDialog::decided, this, [this](TrustDialog::Decision decision) {
        if (decision == TrustDialog::Decision::Reject)
            m_session->rejectServerCertificate();
        else
            m_session->approveServerCertificate(decision == TrustDialog::Decision::Remember);
    });
    dialog->open();
}

void MainWindow::onHostKeyApproval(const QString &host, const QString &keyType, const QString &fingerprint)
{
    auto *dialog = TrustDialog::forHostKey(host, keyType, fingerprint, this);
    connect(dialog, &TrustDialog::decided, this, [this](TrustDialog::Decision decision) {
        if (decision == TrustDialog::Decision::Reject)
            m_session->rejectHostKey();
        else
            m_session->approveHostKey(decision == TrustDialog::Decision::Remember);
    });
    dialog->open();
}

void MainWindow::onProfileUpdated(const ConnectionProfile &profile)
{
    m_profile = profile;
    QList<ConnectionProfile> updated = m_profiles;
    auto it = std::find_if(updated.begin(), updated.end(),
                           [&](const ConnectionProfile &p) { return p.name == profile.name; });
    if (it != updated.end())
        *it = profile;
    else
        updated.append(profile);
    if (saveProfiles(updated))
        statusBar()->showMessage(tr("Pinned the certificate of %1 in profile \"%2\".").arg(endpointText(), profile.name),
                                 10000);
}

bool MainWindow::saveProfiles(const QList<ConnectionProfile> &profiles)
{
    const reg::Result<void> saved = m_profileStore->save(profiles);
    if (!saved.ok()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Profiles not saved"),
                                    tr("The connection profiles could not be saved."), QMessageBox::Ok, this);
        box->setInformativeText(saved.error().message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_profiles = profiles;
    return true;
}

QString MainWindow::endpointText() const
{
    if (m_profile.transport == ConnectionProfile::Transport::SshTunnel)
        return u"%1:%2"_s.arg(m_profile.sshHost).arg(m_profile.sshPort);
    return u"%1:%2"_s.arg(m_profile.apiHost).arg(m_profile.apiPort);
}

QString MainWindow::siteText() const
{
    if (!m_site.isEmpty())
        return m_site;
    return m_profile.name.isEmpty() ? tr("no engine") : m_profile.name;
}

void MainWindow::refreshConnectionUi()
{
    const bool ssh = m_profile.transport == ConnectionProfile::Transport::SshTunnel;
    const bool haveProfile = !m_profile.name.isEmpty();
    QString stateWord;

    switch (m_state) {
    case State::Connected:
        stateWord = tr("Connected");
        m_indicator->showConnected(siteText(), endpointText(), ssh);
        m_banner->hide();
        m_banner->setActions({});
        break;
    case State::Connecting:
    case State::Authenticating:
        if (m_wasConnected) {
            // A retry after a loss: the data on screen is still old, so this stays red.
            stateWord = tr("DISCONNECTED");
            m_indicator->showReconnecting(0);
            m_banner->showMessage(Severity::Critical, tr("Connection lost"),
                                  tr("Everything below is the last known state. Reconnecting to %1 now…")
                                      .arg(endpointText()));
            m_banner->setActions({m_disconnectAction});
            m_banner->show();
            break;
        }
        stateWord = tr("Connecting");
        m_indicator->showConnecting(endpointText());
        m_banner->showMessage(Severity::Info,
                              m_state == State::Connecting ? tr("Connecting to %1…").arg(endpointText())
                                                           : tr("Logging in as %1…").arg(m_profile.user));
        m_banner->setActions({m_disconnectAction});
        m_banner->show();
        break;
    case State::Stale: {
        stateWord = tr("STALE");
        m_indicator->showStale(m_lastHeartbeat.isValid() ? m_lastHeartbeat.elapsed() : 0);
        const QDateTime last = QDateTime::currentDateTimeUtc().addMSecs(
            m_lastHeartbeat.isValid() ? -m_lastHeartbeat.elapsed() : 0);
        m_banner->showMessage(Severity::Warning, tr("Connection stale"),
                              tr("No heartbeat from the engine since %1. What you see may be out of date; the "
                                 "console reconnects if the engine stays silent.")
                                  .arg(clockTime(last)));
        m_banner->setActions({m_reconnectNowAction});
        m_banner->show();
        break;
    }
    case State::Reconnecting: {
        stateWord = tr("DISCONNECTED");
        const qint64 remaining = m_retryAt.isForever() ? 0 : qMax<qint64>(0, m_retryAt.remainingTime());
        m_indicator->showReconnecting(remaining);
        const QString why = m_detail.isEmpty() ? QString() : m_detail + u' ';
        m_banner->showMessage(Severity::Critical, tr("Connection lost"),
                              why + tr("Everything below is the last known state. Reconnecting automatically at %1.")
                                        .arg(clockTime(QDateTime::currentDateTimeUtc().addMSecs(remaining))));
        m_banner->setActions({m_reconnectNowAction, m_disconnectAction});
        m_banner->show();
        break;
    }
    case State::Disconnected: {
        stateWord = tr("DISCONNECTED");
        m_indicator->showDisconnected(m_loginError.isEmpty() ? m_detail : tr("login failed"));
        QString title = tr("Not connected");
        QString detail = tr("Choose a connection profile to connect to a registry engine.");
        Severity severity = Severity::Neutral;
        if (!m_loginError.isEmpty()) {
            title = tr("Login failed");
            detail = m_loginError;
            severity = Severity::Critical;
        } else if (!m_userDisconnected && (m_wasConnected || !m_detail.isEmpty())) {
            title = m_wasConnected ? tr("Connection lost") : tr("Could not connect");
            detail = m_detail.isEmpty() ? tr("The console is not connected to the engine.") : m_detail;
            if (m_wasConnected)
                detail += u' ' + tr("Everything below is the last known state.");
            severity = Severity::Critical;
        }
        m_banner->showMessage(severity, title, detail);
        m_banner->setActions({m_connectAction});
        m_banner->show();
        break;
    }
    }

    m_disconnectAction->setEnabled(m_state != State::Disconnected);
    m_reconnectNowAction->setEnabled(m_session->canReconnectNow());
    if (m_state == State::Connected || m_state == State::Stale)
        m_userLabel->setText(tr("Logged in as %1").arg(m_profile.user));
    else
        m_userLabel->clear();
    // The title is what shows in the task bar and window switcher: the state must be visible there too.
    setWindowTitle(haveProfile ? tr("%1 — %2").arg(siteText(), stateWord) : stateWord);
}

void MainWindow::buildAlarmWatch()
{
    // Critical alarms must be impossible to miss, whatever page is open: the indicator sits in the
    // status bar, which wall mode keeps.
    m_alarmIndicator = new CriticalAlarmIndicator(this);
    m_alarmIndicator->setObjectName(u"criticalAlarmIndicator"_s);
    statusBar()->addPermanentWidget(m_alarmIndicator);
    connect(m_alarms->alarmModel(), &AlarmModel::unhandledSevereCountChanged, m_alarmIndicator,
            &CriticalAlarmIndicator::setCount);
    connect(m_alarms, &AlarmsPage::alertRaised, m_alarmIndicator, &CriticalAlarmIndicator::alert);
    connect(m_alarmIndicator, &QAbstractButton::clicked, this, [this] {
        showPage(Health);
        m_alarms->showNeedsAttention();
    });
    m_wallMode = new WallMode(this, {m_sidebar}, m_alarmIndicator);
}

bool MainWindow::isWallMode() const
{
    return m_wallMode->isActive();
}

void MainWindow::updateLanguageMenu()
{
    const QString preference = m_language ? m_language->preference() : QString();
    const QList<QAction *> actions = m_languageGroup->actions();
    for (QAction *action : actions)
        action->setChecked(action->data().toString() == preference);
}

} // namespace noc
