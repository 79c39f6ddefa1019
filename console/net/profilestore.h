#pragma once

#include "connectionprofile.h"

#include <core/result.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace noc {

// Loads and saves connection profiles in QSettings under the "profiles" array. Only the fields of
// ConnectionProfile are written, and that struct holds no secret: passwords and key passphrases are
// asked at connect time and never reach the settings file.
// Used on the GUI thread; the QSettings object belongs to the caller and must outlive the store.
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(noc::ProfileStore)

public:
    explicit ProfileStore(QSettings *settings);

    // Every well-formed profile; entries that cannot be read (edited by hand, written by a newer
    // console) are skipped and described in loadProblems().
    QList<ConnectionProfile> load();
    QStringList loadProblems() const { return m_loadProblems; }

    // Replaces all saved profiles. Refuses, writing nothing, if any profile is invalid or two share
    // a name; fails if the settings file cannot be written.
    reg::Result<void> save(const QList<ConnectionProfile> &profiles);

    // Why this profile cannot be used (empty name, missing SSH host, ...), or success.
    static reg::Result<void> validate(const ConnectionProfile &profile);

    static QString transportName(ConnectionProfile::Transport transport);
    static QString sshAuthName(ConnectionProfile::SshAuth auth);

private:
    QSettings *m_settings;
    QStringList m_loadProblems;
};

} // namespace noc
