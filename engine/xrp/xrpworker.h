#pragma once

#include "xrpsessionenvironment.h"

#include "core/result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <memory>

namespace reg::store {
class Connection;
class Store;
} // namespace reg::store

namespace reg::xrp {

class XrpAuditLog;

// One event-loop thread of the XRP port and the sessions on it. It owns, on its thread, what a
// session needs that is not thread-safe: the read connection, the RegistrarLogin and the audit
// batcher. The server creates it, moves it to its thread and calls initialize(), addConnection()
// and stop() there (queued); after stop() nothing of it touches the store any more.
class XrpWorker : public QObject
{
    Q_OBJECT
public:
    // shared: the server-wide parts of the environment (admission, ids, metrics, dispatcher, URIs, config).
    XrpWorker(int index, store::Store &store, XrpSessionEnvironment shared, QSslConfiguration tls);
    ~XrpWorker() override;

    // On the worker thread.
    Result<void> initialize();
    // Takes over an accepted descriptor whose admission slot the server holds for it.
    void addConnection(qintptr descriptor, const QHostAddress &peer);
    // Ends every session, writes the remaining audit rows and closes the read connection.
    void stop(const QString &reason);

    int index() const { return m_index; }

private:
    const int m_index;
    store::Store &m_store;
    XrpSessionEnvironment m_env;
    QSslConfiguration m_tls;
    std::unique_ptr<store::Connection> m_reader;
    std::unique_ptr<srs::RegistrarLogin> m_login;
    std::unique_ptr<XrpAuditLog> m_audit;
    bool m_stopped = false;
};

} // namespace reg::xrp
