#pragma once

#include "registrysearchmodel.h"
#include "net/consolesession.h"

#include <QJsonObject>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace noc {

class RegistrarActivityModel;

// The Registry page: search domains, hosts, contacts and registrars through the management API,
// a detail pane for the selected object, and for a registrar its balance, credit limit, ledger
// and XRP audit trail, each paged with "load more". Every request goes through the session's
// asynchronous get(); each kind of request remembers the id of its newest request and ignores
// older answers, so a slow reply never overwrites a newer one. Refusals (403 for contacts, which
// only help-desk roles may see) are shown as the engine words them.
// GUI thread; owned by the main window's page stack; owns its three models.
class RegistryPage : public QWidget
{
    Q_OBJECT
public:
    using ObjectType = RegistrySearchModel::ObjectType;
    static constexpr int SearchPageSize = 50;
    static constexpr int ActivityPageSize = 50;

    explicit RegistryPage(ConsoleSession *session, QWidget *parent = nullptr);

    RegistrySearchModel *searchModel() const { return m_results; }
    RegistrarActivityModel *ledgerModel() const { return m_ledger; }
    RegistrarActivityModel *auditModel() const { return m_audit; }

    // What the search controls do; public so the command line and tests can drive the page.
    void search(const QString &text, ObjectType type, bool contains = false);
    void listRegistrars();
    void loadMoreResults();
    void openObject(ObjectType type, const QString &key);
    void loadMoreLedger();
    void loadMoreAudit();
    void clear();
    // Opens the object a detail row names (a registrar, contact, nameserver, domain); false when the
    // row names none. Double-click and Enter do this.
    bool openDetailRow(QTreeWidgetItem *item);
    // The detail row that links to key, or null.
    QTreeWidgetItem *findDetailRow(const QString &key) const;

    // The object in the detail pane (empty key before one was opened or after clear()).
    ObjectType detailType() const { return m_detailType; }
    QString detailKey() const { return m_detailKey; }
    QJsonObject detail() const { return m_detail; }
    QString messageText() const;
    QString balanceText() const;
    QString creditLimitText() const;
    bool isBusy() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onStateChanged(ConsoleSession::State state);
    void onApiReply(const QString &requestId, int status, const QJsonObject &body);
    QString send(const QString &path);
    void submitSearch();
    void onResultSelected();
    void showDetail(const QJsonObject &detail);
    void requestActivity(bool ledger);
    void showError(int status, const QJsonObject &body);
    void showMessage(const QString &text, bool problem = false);
    void updateButtons();
    void addField(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);
    QString fieldLabel(const QString &key) const;

    ConsoleSession *m_session;
    RegistrySearchModel *m_results = nullptr;
    RegistrarActivityModel *m_ledger = nullptr;
    RegistrarActivityModel *m_audit = nullptr;

    QLineEdit *m_query = nullptr;
    QComboBox *m_type = nullptr;
    QCheckBox *m_contains = nullptr;
    QPushButton *m_searchButton = nullptr;
    QPushButton *m_registrarsButton = nullptr;
    QLabel *m_message = nullptr;
    QGroupBox *m_resultsBox = nullptr;
    QTableView *m_resultsView = nullptr;
    QPushButton *m_moreResults = nullptr;
    QGroupBox *m_detailBox = nullptr;
    QTreeWidget *m_detailTree = nullptr;
    QWidget *m_registrarPane = nullptr;
    QLabel *m_balanceLabel = nullptr;
    QLabel *m_creditLabel = nullptr;
    QLabel *m_availableLabel = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_credit = nullptr;
    QLabel *m_available = nullptr;
    QTabWidget *m_activityTabs = nullptr;
    QTableView *m_ledgerView = nullptr;
    QTableView *m_auditView = nullptr;
    QPushButton *m_moreLedger = nullptr;
    QPushButton *m_moreAudit = nullptr;

    bool m_connected = false;
    quint64 m_serial = 0;
    // The newest request of each kind; answers to any other id are stale or not ours.
    QString m_searchRequest;
    bool m_searchAppends = false;
    ObjectType m_searchType = ObjectType::Domain;
    QString m_searchPath;          // the search without its cursor, for "load more"
    QString m_detailRequest;
    ObjectType m_requestedType = ObjectType::Domain;
    QString m_ledgerRequest;
    QString m_auditRequest;
    ObjectType m_detailType = ObjectType::Domain;
    QString m_detailKey;
    QJsonObject m_detail;
    QString m_messageText;
    bool m_showingHint = false;    // the message is the connection hint, which follows the state
};

} // namespace noc
