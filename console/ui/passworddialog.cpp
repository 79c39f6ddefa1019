#include "passworddialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace noc {

PasswordDialog::PasswordDialog(const ConnectionProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
{
    setWindowTitle(tr("Log in to %1").arg(profile.name));
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(true);

    const bool ssh = profile.transport == ConnectionProfile::Transport::SshTunnel;
    const QString target = ssh ? tr("%1:%2 through SSH to %3@%4")
                                     .arg(profile.apiHost)
                                     .arg(profile.apiPort)
                                     .arg(profile.sshUser, profile.sshHost)
                               : u"%1:%2"_s.arg(profile.apiHost).arg(profile.apiPort);
    auto *intro = new QLabel(tr("Connecting to the registry engine at %1.").arg(target), this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *user = new QLabel(profile.user, this);
    user->setTextFormat(Qt::PlainText);
    form->addRow(tr("User:"), user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"apiPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    form->addRow(tr("Password:"), m_password);

    if (ssh) {
        m_sshSecret = new QLineEdit(this);
        m_sshSecret->setObjectName(u"sshSecret"_s);
        m_sshSecret->setEchoMode(QLineEdit::Password);
        m_sshSecret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
        if (profile.sshAuth == ConnectionProfile::SshAuth::Password) {
            form->addRow(tr("SSH password:"), m_sshSecret);
        } else {
            m_sshSecret->setPlaceholderText(tr("leave empty if the key has none"));
            form->addRow(tr("Key passphrase:"), m_sshSecret);
        }
    }

    auto *note = new QLabel(tr("Passwords are kept in memory for automatic reconnects and never saved."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_password, &QLineEdit::textChanged, ok, [ok](const QString &text) { ok->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_password->setFocus();
}

void PasswordDialog::done(int result)
{
    if (result == QDialog::Accepted)
        Q_EMIT secretsEntered(m_profile, m_password->text(), m_sshSecret ? m_sshSecret->text() : QString());
    // QLineEdit keeps its text (and undo history) in memory until destroyed; clear both now.
    m_password->clear();
    if (m_sshSecret)
        m_sshSecret->clear();
    QDialog::done(result);
}

} // namespace noc
