#include "connectdialog.h"

#include "net/profilestore.h"
#include "widgets/statuspalette.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

QWidget *withButton(QLineEdit *edit, QPushButton *button, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

bool isFingerprint(const QString &text)
{
    // Accept both the colon-separated form the console shows and the bare 64 hex digits of
    // "openssl x509 -fingerprint" output with the colons stripped.
    static const QRegularExpression re(u"^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{64}$"_s);
    return re.match(text).hasMatch();
}

} // namespace

ConnectDialog::ConnectDialog(const QList<ConnectionProfile> &profiles, const QString &selectedName, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
{
    setWindowTitle(tr("Connect to a registry engine"));
    buildUi();
    int row = 0;
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        m_list->addItem(m_profiles.at(i).name);
        if (m_profiles.at(i).name == selectedName)
            row = int(i);
    }
    if (m_profiles.isEmpty())
        addProfile();
    else
        m_list->setCurrentRow(row);
    updateState();
}

ConnectionProfile ConnectDialog::selectedProfile() const
{
    return m_current >= 0 ? m_profiles.at(m_current) : ConnectionProfile{};
}

QString ConnectDialog::validate(const ConnectionProfile &p, const QList<ConnectionProfile> &others)
{
    if (p.name.trimmed().isEmpty())
        return tr("Give the profile a name.");
    if (p.name != p.name.trimmed())
        return tr("The profile name must not start or end with spaces.");
    for (const ConnectionProfile &other : others) {
        if (other.name == p.name)
            return tr("Another profile is already called \"%1\".").arg(p.name);
    }
    if (p.apiHost.trimmed().isEmpty() || p.apiHost.contains(QLatin1Char(' ')))
        return tr("Enter the host name or address of the management API.");
    if (p.apiPort == 0)
        return tr("Enter the port of the management API.");
    if (p.user.trimmed().isEmpty())
        return tr("Enter the user name to log in with.");
    if (!p.caFile.isEmpty()) {
        const QFileInfo ca(p.caFile);
        if (!ca.isFile() || !ca.isReadable())
            return tr("The CA certificate file %1 does not exist or cannot be read.").arg(p.caFile);
    }
    if (!p.pinnedSha256.isEmpty() && !isFingerprint(p.pinnedSha256))
        return tr("The pinned fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits).");
    if (p.transport == ConnectionProfile::Transport::SshTunnel) {
        if (p.sshHost.trimmed().isEmpty() || p.sshHost.contains(QLatin1Char(' ')))
            return tr("Enter the SSH server to tunnel through.");
        if (p.sshPort == 0)
            return tr("Enter the SSH server's port.");
        if (p.sshUser.trimmed().isEmpty())
            return tr("Enter the SSH user name.");
        if (p.sshAuth == ConnectionProfile::SshAuth::PublicKey) {
            if (p.sshKeyFile.isEmpty())
                return tr("Choose the SSH private key file.");
            const QFileInfo key(p.sshKeyFile);
            if (!key.isFile() || !key.isReadable())
                return tr("The SSH key file %1 does not exist or cannot be read.").arg(p.sshKeyFile);
        }
    }
    // The store has the last word: a profile it would refuse to save must not look fine here.
    const reg::Result<void> stored = ProfileStore::validate(p);
    return stored.ok() ? QString() : stored.error().message;
}

