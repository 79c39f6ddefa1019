// noc-console: parses the command line, picks the language and opens the main window. Everything
// else lives in noc_ui so that tests run the same code.

#include "net/profilestore.h"
#include "ui/commandline.h"
#include "ui/languagemanager.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"registry"_s);
    QApplication::setApplicationName(u"noc-console"_s);
    QApplication::setApplicationDisplayName(u"NOC Console"_s);
    QApplication::setApplicationVersion(QStringLiteral(REGISTRY_VERSION));
    QApplication::setDesktopFileName(u"noc-console"_s);

    noc::LanguageManager language;
    language.applyPreference();

    QString message;
    int exitCode = 0;
    const std::optional<noc::CommandLineOptions> options =
        noc::CommandLineOptions::parse(QApplication::arguments(), &message, &exitCode);
    if (!options) {
        if (exitCode == 0)
            std::fputs(qPrintable(message), stdout);
        else
            std::fprintf(stderr, "noc-console: %s\n", qPrintable(message));
        return exitCode;
    }
    if (!options->language.isEmpty())
        language.applyLanguage(options->language);

    // Resolve everything the command line asks for before showing anything, so a mistake is
    // reported on the terminal that made it rather than in a dialog behind other windows.
    std::optional<noc::ConnectionProfile> profile;
    std::optional<QString> password;
    if (options->wantsConnection()) {
        QSettings settings;
        noc::ProfileStore store(&settings);
        profile = options->resolveProfile(store.load(), &message);
        if (!profile) {
            std::fprintf(stderr, "noc-console: %s\n", qPrintable(message));
            return 2;
        }
        if (!options->passwordFile.isEmpty()) {
            password = noc::readPasswordFile(options->passwordFile, &message);
            if (!password) {
                std::fprintf(stderr, "noc-console: %s\n", qPrintable(message));
                return 2;
            }
        }
    }

    noc::MainWindow window(&language);
    window.show();

    if (profile && password)
        window.connectToEngine(*profile, *password);
    else if (profile)
        QTimer::singleShot(0, &window, [&window, p = *profile] { window.askSecretsAndConnect(p); });
    else if (!window.profiles().isEmpty())
        QTimer::singleShot(0, &window, &noc::MainWindow::showConnectDialog);
    password.reset();

    return app.exec();
}
