#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLanguage, "noc.ui.language")

namespace noc {

namespace {
constexpr auto SettingsKey = "ui/language"_L1;
} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

QStringList LanguageManager::supportedLanguages()
{
    return {u"en"_s, u"de"_s, u"fr"_s};
}

QString LanguageManager::nativeName(const QString &code)
{
    // Each language is named in itself so that someone stuck in a language they cannot read still
    // finds their own.
    if (code == "en"_L1) return u"English"_s;
    if (code == "de"_L1) return u"Deutsch"_s;
    if (code == "fr"_L1) return u"Français"_s;
    return code;
}

QString LanguageManager::preference() const
{
    const QString saved = QSettings().value(SettingsKey).toString();
    return supportedLanguages().contains(saved) ? saved : QString();
}

bool LanguageManager::setPreference(const QString &code)
{
    if (!code.isEmpty() && !supportedLanguages().contains(code))
        return false;
    QSettings settings;
    if (code.isEmpty())
        settings.remove(SettingsKey);
    else
        settings.setValue(SettingsKey, code);
    install(code.isEmpty() ? systemLanguage() : code);
    return true;
}

bool LanguageManager::applyLanguage(const QString &code)
{
    if (!supportedLanguages().contains(code))
        return false;
    install(code);
    return true;
}

void LanguageManager::applyPreference()
{
    const QString saved = preference();
    install(saved.isEmpty() ? systemLanguage() : saved);
}

QString LanguageManager::systemLanguage()
{
    // uiLanguages() is the user's ordered preference list ("de-AT", "de", "en-US"...); the first one
    // we have a translation for wins, so an Austrian user gets German rather than English.
    const QStringList wanted = QLocale::system().uiLanguages();
    for (const QString &tag : wanted) {
        const QString language = QLocale(tag).name().section(QLatin1Char('_'), 0, 0);
        if (supportedLanguages().contains(language))
            return language;
    }
    return u"en"_s;
}

void LanguageManager::install(const QString &code)
{
    if (code == m_current)
        return;
    if (m_appTranslator) {
        QCoreApplication::removeTranslator(m_appTranslator.get());
        m_appTranslator.reset();
    }
    if (m_qtTranslator) {
        QCoreApplication::removeTranslator(m_qtTranslator.get());
        m_qtTranslator.reset();
    }
    m_current = code;
    QLocale::setDefault(QLocale(code));

    // English is loaded too: its catalogue holds the plural forms ("1 day", "2 days").
    auto app = std::make_unique<QTranslator>();
    if (app->load(u":/i18n/noc-console_"_s + code))
        m_appTranslator = std::move(app);
    else
        qCWarning(lcLanguage, "no embedded translation for %s; showing the source texts", qUtf8Printable(code));
    if (code != "en"_L1) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            m_qtTranslator = std::move(qt);
    }
    // Installing (or removing) a translator posts LanguageChange to every widget.
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    if (m_appTranslator)
        QCoreApplication::installTranslator(m_appTranslator.get());
    Q_EMIT languageChanged(code);
}

} // namespace noc
