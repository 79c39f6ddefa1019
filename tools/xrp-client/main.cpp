// xrp-client: a registrar's command-line EPP client for the XRP port. See xrpclientoptions.cpp (--help).
#include "xrpclientoptions.h"
#include "xrpclientrunner.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xrp-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REGISTRY_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    using namespace reg::xrpclienttool;
    reg::Result<XrpClientOptions> options = XrpClientOptions::parse(QCoreApplication::arguments());
    if (!options) {
        err << "xrp-client: " << options.error().message << Qt::endl;
        return ExitUsage;
    }
    return runXrpClient(*options, out, err);
}
