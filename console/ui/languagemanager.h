#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace noc {

// Chooses the console's language: the system locale by default, or the operator's choice saved in
// QSettings ("ui/language"). Installing a translator makes Qt send LanguageChange to every widget,
// so windows retranslate live without a restart. Loads the console's own catalogue (embedded) and
// Qt's for standard dialogs when the system has it.
// GUI thread; one per application, owned by main() (or a test).
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // Language codes the console ships a translation for; "en" is the source language.
    static QStringList supportedLanguages();
    // The native name of a language, for menus ("Deutsch").
    static QString nativeName(const QString &code);

    // The saved preference: a code from supportedLanguages(), or empty for "follow the system".
    QString preference() const;
    // Saves the preference and applies it. Returns false (and changes nothing) for an unknown code.
    bool setPreference(const QString &code);
    // Applies a language for this run only (the --language option); nothing is saved.
    bool applyLanguage(const QString &code);
    // Applies the saved preference.
    void applyPreference();

    // The language in effect ("en", "de", "fr").
    QString currentLanguage() const { return m_current; }

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    static QString systemLanguage();
    void install(const QString &code);

    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    QString m_current;
};

} // namespace noc
