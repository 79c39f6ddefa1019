#include "trustdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace noc {

TrustDialog *TrustDialog::forCertificate(const QString &sha256Fingerprint, const QString &subject,
                                         const QString &issuer, const QString &problem, QWidget *parent)
{
    const QString explanation =
        tr("The engine presented a certificate this console cannot verify. Compare the fingerprint "
           "with the one shown by the engine's administrator (for example from "
           "\"openssl x509 -fingerprint -sha256\") before trusting it. If you did not expect this, "
           "cancel: someone may be intercepting the connection.");
    return new TrustDialog(tr("Unverified server certificate"), explanation,
                           {{tr("Problem:"), problem, false},
                            {tr("Subject:"), subject, false},
                            {tr("Issuer:"), issuer, false},
                            {tr("SHA-256 fingerprint:"), sha256Fingerprint, true}},
                           tr("Trust once"), tr("Trust and pin"), sha256Fingerprint, parent);
}

TrustDialog *TrustDialog::forHostKey(const QString &host, const QString &keyType, const QString &sha256Fingerprint,
                                     QWidget *parent)
{
    const QString explanation =
        tr("The SSH server's host key is not in your known_hosts file. Compare the fingerprint with "
           "the one the server's administrator gives you (for example from \"ssh-keygen -lf\" on the "
           "server's host key) before accepting it.");
    return new TrustDialog(tr("Unknown SSH host key"), explanation,
                           {{tr("Host:"), host, false},
                            {tr("Key type:"), keyType, false},
                            {tr("SHA256 fingerprint:"), sha256Fingerprint, true}},
                           tr("Accept once"), tr("Accept and save"), sha256Fingerprint, parent);
}

TrustDialog::TrustDialog(const QString &title, const QString &explanation, const QList<Row> &rows,
                         const QString &onceText, const QString &rememberText, const QString &fingerprint,
                         QWidget *parent)
    : QDialog(parent)
    , m_fingerprint(fingerprint)
{
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(true);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    heading->setFont(headingFont);

    auto *text = new QLabel(explanation, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    for (const Row &row : rows) {
        auto *value = new QLabel(row.value.isEmpty() ? tr("(none given)") : row.value, this);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        if (row.monospace) {
            value->setObjectName(u"fingerprint"_s);
            QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            mono.setBold(true);
            value->setFont(mono);
        }
        form->addRow(row.label, value);
    }

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    QPushButton *once = buttons->addButton(onceText, QDialogButtonBox::AcceptRole);
    QPushButton *remember = buttons->addButton(rememberText, QDialogButtonBox::AcceptRole);
    once->setObjectName(u"trustOnce"_s);
    remember->setObjectName(u"trustRemember"_s);
    cancel->setObjectName(u"trustCancel"_s);
    once->setAutoDefault(false);
    remember->setAutoDefault(false);
    cancel->setDefault(true);
    cancel->setFocus();
    connect(once, &QPushButton::clicked, this, [this] { finish(Decision::Once); });
    connect(remember, &QPushButton::clicked, this, [this] { finish(Decision::Remember); });
    connect(cancel, &QPushButton::clicked, this, [this] { finish(Decision::Reject); });
    // Escape, the window's close button and a parent closing all count as "no".
    connect(this, &QDialog::rejected, this, [this] { finish(Decision::Reject); });

    auto *right = new QVBoxLayout;
    right->addWidget(heading);
    right->addWidget(text);
    right->addSpacing(8);
    right->addLayout(form);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(12);
    top->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void TrustDialog::finish(Decision decision)
{
    if (m_finished)
        return;
    m_finished = true;
    m_decision = decision;
    Q_EMIT decided(decision);
    if (decision == Decision::Reject)
        reject();
    else
        accept();
}

} // namespace noc