void ConnectDialog::buildUi()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(u"profileList"_s);
    m_list->setMinimumWidth(180);
    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(u"addProfile"_s);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(u"removeProfile"_s);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Profiles"), this));
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_editor = new QGroupBox(tr("Profile"), this);
    auto *form = new QFormLayout(m_editor);
    m_name = new QLineEdit(m_editor);
    m_name->setObjectName(u"profileName"_s);
    form->addRow(tr("Name:"), m_name);
    m_transport = new QComboBox(m_editor);
    m_transport->setObjectName(u"transport"_s);
    m_transport->addItem(tr("Direct TLS"));
    m_transport->addItem(tr("SSH tunnel"));
    form->addRow(tr("Transport:"), m_transport);
    m_apiHost = new QLineEdit(m_editor);
    m_apiHost->setObjectName(u"apiHost"_s);
    m_apiHost->setToolTip(tr("For an SSH tunnel, the address as seen from the SSH server (usually 127.0.0.1)."));
    form->addRow(tr("API host:"), m_apiHost);
    m_apiPort = new QSpinBox(m_editor);
    m_apiPort->setObjectName(u"apiPort"_s);
    m_apiPort->setRange(1, 65535);
    form->addRow(tr("API port:"), m_apiPort);
    m_user = new QLineEdit(m_editor);
    m_user->setObjectName(u"user"_s);
    form->addRow(tr("User:"), m_user);
    m_caFile = new QLineEdit(m_editor);
    m_caFile->setObjectName(u"caFile"_s);
    m_caFile->setPlaceholderText(tr("none: use the pinned fingerprint, or ask"));
    auto *caBrowse = new QPushButton(tr("Browse…"), m_editor);
    form->addRow(tr("CA certificate:"), withButton(m_caFile, caBrowse, m_editor));
    m_pinned = new QLineEdit(m_editor);
    m_pinned->setObjectName(u"pinnedFingerprint"_s);
    m_pinned->setReadOnly(true);
    m_pinned->setPlaceholderText(tr("none pinned"));
    m_pinned->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_forgetPin = new QPushButton(tr("Forget"), m_editor);
    m_forgetPin->setToolTip(tr("Forget the pinned certificate; the next connection asks again."));
    form->addRow(tr("Pinned certificate:"), withButton(m_pinned, m_forgetPin, m_editor));

    m_sshBox = new QGroupBox(tr("SSH tunnel"), m_editor);
    auto *sshForm = new QFormLayout(m_sshBox);
    m_sshHost = new QLineEdit(m_sshBox);
    m_sshHost->setObjectName(u"sshHost"_s);
    sshForm->addRow(tr("SSH host:"), m_sshHost);
    m_sshPort = new QSpinBox(m_sshBox);
    m_sshPort->setObjectName(u"sshPort"_s);
    m_sshPort->setRange(1, 65535);
    sshForm->addRow(tr("SSH port:"), m_sshPort);
    m_sshUser = new QLineEdit(m_sshBox);
    m_sshUser->setObjectName(u"sshUser"_s);
    sshForm->addRow(tr("SSH user:"), m_sshUser);
    m_sshAuth = new QComboBox(m_sshBox);
    m_sshAuth->setObjectName(u"sshAuth"_s);
    m_sshAuth->addItem(tr("Public key"));
    m_sshAuth->addItem(tr("Password"));
    sshForm->addRow(tr("Authentication:"), m_sshAuth);
    m_sshKey = new QLineEdit(m_sshBox);
    m_sshKey->setObjectName(u"sshKeyFile"_s);
    m_sshKeyBrowse = new QPushButton(tr("Browse…"), m_sshBox);
    sshForm->addRow(tr("Private key:"), withButton(m_sshKey, m_sshKeyBrowse, m_sshBox));
    m_knownHosts = new QLineEdit(m_sshBox);
    m_knownHosts->setObjectName(u"knownHostsFile"_s);
    m_knownHosts->setPlaceholderText(tr("~/.ssh/known_hosts"));
    auto *knownBrowse = new QPushButton(tr("Browse…"), m_sshBox);
    sshForm->addRow(tr("Known hosts file:"), withButton(m_knownHosts, knownBrowse, m_sshBox));
    form->addRow(m_sshBox);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, StatusPalette::text(StatusPalette::Severity::Critical));
    m_problem->setPalette(pal);

    m_buttons = new QDialogButtonBox(this);
    m_connect = m_buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"connectButton"_s);
    m_connect->setDefault(true);
    m_save = m_buttons->addButton(QDialogButtonBox::Save);
    m_buttons->addButton(QDialogButtonBox::Cancel);

    auto *right = new QVBoxLayout;
    right->addWidget(m_editor, 1);
    right->addWidget(m_problem);
    auto *top = new QHBoxLayout;
    top->addLayout(left);
    top->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_buttons);
    resize(760, 560);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectDialog::select);
    connect(m_add, &QPushButton::clicked, this, &ConnectDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectDialog::removeProfile);
    for (QLineEdit *edit : {m_name, m_apiHost, m_user, m_caFile, m_sshHost, m_sshUser, m_sshKey, m_knownHosts})
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::onEdited);
    for (QSpinBox *spin : {m_apiPort, m_sshPort})
        connect(spin, &QSpinBox::valueChanged, this, &ConnectDialog::onEdited);
    for (QComboBox *combo : {m_transport, m_sshAuth})
        connect(combo, &QComboBox::currentIndexChanged, this, &ConnectDialog::onEdited);
    connect(m_forgetPin, &QPushButton::clicked, this, [this] {
        m_pinned->clear();
        onEdited();
    });
    connect(caBrowse, &QPushButton::clicked, this, [this] {
        chooseFile(m_caFile, tr("Choose the CA certificate"), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    });
    connect(m_sshKeyBrowse, &QPushButton::clicked, this, [this] {
        chooseFile(m_sshKey, tr("Choose the SSH private key"), tr("All files (*)"));
    });
    connect(knownBrowse, &QPushButton::clicked, this, [this] {
        chooseFile(m_knownHosts, tr("Choose the known hosts file"), tr("All files (*)"));
    });
    connect(m_save, &QPushButton::clicked, this, [this] { Q_EMIT profilesChanged(m_profiles); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT profilesChanged(m_profiles);
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ConnectDialog::select(int row)
{
    m_current = (row >= 0 && row < m_profiles.size()) ? row : -1;
    m_editor->setEnabled(m_current >= 0);
    if (m_current >= 0)
        loadEditor(m_profiles.at(m_current));
    updateState();
}

void ConnectDialog::loadEditor(const ConnectionProfile &p)
{
    m_loading = true;
    m_name->setText(p.name);
    m_transport->setCurrentIndex(p.transport == ConnectionProfile::Transport::SshTunnel ? 1 : 0);
    m_apiHost->setText(p.apiHost);
    m_apiPort->setValue(p.apiPort);
    m_user->setText(p.user);
    m_caFile->setText(p.caFile);
    m_pinned->setText(p.pinnedSha256);
    m_sshHost->setText(p.sshHost);
    m_sshPort->setValue(p.sshPort);
    m_sshUser->setText(p.sshUser);
    m_sshAuth->setCurrentIndex(p.sshAuth == ConnectionProfile::SshAuth::Password ? 1 : 0);
    m_sshKey->setText(p.sshKeyFile);
    m_knownHosts->setText(p.knownHostsFile);
    m_loading = false;
}

ConnectionProfile ConnectDialog::editorProfile() const
{
    ConnectionProfile p;
    p.name = m_name->text();
    p.transport = m_transport->currentIndex() == 1 ? ConnectionProfile::Transport::SshTunnel
                                                   : ConnectionProfile::Transport::DirectTls;
    p.apiHost = m_apiHost->text().trimmed();
    p.apiPort = quint16(m_apiPort->value());
    p.user = m_user->text().trimmed();
    p.caFile = m_caFile->text().trimmed();
    p.pinnedSha256 = m_pinned->text();
    p.sshHost = m_sshHost->text().trimmed();
    p.sshPort = quint16(m_sshPort->value());
    p.sshUser = m_sshUser->text().trimmed();
    p.sshAuth = m_sshAuth->currentIndex() == 1 ? ConnectionProfile::SshAuth::Password
                                               : ConnectionProfile::SshAuth::PublicKey;
    p.sshKeyFile = m_sshKey->text().trimmed();
    p.knownHostsFile = m_knownHosts->text().trimmed();
    return p;
}

void ConnectDialog::onEdited()
{
    if (m_loading || m_current < 0)
        return;
    m_profiles[m_current] = editorProfile();
    if (QListWidgetItem *item = m_list->item(m_current))
        item->setText(m_profiles.at(m_current).name);
    updateState();
}

void ConnectDialog::addProfile()
{
    ConnectionProfile p;
    p.name = uniqueName(tr("New profile"));
    m_profiles.append(p);
    m_list->addItem(p.name);
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectDialog::removeProfile()
{
    if (m_current < 0)
        return;
    const int row = m_current;
    m_profiles.removeAt(row);
    // Removing the current item moves the selection; select() then loads the new current profile.
    delete m_list->takeItem(row);
    if (m_profiles.isEmpty())
        select(-1);
}

void ConnectDialog::chooseFile(QLineEdit *target, const QString &title, const QString &filter)
{
    const QString start = target->text().isEmpty() ? QDir::homePath() : QFileInfo(target->text()).absolutePath();
    auto *dialog = new QFileDialog(this, title, start, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, target, [target](const QString &file) { target->setText(file); });
    dialog->open();
}

void ConnectDialog::updateState()
{
    const bool ssh = m_transport->currentIndex() == 1;
    m_sshBox->setVisible(ssh);
    const bool key = m_sshAuth->currentIndex() == 0;
    m_sshKey->setEnabled(key);
    m_sshKeyBrowse->setEnabled(key);
    m_forgetPin->setEnabled(!m_pinned->text().isEmpty());
    m_remove->setEnabled(m_current >= 0);

    QString problem;
    for (qsizetype i = 0; i < m_profiles.size() && problem.isEmpty(); ++i) {
        QList<ConnectionProfile> others = m_profiles;
        others.removeAt(i);
        const QString why = validate(m_profiles.at(i), others);
        if (!why.isEmpty())
            problem = i == m_current ? why : tr("Profile \"%1\": %2").arg(m_profiles.at(i).name, why);
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_save->setEnabled(problem.isEmpty());
    m_connect->setEnabled(problem.isEmpty() && m_current >= 0);
}

QString ConnectDialog::uniqueName(const QString &base) const
{
    auto taken = [this](const QString &name) {
        return std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                           [&](const ConnectionProfile &p) { return p.name == name; });
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = u"%1 %2"_s.arg(base).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace noc
