#pragma once

#include "core/clock.h"
#include "core/configvalues.h"
#include "core/engineconfig.h"
#include "core/result.h"
#include "directory/directorystatistics.h"

#include <memory>

namespace reg::directory {
class Directory;
}

namespace reg::whois {

// The public Whois service on port 43 (RFC 3912, [whois]): binds one listening socket that every
// configured thread accepts from, answers each connection's one query from the directory and closes it.
// Applies the connection limits, the query time-out and line limit, and the per-client rate limit
// (registrar networks from [directory] get theirs); counts what it does for statistics().
// Created, started and shut down on the main thread by the engine; serves on its own threads;
// statistics() may be called from any thread. The directory outlives it.
class WhoisService
{
public:
    WhoisService(const EngineConfig &config, directory::Directory &directory, const Clock &clock);
    ~WhoisService();   // shuts down

    // Binds and starts the threads; a clear error when the address cannot be bound.
    Result<void> start();
    void shutdown();   // blocking: every thread stopped, every connection closed; safe twice

    ListenAddress boundAddress() const;   // the real port when the configuration said 0
    int threadCount() const;
    directory::DirectoryServiceCounters statistics() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::whois
