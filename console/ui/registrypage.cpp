#include "registrypage.h"

#include "registraractivitymodel.h"
#include "registryformat.h"
#include "widgets/statuspalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <optional>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr auto RequestPrefix = "registry:"_L1;

QTableView *tableView(const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

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

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString collectionPath(RegistrySearchModel::ObjectType type)
{
    switch (type) {
    case RegistrySearchModel::ObjectType::Domain: return u"domains"_s;
    case RegistrySearchModel::ObjectType::Host: return u"hosts"_s;
    case RegistrySearchModel::ObjectType::Contact: return u"contacts"_s;
    case RegistrySearchModel::ObjectType::Registrar: return u"registrars"_s;
    }
    return {};
}

// Keys the detail pane leaves out: shown elsewhere (the registrar's money has its own labels).
bool hiddenField(const QString &key)
{
    return key == "balanceCents"_L1 || key == "creditLimitCents"_L1 || key == "availableCents"_L1;
}

struct FieldLabel
{
    QLatin1StringView key;
    const char *text;
};

// The detail pane's labels, in the order an operator reads an object: identity, sponsor and
// state first, then dates, then the parts. Keys not listed keep their API name and go last.
const FieldLabel FieldLabels[] = {
    {"id"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "ID")},
    {"name"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Name")},
    {"roid"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "ROID")},
    {"registrar"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Registrar")},
    {"statuses"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Status")},
    {"status"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Status")},
    {"type"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Type")},
    {"registrant"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Registrant")},
    {"tld"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "TLD")},
    {"ianaId"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "IANA ID")},
    {"expiresAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Expires")},
    {"createdAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Created")},
    {"creator"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Created by")},
    {"updatedAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Updated")},
    {"updater"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Updated by")},
    {"transferredAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Transferred")},
    {"deletedAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Deleted")},
    {"contacts"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Contacts")},
    {"nameservers"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Nameservers")},
    {"subordinateHosts"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Subordinate hosts")},
    {"superordinateDomain"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Superordinate domain")},
    {"ipv4"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "IPv4 addresses")},
    {"ipv6"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "IPv6 addresses")},
    {"dsData"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "DS records")},
    {"gracePeriods"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Grace periods")},
    {"transfers"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Transfers")},
    {"customFields"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Custom fields")},
    {"linkedDomainCount"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Linked domains (count)")},
    {"linkedDomains"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Linked domains")},
    {"org"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Organisation")},
    {"street"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Street")},
    {"city"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "City")},
    {"sp"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "State/province")},
    {"pc"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Postal code")},
    {"cc"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Country")},
    {"voice"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Phone")},
    {"fax"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Fax")},
    {"email"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Email")},
    {"privacy"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Privacy level")},
    {"phone"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Phone")},
    {"url"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Web site")},
    {"lowBalanceCents"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Low-balance warning at")},
    {"domainCount"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Domains")},
    {"hostCount"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Hosts")},
    {"contactCount"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Contacts (count)")},
    {"users"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "XRP users")},
    {"addresses"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Allowed client addresses")},
    {"certificates"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Client certificates")},
    {"sha256"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "SHA-256 fingerprint")},
    {"subject"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Subject")},
    {"notAfter"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Valid until")},
    {"disabled"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Disabled")},
    {"failedLogins"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Failed logins")},
    {"lockedUntil"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Locked until")},
    {"passwordChangedAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Password changed")},
    {"kind"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Kind")},
    {"startsAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Starts")},
    {"endsAt"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Ends")},
    {"value"_L1, QT_TRANSLATE_NOOP("noc::RegistryPage", "Value")},
};

// Position in FieldLabels; unknown keys rank after all known ones.
int fieldRank(const QString &key)
{
    for (int i = 0; i < int(std::size(FieldLabels)); ++i) {
        if (FieldLabels[i].key == key)
            return i;
    }
    return int(std::size(FieldLabels));
}

constexpr int LinkTypeRole = Qt::UserRole + 1;   // int(ObjectType) of the object a row opens
constexpr int LinkKeyRole = Qt::UserRole + 2;    // its key

// Fields whose value names another object, and which kind: the detail pane opens it on activation.
std::optional<RegistrySearchModel::ObjectType> linkedType(const QString &key)
{
    using T = RegistrySearchModel::ObjectType;
    if (key == "registrar"_L1 || key == "requestedBy"_L1 || key == "actingRegistrar"_L1)
        return T::Registrar;
    if (key == "registrant"_L1 || key == "contacts"_L1)
        return T::Contact;
    if (key == "superordinateDomain"_L1 || key == "linkedDomains"_L1)
        return T::Domain;
    if (key == "nameservers"_L1 || key == "subordinateHosts"_L1)
        return T::Host;
    return std::nullopt;
}

void setLink(QTreeWidgetItem *item, RegistrySearchModel::ObjectType type, const QString &key)
{
    item->setData(0, LinkTypeRole, int(type));
    item->setData(0, LinkKeyRole, key);
    QFont f = item->font(1);
    f.setUnderline(true);
    item->setFont(1, f);
}

// An object's keys in reading order.
QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();   // alphabetical, which breaks ties among unknown keys
    std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return fieldRank(a) < fieldRank(b); });
    return keys;
}

} // namespace

RegistryPage::RegistryPage(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_results(new RegistrySearchModel(this))
    , m_ledger(new RegistrarActivityModel(RegistrarActivityModel::Kind::Ledger, this))
    , m_audit(new RegistrarActivityModel(RegistrarActivityModel::Kind::Audit, this))
{
    m_query = new QLineEdit(this);
    m_query->setObjectName(u"registrySearchField"_s);
    m_query->setClearButtonEnabled(true);
    m_query->setMaxLength(253);
    m_type = new QComboBox(this);
    m_type->setObjectName(u"registryTypeCombo"_s);
    for (int i = 0; i < 4; ++i)
        m_type->addItem(QString(), i);
    m_contains = new QCheckBox(this);
    m_contains->setObjectName(u"registryContainsCheck"_s);
    m_searchButton = new QPushButton(this);
    m_searchButton->setObjectName(u"registrySearchButton"_s);
    m_searchButton->setDefault(true);
    m_registrarsButton = new QPushButton(this);
    m_registrarsButton->setObjectName(u"registryAllRegistrarsButton"_s);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_query, 1);
    searchRow->addWidget(m_type);
    searchRow->addWidget(m_contains);
    searchRow->addWidget(m_searchButton);
    searchRow->addSpacing(12);
    searchRow->addWidget(m_registrarsButton);

    m_message = new QLabel(this);
    m_message->setObjectName(u"registryMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    m_resultsBox = new QGroupBox(this);
    m_resultsView = tableView(u"registryResults"_s, m_resultsBox);
    m_resultsView->setModel(m_results);
    m_resultsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_resultsView->horizontalHeader()->resizeSection(RegistrySearchModel::KeyColumn, fontMetrics().horizontalAdvance(u"ns1.pangolin-hosting.eu"_s) + 24);
    m_moreResults = new QPushButton(m_resultsBox);
    m_moreResults->setObjectName(u"registryMoreResults"_s);
    auto *resultsLayout = new QVBoxLayout(m_resultsBox);
    resultsLayout->addWidget(m_resultsView, 1);
    resultsLayout->addWidget(m_moreResults, 0, Qt::AlignRight);

    m_detailBox = new QGroupBox(this);
    m_detailTree = new QTreeWidget(m_detailBox);
    m_detailTree->setObjectName(u"registryDetail"_s);
    m_detailTree->setColumnCount(2);
    m_detailTree->setAlternatingRowColors(true);
    m_detailTree->setUniformRowHeights(true);
    m_detailTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_detailTree->header()->setStretchLastSection(true);

    m_registrarPane = new QWidget(m_detailBox);
    m_registrarPane->setObjectName(u"registrarPane"_s);
    auto *money = new QFormLayout;
    m_balanceLabel = new QLabel(m_registrarPane);
    m_creditLabel = new QLabel(m_registrarPane);
    m_availableLabel = new QLabel(m_registrarPane);
    m_balance = valueLabel(u"registrarBalance"_s, m_registrarPane);
    m_credit = valueLabel(u"registrarCreditLimit"_s, m_registrarPane);
    m_available = valueLabel(u"registrarAvailable"_s, m_registrarPane);
    money->addRow(m_balanceLabel, m_balance);
    money->addRow(m_creditLabel, m_credit);
    money->addRow(m_availableLabel, m_available);
    m_activityTabs = new QTabWidget(m_registrarPane);
    m_activityTabs->setObjectName(u"registrarActivityTabs"_s);
    auto makeActivityTab = [this](RegistrarActivityModel *model, const QString &name, QTableView **view, QPushButton **more) {
        auto *tab = new QWidget(m_activityTabs);
        *view = tableView(name, tab);
        (*view)->setModel(model);
        (*view)->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        (*view)->horizontalHeader()->resizeSection(0, fontMetrics().horizontalAdvance(u"2026-11-21 06:05:21"_s) + 24);
        *more = new QPushButton(tab);
        (*more)->setObjectName(name + u"More"_s);
        auto *layout = new QVBoxLayout(tab);
        layout->setContentsMargins(4, 4, 4, 4);
        layout->addWidget(*view, 1);
        layout->addWidget(*more, 0, Qt::AlignRight);
        m_activityTabs->addTab(tab, QString());
    };
    makeActivityTab(m_ledger, u"registrarLedger"_s, &m_ledgerView, &m_moreLedger);
    makeActivityTab(m_audit, u"registrarAudit"_s, &m_auditView, &m_moreAudit);
    auto *registrarLayout = new QVBoxLayout(m_registrarPane);
    registrarLayout->setContentsMargins(0, 0, 0, 0);
    registrarLayout->addLayout(money);
    registrarLayout->addWidget(m_activityTabs, 1);
    m_registrarPane->hide();

    auto *detailSplitter = new QSplitter(Qt::Vertical, m_detailBox);
    detailSplitter->setChildrenCollapsible(false);
    detailSplitter->addWidget(m_detailTree);
    detailSplitter->addWidget(m_registrarPane);
    detailSplitter->setStretchFactor(0, 2);
    detailSplitter->setStretchFactor(1, 3);
    auto *detailLayout = new QVBoxLayout(m_detailBox);
    detailLayout->addWidget(detailSplitter);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_resultsBox);
    splitter->addWidget(m_detailBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(searchRow);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_query, &QLineEdit::returnPressed, this, &RegistryPage::submitSearch);
    connect(m_searchButton, &QPushButton::clicked, this, &RegistryPage::submitSearch);
    connect(m_registrarsButton, &QPushButton::clicked, this, &RegistryPage::listRegistrars);
    connect(m_moreResults, &QPushButton::clicked, this, &RegistryPage::loadMoreResults);
    connect(m_moreLedger, &QPushButton::clicked, this, &RegistryPage::loadMoreLedger);
    connect(m_moreAudit, &QPushButton::clicked, this, &RegistryPage::loadMoreAudit);
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RegistryPage::onResultSelected);
    connect(m_detailTree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openDetailRow(item); });
    connect(m_session, &ConsoleSession::apiReply, this, &RegistryPage::onApiReply);
    connect(m_session, &ConsoleSession::stateChanged, this,
            [this](ConsoleSession::State state, const QString &) { onStateChanged(state); });

    onStateChanged(m_session->state());
    retranslateUi();
}

void RegistryPage::search(const QString &text, ObjectType type, bool contains)
{
    const QString q = text.trimmed();
    if (q.isEmpty()) {
        showMessage(tr("Type part of a name or ID to search for."));
        return;
    }
    m_query->setText(q);
    m_type->setCurrentIndex(int(type));
    m_contains->setChecked(contains);
    m_searchType = type;
    m_searchPath = u"/api/v1/registry/search?type=%1&match=%2&limit=%3&q=%4"_s.arg(
        RegistrySearchModel::typeName(type), contains ? u"contains"_s : u"prefix"_s, QString::number(SearchPageSize), encoded(q));
    m_searchAppends = false;
    m_searchRequest = send(m_searchPath);
    showMessage(tr("Searching…"));
    updateButtons();
}

void RegistryPage::listRegistrars()
{
    m_query->clear();
    m_type->setCurrentIndex(int(ObjectType::Registrar));
    m_searchType = ObjectType::Registrar;
    m_searchPath.clear();
    m_searchAppends = false;
    m_searchRequest = send(u"/api/v1/registry/registrars"_s);
    showMessage(tr("Loading registrars…"));
    updateButtons();
}

void RegistryPage::loadMoreResults()
{
    if (!m_results->hasMore() || m_searchPath.isEmpty())
        return;
    m_searchAppends = true;
    m_searchRequest = send(m_searchPath + u"&cursor="_s + encoded(m_results->nextCursor()));
    updateButtons();
}

void RegistryPage::openObject(ObjectType type, const QString &key)
{
    if (key.isEmpty())
        return;
    m_requestedType = type;
    m_detailRequest = send(u"/api/v1/registry/%1/%2"_s.arg(collectionPath(type), encoded(key)));
    updateButtons();
}

void RegistryPage::loadMoreLedger()
{
    if (m_ledger->hasMore())
        requestActivity(true);
}

void RegistryPage::loadMoreAudit()
{
    if (m_audit->hasMore())
        requestActivity(false);
}

void RegistryPage::requestActivity(bool ledger)
{
    if (m_detailType != ObjectType::Registrar || m_detailKey.isEmpty())
        return;
    RegistrarActivityModel *model = ledger ? m_ledger : m_audit;
    QString path = u"/api/v1/registry/registrars/%1/%2?limit=%3"_s.arg(encoded(m_detailKey), ledger ? u"ledger"_s : u"audit"_s)
                       .arg(ActivityPageSize);
    if (model->hasMore())
        path += u"&before=%1"_s.arg(model->nextBefore());
    (ledger ? m_ledgerRequest : m_auditRequest) = send(path);
    updateButtons();
}

void RegistryPage::clear()
{
    m_searchRequest.clear();
    m_detailRequest.clear();
    m_ledgerRequest.clear();
    m_auditRequest.clear();
    m_searchPath.clear();
    m_results->clear();
    m_ledger->clear();
    m_audit->clear();
    m_detail = {};
    m_detailKey.clear();
    m_detailTree->clear();
    m_registrarPane->hide();
    showMessage(QString());
    updateButtons();
}

QString RegistryPage::messageText() const
{
    return m_messageText;
}

QString RegistryPage::balanceText() const
{
    return m_balance->text();
}

QString RegistryPage::creditLimitText() const
{
    return m_credit->text();
}

bool RegistryPage::isBusy() const
{
    return !m_searchRequest.isEmpty() || !m_detailRequest.isEmpty() || !m_ledgerRequest.isEmpty() || !m_auditRequest.isEmpty();
}

QString RegistryPage::send(const QString &path)
{
    const QString id = RequestPrefix + QString::number(++m_serial);
    m_session->get(path, id);
    return id;
}

void RegistryPage::submitSearch()
{
    const ObjectType type = ObjectType(m_type->currentIndex());
    if (type == ObjectType::Registrar && m_query->text().trimmed().isEmpty()) {
        listRegistrars();
        return;
    }
    search(m_query->text(), type, m_contains->isChecked());
}

void RegistryPage::onResultSelected()
{
    const QModelIndex current = m_resultsView->selectionModel()->currentIndex();
    if (current.isValid())
        openObject(m_results->objectType(), m_results->key(current.row()));
}

void RegistryPage::onStateChanged(ConsoleSession::State state)
{
    const bool connected = state == ConsoleSession::State::Connected || state == ConsoleSession::State::Stale;
    if (connected == m_connected)
        return;
    m_connected = connected;
    if (!connected) {
        // Answers still on their way will not arrive; what is on screen stays, marked as such.
        m_searchRequest.clear();
        m_detailRequest.clear();
        m_ledgerRequest.clear();
        m_auditRequest.clear();
    }
    retranslateUi();
}

void RegistryPage::onApiReply(const QString &requestId, int status, const QJsonObject &body)
{
    if (!requestId.startsWith(RequestPrefix))
        return;
    if (requestId == m_searchRequest) {
        m_searchRequest.clear();
        if (status != 200) {
            showError(status, body);
        } else if (m_searchPath.isEmpty()) {
            // The registrar list: the same rows as a registrar search, all on one page.
            QJsonArray rows;
            const QJsonArray registrars = body.value("registrars"_L1).toArray();
            for (const QJsonValue &r : registrars) {
                const QJsonObject o = r.toObject();
                rows.append(QJsonObject{{u"key"_s, o.value("id"_L1)}, {u"name"_s, o.value("name"_L1)},
                                        {u"registrar"_s, o.value("id"_L1)}, {u"statuses"_s, QJsonArray{o.value("status"_L1)}},
                                        {u"availableCents"_s, o.value("availableCents"_L1)}});
            }
            m_results->setResults(ObjectType::Registrar, rows, QString());
            showMessage(tr("%n registrar(s).", nullptr, int(rows.size())));
        } else {
            const QJsonArray results = body.value("results"_L1).toArray();
            const QString next = body.value("next"_L1).toString();
            if (m_searchAppends)
                m_results->appendResults(results, next);
            else
                m_results->setResults(m_searchType, results, next);
            showMessage(m_results->rowCount() == 0 ? tr("Nothing found.")
                        : m_results->hasMore()     ? tr("%n result(s) so far; more are available.", nullptr, m_results->rowCount())
                                                   : tr("%n result(s).", nullptr, m_results->rowCount()));
        }
    } else if (requestId == m_detailRequest) {
        m_detailRequest.clear();
        if (status != 200) {
            showError(status, body);
        } else {
            m_detailType = m_requestedType;
            showDetail(body);
        }
    } else if (requestId == m_ledgerRequest || requestId == m_auditRequest) {
        const bool ledger = requestId == m_ledgerRequest;
        (ledger ? m_ledgerRequest : m_auditRequest).clear();
        if (status != 200) {
            showError(status, body);
        } else {
            const QJsonValue next = body.value("next"_L1);
            (ledger ? m_ledger : m_audit)->appendPage(body.value("entries"_L1).toArray(), next.isDouble() ? next.toInteger() : -1);
        }
    }
    updateButtons();
}

void RegistryPage::showDetail(const QJsonObject &detail)
{
    m_detail = detail;
    m_detailKey = m_detailType == ObjectType::Domain || m_detailType == ObjectType::Host ? detail.value("name"_L1).toString()
                                                                                        : detail.value("id"_L1).toString();
    const bool registrar = m_detailType == ObjectType::Registrar;
    m_registrarPane->setVisible(registrar);
    // Pages still on their way belong to the previous object.
    m_ledgerRequest.clear();
    m_auditRequest.clear();
    m_ledger->clear();
    m_audit->clear();
    if (registrar) {
        m_balance->setText(RegistryFormat::money(detail.value("balanceCents"_L1).toInteger()));
        m_credit->setText(RegistryFormat::money(detail.value("creditLimitCents"_L1).toInteger()));
        m_available->setText(RegistryFormat::money(detail.value("availableCents"_L1).toInteger()));
        requestActivity(true);
        requestActivity(false);
    } else {
        m_balance->clear();
        m_credit->clear();
        m_available->clear();
    }
    retranslateUi();   // the title and the tree, in the current language
}

void RegistryPage::addField(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_detailTree);
    item->setText(0, fieldLabel(key));
    item->setData(0, Qt::UserRole, key);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool allStrings = true;
        for (const QJsonValue &v : array)
            allStrings = allStrings && v.isString();
        if (allStrings) {
            QStringList parts;
            for (const QJsonValue &v : array)
                parts.append(v.toString());
            item->setText(1, parts.isEmpty() ? u"—"_s : parts.join(u", "_s));
            item->setToolTip(1, parts.join(u'\n'));
            // Names of other objects: one row each, so each can be opened.
            if (const auto type = linkedType(key); type && !parts.isEmpty()) {
                for (const QString &part : std::as_const(parts)) {
                    auto *child = new QTreeWidgetItem(item);
                    child->setText(1, part);
                    setLink(child, *type, part);
                }
            }
            return;
        }
        item->setText(1, tr("%n item(s)", nullptr, int(array.size())));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject o = array.at(i).toObject();
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, QString::number(i + 1));
            QStringList summary;
            const QStringList keys = orderedKeys(o);
            for (const QString &k : keys) {
                addField(child, k, o.value(k));
                if (o.value(k).isString() && summary.size() < 2)
                    summary.append(o.value(k).toString());
            }
            child->setText(1, summary.join(u" · "_s));
            if (key == "contacts"_L1 && o.value("id"_L1).isString())
                setLink(child, ObjectType::Contact, o.value("id"_L1).toString());
        }
        return;
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const QStringList keys = orderedKeys(o);
        for (const QString &k : keys)
            addField(item, k, o.value(k));
        return;
    }
    QString text;
    if (value.isNull() || value.isUndefined())
        text = u"—"_s;
    else if (value.isBool())
        text = value.toBool() ? tr("yes") : tr("no");
    else if (value.isDouble())
        text = key.endsWith("Cents"_L1) ? RegistryFormat::money(value.toInteger()) : QString::number(value.toInteger());
    else if (key.endsWith("At"_L1) || key == "notAfter"_L1 || key == "lockedUntil"_L1)
        text = RegistryFormat::time(value);
    else
        text = value.toString();
    item->setText(1, text.isEmpty() ? u"—"_s : text);
    item->setToolTip(1, value.isString() ? value.toString() : text);
    if (const auto type = linkedType(key); type && value.isString() && !value.toString().isEmpty())
        setLink(item, *type, value.toString());
}

QString RegistryPage::fieldLabel(const QString &key) const
{
    const int i = fieldRank(key);
    return i < int(std::size(FieldLabels)) ? tr(FieldLabels[i].text) : key;
}

bool RegistryPage::openDetailRow(QTreeWidgetItem *item)
{
    if (!item || !item->data(0, LinkTypeRole).isValid())
        return false;
    openObject(ObjectType(item->data(0, LinkTypeRole).toInt()), item->data(0, LinkKeyRole).toString());
    return true;
}

QTreeWidgetItem *RegistryPage::findDetailRow(const QString &key) const
{
    for (QTreeWidgetItemIterator it(m_detailTree); *it; ++it) {
        if ((*it)->data(0, LinkKeyRole).toString() == key)
            return *it;
    }
    return nullptr;
}

void RegistryPage::showError(int status, const QJsonObject &body)
{
    const QString message = body.value("error"_L1).toObject().value("message"_L1).toString();
    QString text;
    if (status == 403)
        text = tr("Not allowed for your role: %1").arg(message);
    else if (status == 404)
        text = tr("Not found: %1").arg(message);
    else if (status == 0)
        text = tr("No answer from the engine: %1").arg(message);
    else
        text = tr("The engine refused the request (%1): %2").arg(status).arg(message);
    showMessage(text, true);
}

void RegistryPage::showMessage(const QString &text, bool problem)
{
    m_showingHint = false;
    m_messageText = text;
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, problem ? StatusPalette::text(StatusPalette::Severity::Warning)
                                               : palette().color(QPalette::WindowText));
    m_message->setPalette(pal);
}

void RegistryPage::updateButtons()
{
    for (QWidget *w : {static_cast<QWidget *>(m_query), static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_contains),
                       static_cast<QWidget *>(m_searchButton), static_cast<QWidget *>(m_registrarsButton)})
        w->setEnabled(m_connected);
    m_moreResults->setEnabled(m_connected && m_results->hasMore() && m_searchRequest.isEmpty());
    m_moreResults->setVisible(m_results->hasMore());
    m_moreLedger->setEnabled(m_connected && m_ledger->hasMore() && m_ledgerRequest.isEmpty());
    m_moreLedger->setVisible(m_ledger->hasMore());
    m_moreAudit->setEnabled(m_connected && m_audit->hasMore() && m_auditRequest.isEmpty());
    m_moreAudit->setVisible(m_audit->hasMore());
}

void RegistryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RegistryPage::retranslateUi()
{
    m_query->setPlaceholderText(tr("Domain, host, contact ID or registrar"));
    m_type->setItemText(int(ObjectType::Domain), tr("Domains"));
    m_type->setItemText(int(ObjectType::Host), tr("Hosts"));
    m_type->setItemText(int(ObjectType::Contact), tr("Contacts"));
    m_type->setItemText(int(ObjectType::Registrar), tr("Registrars"));
    m_contains->setText(tr("Match anywhere"));
    m_contains->setToolTip(tr("Find names that contain the text anywhere, not only at the start (slower on a large registry)"));
    m_searchButton->setText(tr("Search"));
    m_registrarsButton->setText(tr("All registrars"));
    m_resultsBox->setTitle(tr("Results"));
    m_moreResults->setText(tr("Load more"));
    m_moreLedger->setText(tr("Load older entries"));
    m_moreAudit->setText(tr("Load older entries"));
    m_detailTree->setHeaderLabels({tr("Field"), tr("Value")});
    m_detailTree->setToolTip(tr("Double-click an underlined value to open that object"));
    m_balanceLabel->setText(tr("Balance:"));
    m_creditLabel->setText(tr("Credit limit:"));
    m_availableLabel->setText(tr("Available:"));
    m_activityTabs->setTabText(0, tr("Ledger"));
    m_activityTabs->setTabText(1, tr("XRP audit trail"));
    QString detailTitle = tr("Details");
    if (!m_detailKey.isEmpty()) {
        switch (m_detailType) {
        case ObjectType::Domain: detailTitle = tr("Domain %1").arg(m_detailKey); break;
        case ObjectType::Host: detailTitle = tr("Host %1").arg(m_detailKey); break;
        case ObjectType::Contact: detailTitle = tr("Contact %1").arg(m_detailKey); break;
        case ObjectType::Registrar: detailTitle = tr("Registrar %1").arg(m_detailKey); break;
        }
    }
    m_detailBox->setTitle(detailTitle);
    if (!m_detail.isEmpty()) {
        // Labels are translated when the tree is built; rebuild it in the new language.
        m_detailTree->clear();
        const QStringList keys = orderedKeys(m_detail);
        for (const QString &k : keys) {
            if (!hiddenField(k))
                addField(nullptr, k, m_detail.value(k));
        }
        m_detailTree->expandToDepth(0);
    }
    if (!m_connected) {
        showMessage(tr("Not connected. Connect to a registry engine to search its domains, hosts, contacts and registrars."));
        m_showingHint = true;
    } else if (m_showingHint) {
        showMessage(tr("Search by the start of a name or ID, or list all registrars."));
        m_showingHint = true;
    }
    m_results->retranslate();
    m_ledger->retranslate();
    m_audit->retranslate();
    updateButtons();
}

} // namespace noc
