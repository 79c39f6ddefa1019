#pragma once

#include "net/connectionprofile.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace noc {

// Asks for the secrets a connection needs — the management API password and, for an SSH tunnel,
// the SSH password or key passphrase — just before connecting. Nothing typed here is ever saved;
// the fields are cleared when the dialog closes. Shown with open().
// GUI thread; owned by its parent window, deletes itself on close.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    PasswordDialog(const ConnectionProfile &profile, QWidget *parent);

    ConnectionProfile profile() const { return m_profile; }

Q_SIGNALS:
    // Emitted once, on OK; the receiver takes the secrets and must not keep them longer than needed.
    void secretsEntered(const noc::ConnectionProfile &profile, const QString &password, const QString &sshSecret);

private:
    void done(int result) override;

    ConnectionProfile m_profile;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_sshSecret = nullptr;
};

} // namespace noc
