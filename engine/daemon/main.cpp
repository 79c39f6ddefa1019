#include "daemon/commandline.h"

#include "core/logging.h"

#include <QCoreApplication>

// The composition root: an application object, the log handler, and the command line; everything
// else lives in the libraries so tests exercise the code that ships.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("registryd"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(REGISTRY_VERSION));
    reg::installStderrMessageHandler();
    return reg::daemon::CommandLine::run(QCoreApplication::arguments());
}
