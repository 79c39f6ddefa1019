#include "daemon/systemdnotifier.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace reg::daemon;

// A stand-in for systemd's notification socket: a datagram socket bound to a path or an abstract name.
class NotifySocket
{
public:
    explicit NotifySocket(const QByteArray &name)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        if (name.startsWith('@'))
            address.sun_path[0] = '\0';
        const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size()) + (name.startsWith('@') ? 0 : 1));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) == 0;
        timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~NotifySocket() { ::close(m_fd); }
    bool isBound() const { return m_bound; }
    QByteArray receive()
    {
        char buffer[4096];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        return n < 0 ? QByteArray() : QByteArray(buffer, n);
    }

private:
    int m_fd = -1;
    bool m_bound = false;
};

class tst_SystemdNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { qunsetenv("NOTIFY_SOCKET"); }

    void isANoOpOutsideSystemd()
    {
        qunsetenv("NOTIFY_SOCKET");
        QVERIFY(!SystemdNotifier::isAvailable());
        QVERIFY(SystemdNotifier::notify("READY=1").ok());
    }

    void sendsTheStateToAPathSocket()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("notify")));
        NotifySocket socket(path);
        QVERIFY(socket.isBound());
        qputenv("NOTIFY_SOCKET", path);
        QVERIFY(SystemdNotifier::isAvailable());
        QVERIFY(SystemdNotifier::notify("READY=1\nSTATUS=up").ok());
        QCOMPARE(socket.receive(), QByteArray("READY=1\nSTATUS=up"));
        QVERIFY(SystemdNotifier::notify("STOPPING=1").ok());
        QCOMPARE(socket.receive(), QByteArray("STOPPING=1"));
    }

    void sendsTheStateToAnAbstractSocket()
    {
        const QByteArray name = "@registryd-test-" + QByteArray::number(::getpid());
        NotifySocket socket(name);
        QVERIFY(socket.isBound());
        qputenv("NOTIFY_SOCKET", name);
        QVERIFY(SystemdNotifier::notify("READY=1").ok());
        QCOMPARE(socket.receive(), QByteArray("READY=1"));
    }

    void reportsAnUnusableSocket_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("relative path") << QByteArray("notify.sock");
        QTest::newRow("nobody listening") << QByteArray("/nonexistent/registryd-notify");
        QTest::newRow("longer than sun_path") << QByteArray("/" + QByteArray(200, 'x'));
    }
    void reportsAnUnusableSocket()
    {
        QFETCH(QByteArray, value);
        qputenv("NOTIFY_SOCKET", value);
        QVERIFY(!SystemdNotifier::notify("READY=1").ok());
    }
};

QTEST_GUILESS_MAIN(tst_SystemdNotifier)
#include "tst_systemdnotifier.moc"
