#include "logging.h"

#include <QByteArray>
#include <QString>

#include <cstdio>

Q_LOGGING_CATEGORY(lcCore, "registry.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "registry.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJournal, "registry.journal", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "registry.admin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "registry.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSetup, "registry.setup", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDaemon, "registry.daemon", QtInfoMsg)
Q_LOGGING_CATEGORY(lcXrp, "registry.xrp", QtInfoMsg)

namespace reg {
namespace {

int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 7;
    case QtInfoMsg: return 6;
    case QtWarningMsg: return 4;
    case QtCriticalMsg: return 3;
    case QtFatalMsg: return 2;
    }
    return 6;
}

void stderrHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QByteArray text = message.toUtf8();
    text.replace('\n', "\\n");
    const char *category = context.category ? context.category : "default";
    std::fprintf(stderr, "<%d>%s: %s\n", syslogPriority(type), category, text.constData());
    std::fflush(stderr);
}

} // namespace

void installStderrMessageHandler()
{
    qInstallMessageHandler(stderrHandler);
}

} // namespace reg
