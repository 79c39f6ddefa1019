#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace noc {

// The honest placeholder for a page whose data the engine does not provide yet: an icon, a title and
// one sentence saying what the page will show. It never shows sample data, so nobody mistakes a
// placeholder for a quiet network. GUI thread; owned by its parent (a page stack).
class EmptyStatePage : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyStatePage(QWidget *parent = nullptr);

    void setIcon(const QIcon &icon);
    void setTitle(const QString &title);
    void setDescription(const QString &description);

    QString title() const;
    QString description() const;

private:
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
};

} // namespace noc
