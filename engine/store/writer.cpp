#include "writer.h"

#include "core/logging.h"

#include <QJsonDocument>
#include <QPointer>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

namespace reg::store {
namespace {

const QString insertJournal = QStringLiteral(
    "INSERT INTO journal (seq, committed_at, actor, kind, object, data, prev_hash, hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

// Transaction control runs several times per write: cached statements, not a parse per call.
const QString beginImmediate = QStringLiteral("BEGIN IMMEDIATE");
const QString commitTransaction = QStringLiteral("COMMIT");
const QString savepointWork = QStringLiteral("SAVEPOINT work");
const QString rollbackToWork = QStringLiteral("ROLLBACK TO work");
const QString releaseWork = QStringLiteral("RELEASE work");

Result<void> runCached(Connection &connection, const QString &sql)
{
    Result<Statement *> statement = connection.prepare(sql);
    if (!statement)
        return statement.error();
    Result<void> ran = (*statement)->run();
    (*statement)->reset();
    return ran;
}

} // namespace

// One submitted piece of work and how to answer it: either a promise (blocking caller) or a
// callback delivered through a relay object that lives on the caller's context thread.
struct PendingWork
{
    WriteWork work;
    std::shared_ptr<std::promise<Result<CommitReceipt>>> promise;
    QPointer<QObject> context;
    QObject *relay = nullptr;
    std::function<void(Result<CommitReceipt>)> done;
};

class WriterPrivate
{
public:
    WriterPrivate(Writer *owner, std::unique_ptr<Connection> connection, const Clock &clock, int maxBatch,
                  qint64 head, QByteArray headHash)
        : q(owner), m_connection(std::move(connection)), m_clock(clock), m_maxBatch(maxBatch),
          m_head(head), m_headHash(std::move(headHash)), m_publishedHead(head)
    {
        m_thread = std::thread([this] { run(); });
    }

    void enqueue(PendingWork &&work)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_stopping) {
                m_queue.push_back(std::move(work));
                m_wake.notify_one();
                return;
            }
        }
        answer(work, Error(ErrorCode::Unavailable, QStringLiteral("the store is shutting down")));
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping && !m_thread.joinable())
                return;
            m_stopping = true;
            m_wake.notify_one();
        }
        if (m_thread.joinable())
            m_thread.join();
    }

    static void answer(PendingWork &work, const Result<CommitReceipt> &result)
    {
        if (work.promise) {
            work.promise->set_value(result);
            return;
        }
        if (!work.relay)
            return;
        QObject *relay = work.relay;
        // The relay lives on the context's thread, so the QPointer is checked there, race-free.
        QMetaObject::invokeMethod(relay, [relay, context = work.context, done = std::move(work.done), result] {
            if (context && done)
                done(result);
            relay->deleteLater();
        }, Qt::QueuedConnection);
    }

    void run();
    void commitGroup(std::deque<PendingWork> &group);
    Result<std::optional<JournalEntry>> runOne(PendingWork &work, qint64 sequence, const QByteArray &prevHash);

    Writer *q;
    std::unique_ptr<Connection> m_connection;
    const Clock &m_clock;
    const int m_maxBatch;
    qint64 m_head;            // writer thread only
    QByteArray m_headHash;    // writer thread only
    std::atomic<qint64> m_publishedHead{0};
    std::atomic<qint64> m_commits{0};

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<PendingWork> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

