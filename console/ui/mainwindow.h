#pragma once

#include "net/connectionprofile.h"
#include "net/consolesession.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QSettings;
class QStackedWidget;

namespace noc {

class AlarmsPage;
class ConnectionBanner;
class CriticalAlarmIndicator;
class ConnectionIndicator;
class DirectoryPage;
class DnsPage;
class EmptyStatePage;
class LanguageManager;
class OverviewPage;
class ProfileStore;
class RegistryPage;
class WallMode;
class TopologyPage;

// noc-console's main window: a page per area of the product, the connection banner and status-bar
// indicator, and the glue between the one ConsoleSession and the pages. It turns session state into
// something an operator cannot miss (flashing indicator, banner, window title) and answers the
// session's trust questions through dialogs shown with open(), so the GUI thread never blocks.
// GUI thread; created by main() (or a test), owns the session, the profile store and every page.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { Overview, Topology, Health, Tickets, Backups, Sla, Registry, Dns, Directory, PageCount };
    Q_ENUM(Page)

    // language may be null (no language menu), as in tests that do not exercise it.
    explicit MainWindow(LanguageManager *language = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConsoleSession *session() const { return m_session; }
    OverviewPage *overviewPage() const { return m_overview; }
    TopologyPage *topologyPage() const { return m_topology; }
    RegistryPage *registryPage() const { return m_registry; }
    DnsPage *dnsPage() const { return m_dns; }
    DirectoryPage *directoryPage() const { return m_directory; }
    AlarmsPage *alarmsPage() const { return m_alarms; }
    CriticalAlarmIndicator *criticalAlarmIndicator() const { return m_alarmIndicator; }
    // View menu: wall mode (F11; Esc leaves) and the repeating alarm sound (saved in QSettings).
    QAction *wallModeAction() const { return m_wallAction; }
    QAction *alarmSoundAction() const { return m_alarmSoundAction; }
    bool isWallMode() const;
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    ConnectionBanner *connectionBanner() const { return m_banner; }
    // The Connection menu's actions; the banner shows whichever of them help in the current state.
    QAction *connectAction() const { return m_connectAction; }
    QAction *disconnectAction() const { return m_disconnectAction; }
    QAction *reconnectNowAction() const { return m_reconnectNowAction; }
    Page currentPage() const;
    void showPage(Page page);

    // Connects with secrets already at hand (command line, tests).
    void connectToEngine(const ConnectionProfile &profile, const QString &password, const QString &sshSecret = {});
    // Asks for the password (and SSH secret) first.
    void askSecretsAndConnect(const ConnectionProfile &profile);
    void showConnectDialog();

    QList<ConnectionProfile> profiles() const { return m_profiles; }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void retranslateUi();
    void onStateChanged(ConsoleSession::State state, const QString &detail);
    void onStatus(const QJsonObject &status);
    void onEvent(const QJsonObject &event);
    void onLoginFailed(const QString &message);
    void onReconnectScheduled(int msecs);
    void onCertificateApproval(const QString &fingerprint, const QString &subject, const QString &issuer,
                               const QString &problem);
    void onHostKeyApproval(const QString &host, const QString &keyType, const QString &fingerprint);
    void onProfileUpdated(const ConnectionProfile &profile);
    bool saveProfiles(const QList<ConnectionProfile> &profiles);
    void refreshConnectionUi();
    void disconnectOnPurpose();
    QString endpointText() const;
    QString siteText() const;
    void updateLanguageMenu();
    void buildAlarmWatch();

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profileStore;
    QList<ConnectionProfile> m_profiles;
    LanguageManager *m_language = nullptr;
    ConsoleSession *m_session = nullptr;

    QLabel *m_brand = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    OverviewPage *m_overview = nullptr;
    TopologyPage *m_topology = nullptr;
    QList<EmptyStatePage *> m_emptyPages;   // Topology..Sla, in Page order; null where a page is built
    RegistryPage *m_registry = nullptr;
    DnsPage *m_dns = nullptr;
    DirectoryPage *m_directory = nullptr;
    AlarmsPage *m_alarms = nullptr;
    CriticalAlarmIndicator *m_alarmIndicator = nullptr;
    WallMode *m_wallMode = nullptr;
    QWidget *m_sidebar = nullptr;
    ConnectionBanner *m_banner = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_userLabel = nullptr;

    QMenu *m_connectionMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_reconnectNowAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_wallAction = nullptr;
    QAction *m_alarmSoundAction = nullptr;
    QList<QAction *> m_pageActions;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_systemLanguageAction = nullptr;

    ConnectionProfile m_profile;
    ConsoleSession::State m_state = ConsoleSession::State::Disconnected;
    QString m_detail;
    QString m_site;
    QString m_loginError;
    bool m_wasConnected = false;
    bool m_userDisconnected = false;
    QElapsedTimer m_lastHeartbeat;
    QDeadlineTimer m_retryAt;
};

} // namespace noc
