#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace noc {

// Asks the operator whether to trust something the console cannot verify on its own: an unknown
// server certificate (TLS) or an unknown SSH host key. Shows the SHA-256 fingerprint prominently so
// it can be compared with one read out of band. Cancel is the default button: pressing Enter must
// never trust anything. Shown with open(), never exec(), so the event loop keeps running.
// GUI thread; owned by its parent window, deletes itself on close.
class TrustDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Decision { Reject, Once, Remember };
    Q_ENUM(Decision)

    static TrustDialog *forCertificate(const QString &sha256Fingerprint, const QString &subject,
                                       const QString &issuer, const QString &problem, QWidget *parent);
    static TrustDialog *forHostKey(const QString &host, const QString &keyType, const QString &sha256Fingerprint,
                                   QWidget *parent);

    Decision decision() const { return m_decision; }
    QString fingerprint() const { return m_fingerprint; }

Q_SIGNALS:
    void decided(noc::TrustDialog::Decision decision);

private:
    struct Row
    {
        QString label;
        QString value;
        bool monospace = false;
    };
    TrustDialog(const QString &title, const QString &explanation, const QList<Row> &rows,
                const QString &onceText, const QString &rememberText, const QString &fingerprint, QWidget *parent);
    void finish(Decision decision);

    Decision m_decision = Decision::Reject;
    QString m_fingerprint;
    bool m_finished = false;
};

} // namespace noc