void WriterPrivate::run()
{
    for (;;) {
        std::deque<PendingWork> group;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                break;
            // Everything that queued up while the previous transaction was syncing goes into this one.
            while (!m_queue.empty() && int(group.size()) < m_maxBatch) {
                group.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        commitGroup(group);
    }
    m_connection.reset();  // close on the thread that used it
}

Result<std::optional<JournalEntry>> WriterPrivate::runOne(PendingWork &work, qint64 sequence, const QByteArray &prevHash)
{
    Result<std::optional<JournalChange>> outcome = Error(ErrorCode::Internal, QStringLiteral("write work threw an exception"));
    try {
        outcome = work.work(*m_connection);
    } catch (const std::exception &e) {
        qCCritical(lcStore, "write work threw: %s", e.what());
    } catch (...) {
        qCCritical(lcStore, "write work threw a non-standard exception");
    }
    if (!outcome)
        return outcome.error();
    if (!outcome->has_value())
        return std::optional<JournalEntry>();

    JournalEntry entry;
    entry.sequence = sequence;
    const QDateTime now = m_clock.now();
    entry.time = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
    entry.change = std::move(**outcome);
    entry.prevHash = prevHash;
    const QByteArray data = QJsonDocument(entry.change.data).toJson(QJsonDocument::Compact);
    entry.hash = JournalEntry::computeHash(entry.sequence, entry.time, entry.change, data, entry.prevHash);
    if (auto r = m_connection->execute(insertJournal, {entry.sequence, entry.time.toMSecsSinceEpoch(), entry.change.actor,
                                                       entry.change.kind, entry.change.object, QString::fromUtf8(data),
                                                       entry.prevHash, entry.hash});
        !r) {
        return r.error().withContext(QStringLiteral("writing journal entry: "));
    }
    return std::optional<JournalEntry>(std::move(entry));
}

void WriterPrivate::commitGroup(std::deque<PendingWork> &group)
{
    if (auto begin = runCached(*m_connection, beginImmediate); !begin) {
        qCWarning(lcStore, "cannot begin a write transaction: %s", qUtf8Printable(begin.error().message));
        for (PendingWork &work : group)
            answer(work, begin.error());
        return;
    }

    std::vector<std::optional<Error>> failures(group.size());
    std::vector<qint64> sequences(group.size(), 0);
    JournalEntries entries;
    qint64 next = m_head + 1;
    QByteArray prevHash = m_headHash;

    for (size_t i = 0; i < group.size(); ++i) {
        // A savepoint per work item: one item's failure undoes only its own changes.
        (void)runCached(*m_connection, savepointWork);
        Result<std::optional<JournalEntry>> outcome = runOne(group[i], next, prevHash);
        if (!outcome) {
            (void)runCached(*m_connection, rollbackToWork);
            (void)runCached(*m_connection, releaseWork);
            failures[i] = outcome.error();
            continue;
        }
        (void)runCached(*m_connection, releaseWork);
        if (outcome->has_value()) {
            sequences[i] = next++;
            prevHash = (*outcome)->hash;
            entries.append(std::move(**outcome));
        }
    }

    if (auto commit = runCached(*m_connection, commitTransaction); !commit) {
        qCCritical(lcStore, "commit failed, %zu writes lost: %s", group.size(), qUtf8Printable(commit.error().message));
        (void)m_connection->exec(QStringLiteral("ROLLBACK"));
        for (PendingWork &work : group)
            answer(work, commit.error().withContext(QStringLiteral("commit failed: ")));
        return;
    }

    const QDateTime committedAt = m_clock.now();
    if (!entries.isEmpty()) {
        m_head = entries.last().sequence;
        m_headHash = entries.last().hash;
        m_publishedHead = m_head;
    }
    ++m_commits;
    for (size_t i = 0; i < group.size(); ++i) {
        if (failures[i])
            answer(group[i], *failures[i]);
        else
            answer(group[i], CommitReceipt{sequences[i], committedAt});
    }
    if (!entries.isEmpty())
        Q_EMIT q->committed(entries);
}

Writer::Writer(std::unique_ptr<Connection> connection, const Clock &clock, int maxBatch, qint64 head, QByteArray headHash)
    : d(std::make_unique<WriterPrivate>(this, std::move(connection), clock, std::max(1, maxBatch), head, std::move(headHash)))
{
}

Writer::~Writer()
{
    d->stop();
}

void Writer::submit(WriteWork work, QObject *context, std::function<void(Result<CommitReceipt>)> done)
{
    PendingWork pending;
    pending.work = std::move(work);
    if (context) {
        pending.context = context;
        pending.relay = new QObject;
        pending.relay->moveToThread(context->thread());
        pending.done = std::move(done);
    }
    d->enqueue(std::move(pending));
}

Result<CommitReceipt> Writer::submitAndWait(WriteWork work)
{
    PendingWork pending;
    pending.work = std::move(work);
    pending.promise = std::make_shared<std::promise<Result<CommitReceipt>>>();
    std::future<Result<CommitReceipt>> future = pending.promise->get_future();
    d->enqueue(std::move(pending));
    return future.get();
}

void Writer::shutdown()
{
    d->stop();
}

qint64 Writer::commitCount() const
{
    return d->m_commits;
}

qint64 Writer::journalHead() const
{
    return d->m_publishedHead;
}

} // namespace reg::store
