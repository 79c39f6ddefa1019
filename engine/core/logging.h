#pragma once

#include <QLoggingCategory>

// Logging categories shared by the engine. Each library declares its own category here so an
// operator can turn one area up with QT_LOGGING_RULES="registry.store.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcJournal)
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
Q_DECLARE_LOGGING_CATEGORY(lcSetup)
Q_DECLARE_LOGGING_CATEGORY(lcDaemon)
Q_DECLARE_LOGGING_CATEGORY(lcXrp)

namespace reg {

// Routes Qt messages to stderr as single lines with an sd-daemon priority prefix ("<4>"), which
// journald turns into the message priority; outside systemd the prefix is still readable.
// Newlines in messages are escaped so one message is always one journal entry.
void installStderrMessageHandler();

} // namespace reg
