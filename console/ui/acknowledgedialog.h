#pragma once

#include <QDateTime>
#include <QDialog>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace noc {

// Asks what acknowledging the selected alarms means: a comment (required, at most 500
// characters, as the engine demands) and an optional expiry after which the alarms want attention
// again. OK stays disabled, with the reason shown, until both are valid; a custom expiry must lie
// in the future when OK is pressed. GUI thread; opened with open() by the alarms page, which owns it.
class AcknowledgeDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MaxCommentLength = 500;
    enum class Expiry { Never, OneHour, FourHours, OneDay, Custom };

    explicit AcknowledgeDialog(int alarmCount, QWidget *parent = nullptr);

    QString comment() const;
    // Invalid when the acknowledgement should last until the alarm clears or gets worse.
    QDateTime expiresAt() const;
    // Empty when OK may be pressed; else why not, in words.
    QString problem() const;

    QPlainTextEdit *commentEdit() const { return m_comment; }
    QComboBox *expiryBox() const { return m_expiry; }
    QDateTimeEdit *customExpiryEdit() const { return m_custom; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

private:
    void validate();

    QPlainTextEdit *m_comment;
    QComboBox *m_expiry;
    QDateTimeEdit *m_custom;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QDateTime m_chosenExpiry;   // fixed when OK is pressed, so "1 h" counts from then
};

} // namespace noc
