#include "widgets/connectionbanner.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using noc::ConnectionBanner;
using Severity = noc::StatusPalette::Severity;

namespace {

// Buttons the banner still shows; replaced ones are hidden at once and deleted later.
QList<QPushButton *> visibleButtons(const ConnectionBanner &banner)
{
    QList<QPushButton *> shown;
    const QList<QPushButton *> buttons = banner.findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->isVisible())
            shown.append(button);
    }
    return shown;
}

} // namespace

// The banner's message and the buttons it shows for the window's actions.
class tst_ConnectionBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTitleDetailAndSeverity()
    {
        ConnectionBanner banner;
        banner.showMessage(Severity::Critical, u"Connection lost"_s, u"The engine went away."_s);
        QCOMPARE(banner.severity(), Severity::Critical);
        QCOMPARE(banner.title(), u"Connection lost"_s);
        QCOMPARE(banner.detail(), u"The engine went away."_s);
        QCOMPARE(banner.accessibleName(), u"Connection lost — The engine went away."_s);
        banner.showMessage(Severity::Neutral, u"Not connected"_s);
        QCOMPARE(banner.accessibleName(), u"Not connected"_s);
    }

    void showsOneButtonPerActionInOrderLabelledWithIconText()
    {
        ConnectionBanner banner;
        banner.show();
        QAction reconnect(u"&Reconnect Now"_s);
        reconnect.setIconText(u"Reconnect now"_s);
        QAction stop(u"&Disconnect"_s);
        stop.setIconText(u"Stop"_s);
        QCOMPARE(visibleButtons(banner).size(), 0);

        banner.setActions({&reconnect, &stop});
        QCOMPARE(banner.bannerActions(), (QList<QAction *>{&reconnect, &stop}));
        QCOMPARE(banner.buttonFor(&reconnect)->text(), u"Reconnect now"_s);
        QCOMPARE(banner.buttonFor(&stop)->text(), u"Stop"_s);
        QCOMPARE(visibleButtons(banner).size(), 2);
        QVERIFY(banner.buttonFor(&reconnect)->x() < banner.buttonFor(&stop)->x());

        banner.setActions({});
        QVERIFY(banner.bannerActions().isEmpty());
        QVERIFY(!banner.buttonFor(&reconnect));
        QCOMPARE(visibleButtons(banner).size(), 0);
    }

    void buttonFollowsTheAction()
    {
        ConnectionBanner banner;
        banner.show();
        QAction action(u"&Connect…"_s);
        banner.setActions({&action});
        QPushButton *button = banner.buttonFor(&action);
        QVERIFY(button);
        // Without an explicit icon text the menu text shows without its mnemonic.
        QCOMPARE(button->text(), u"Connect…"_s);
        QVERIFY(button->isEnabled());

        action.setEnabled(false);
        QVERIFY(!button->isEnabled());
        action.setText(u"&Verbinden…"_s);
        QCOMPARE(button->text(), u"Verbinden…"_s);
        action.setToolTip(u"Open a profile"_s);
        QCOMPARE(button->toolTip(), u"Open a profile"_s);
        action.setEnabled(true);
        QVERIFY(button->isEnabled());
    }

    void clickTriggersTheAction()
    {
        ConnectionBanner banner;
        banner.show();
        QAction action(u"Reconnect now"_s);
        QSignalSpy triggered(&action, &QAction::triggered);
        banner.setActions({&action});
        QTest::mouseClick(banner.buttonFor(&action), Qt::LeftButton);
        QCOMPARE(triggered.count(), 1);

        // A disabled action cannot be triggered from the banner either.
        action.setEnabled(false);
        QTest::mouseClick(banner.buttonFor(&action), Qt::LeftButton);
        QCOMPARE(triggered.count(), 1);
    }

    void actionMayReplaceTheButtonsFromItsOwnClick()
    {
        // The window reacts to "Reconnect now" by changing state, which changes the banner's actions
        // while the clicked button is still delivering its click.
        ConnectionBanner banner;
        banner.show();
        QAction reconnect(u"Reconnect now"_s);
        QAction stop(u"Stop"_s);
        connect(&reconnect, &QAction::triggered, &banner, [&banner, &stop] { banner.setActions({&stop}); });
        banner.setActions({&reconnect, &stop});
        QPointer<QPushButton> clicked = banner.buttonFor(&reconnect);
        QTest::mouseClick(clicked, Qt::LeftButton);

        QCOMPARE(banner.bannerActions(), QList<QAction *>{&stop});
        QCOMPARE(visibleButtons(banner), QList<QPushButton *>{banner.buttonFor(&stop)});
        QTRY_VERIFY(clicked.isNull());
    }

    void sameActionsKeepTheSameButtons()
    {
        ConnectionBanner banner;
        QAction action(u"Stop"_s);
        banner.setActions({&action});
        QPushButton *button = banner.buttonFor(&action);
        banner.setActions({&action});
        QCOMPARE(banner.buttonFor(&action), button);
    }

    void deletedActionLosesItsButton()
    {
        ConnectionBanner banner;
        banner.show();
        QAction keep(u"Stop"_s);
        auto gone = std::make_unique<QAction>(u"Reconnect now"_s);
        banner.setActions({gone.get(), &keep});
        gone.reset();
        QCOMPARE(banner.bannerActions(), QList<QAction *>{&keep});
        QCOMPARE(visibleButtons(banner), QList<QPushButton *>{banner.buttonFor(&keep)});
    }

    void nullActionsAreSkipped()
    {
        ConnectionBanner banner;
        QAction action(u"Stop"_s);
        banner.setActions({nullptr, &action});
        QCOMPARE(banner.bannerActions(), QList<QAction *>{&action});
    }
};

QTEST_MAIN(tst_ConnectionBanner)
#include "tst_connectionbanner.moc"
