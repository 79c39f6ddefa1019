#pragma once

#include "net/connectionprofile.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace noc {

// Lets the operator manage connection profiles (add, edit, remove) and pick one to connect with.
// Works on a copy of the profiles; the caller persists profiles() when profilesChanged or accepted
// is emitted. A profile that would not work (no host, duplicate name, SSH without a host...) is
// explained inline and cannot be used or saved. Holds no secrets.
// GUI thread; owned by its parent window.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectDialog(const QList<ConnectionProfile> &profiles, const QString &selectedName, QWidget *parent);

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    ConnectionProfile selectedProfile() const;

    // Why the profile cannot be used, or empty when it is fine. others: the remaining profiles.
    static QString validate(const ConnectionProfile &profile, const QList<ConnectionProfile> &others);

Q_SIGNALS:
    // The user pressed Save (or Connect): persist profiles().
    void profilesChanged(const QList<noc::ConnectionProfile> &profiles);

private:
    void buildUi();
    void select(int row);
    void loadEditor(const ConnectionProfile &profile);
    ConnectionProfile editorProfile() const;
    void onEdited();
    void addProfile();
    void removeProfile();
    void chooseFile(QLineEdit *target, const QString &title, const QString &filter);
    void updateState();
    QString uniqueName(const QString &base) const;

    QList<ConnectionProfile> m_profiles;
    int m_current = -1;
    bool m_loading = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QGroupBox *m_editor = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_transport = nullptr;
    QLineEdit *m_apiHost = nullptr;
    QSpinBox *m_apiPort = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_pinned = nullptr;
    QPushButton *m_forgetPin = nullptr;
    QGroupBox *m_sshBox = nullptr;
    QLineEdit *m_sshHost = nullptr;
    QSpinBox *m_sshPort = nullptr;
    QLineEdit *m_sshUser = nullptr;
    QComboBox *m_sshAuth = nullptr;
    QLineEdit *m_sshKey = nullptr;
    QPushButton *m_sshKeyBrowse = nullptr;
    QLineEdit *m_knownHosts = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace noc
