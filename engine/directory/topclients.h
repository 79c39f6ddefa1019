#pragma once

#include <QHostAddress>
#include <QList>

#include <memory>

namespace reg::directory {

// The client addresses that send the most queries (seed 002 asks that they be reported), counted
// in bounded memory with the space-saving algorithm: capacity counters (per lock stripe, so at
// most a small fixed multiple of capacity in all); an address not tracked takes over the smallest. Counts of the reported addresses are exact whenever fewer than
// capacity distinct addresses were seen, and never under-counted otherwise. Thread-safe.
class TopClients
{
public:
    struct Entry
    {
        QHostAddress address;
        quint64 queries = 0;
        quint64 refused = 0;        // of those, refused by the rate limit
    };

    explicit TopClients(int capacity = 1024);
    ~TopClients();

    void record(const QHostAddress &client, bool refused);
    QList<Entry> top(int count) const;    // most queries first

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::directory
