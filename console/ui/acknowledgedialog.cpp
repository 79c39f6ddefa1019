#include "acknowledgedialog.h"

#include "widgets/statuspalette.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace noc {

AcknowledgeDialog::AcknowledgeDialog(int alarmCount, QWidget *parent)
    : QDialog(parent), m_comment(new QPlainTextEdit(this)), m_expiry(new QComboBox(this)),
      m_custom(new QDateTimeEdit(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Acknowledge %n alarm(s)", nullptr, alarmCount));
    m_comment->setObjectName(QStringLiteral("ackComment"));
    m_comment->setPlaceholderText(tr("What is being done, and by whom"));
    m_comment->setTabChangesFocus(true);
    m_expiry->setObjectName(QStringLiteral("ackExpiry"));
    m_expiry->addItem(tr("Until cleared or worse"), int(Expiry::Never));
    m_expiry->addItem(tr("1 hour"), int(Expiry::OneHour));
    m_expiry->addItem(tr("4 hours"), int(Expiry::FourHours));
    m_expiry->addItem(tr("24 hours"), int(Expiry::OneDay));
    m_expiry->addItem(tr("Until a date and time…"), int(Expiry::Custom));
    m_custom->setObjectName(QStringLiteral("ackCustomExpiry"));
    m_custom->setCalendarPopup(true);
    m_custom->setTimeSpec(Qt::LocalTime);
    m_custom->setDateTime(QDateTime::currentDateTime().addSecs(8 * 3600));
    m_custom->setEnabled(false);
    m_problem->setObjectName(QStringLiteral("ackProblem"));
    m_problem->setWordWrap(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, StatusPalette::text(StatusPalette::Severity::Warning));
    m_problem->setPalette(pal);

    auto *form = new QFormLayout;
    form->addRow(tr("Comment:"), m_comment);
    form->addRow(tr("Expires:"), m_expiry);
    form->addRow(QString(), m_custom);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The alarms stay listed; they stop flashing on the NOC wall until the "
                                "acknowledgement expires or an alarm gets worse."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &AcknowledgeDialog::validate);
    connect(m_expiry, &QComboBox::currentIndexChanged, this, [this] {
        m_custom->setEnabled(Expiry(m_expiry->currentData().toInt()) == Expiry::Custom);
        validate();
    });
    connect(m_custom, &QDateTimeEdit::dateTimeChanged, this, &AcknowledgeDialog::validate);
    resize(460, 300);
    validate();
}

QString AcknowledgeDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

QDateTime AcknowledgeDialog::expiresAt() const
{
    if (m_chosenExpiry.isValid())
        return m_chosenExpiry;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (Expiry(m_expiry->currentData().toInt())) {
    case Expiry::Never: return {};
    case Expiry::OneHour: return now.addSecs(3600);
    case Expiry::FourHours: return now.addSecs(4 * 3600);
    case Expiry::OneDay: return now.addSecs(24 * 3600);
    case Expiry::Custom: return m_custom->dateTime().toUTC();
    }
    return {};
}

QString AcknowledgeDialog::problem() const
{
    const QString text = comment();
    if (text.isEmpty())
        return tr("A comment is required: say what is being done.");
    if (text.size() > MaxCommentLength)
        return tr("The comment is %1 characters long; at most %2 are allowed.").arg(text.size()).arg(MaxCommentLength);
    if (Expiry(m_expiry->currentData().toInt()) == Expiry::Custom
        && m_custom->dateTime().toUTC() <= QDateTime::currentDateTimeUtc())
        return tr("The expiry must lie in the future.");
    return {};
}

void AcknowledgeDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void AcknowledgeDialog::accept()
{
    // Time passes while the dialog is open: a custom expiry may have become past.
    validate();
    if (!problem().isEmpty())
        return;
    m_chosenExpiry = expiresAt();
    QDialog::accept();
}

} // namespace noc
