#pragma once

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"
#include "directory/directorystatistics.h"

#include <memory>

namespace reg::directory {
class Directory;
}

namespace reg::rdap {

// The RDAP service as the engine runs it: binds [rdap] listen, loads its certificate ([rdap]
// certificate/key, default [tls]) and answers on worker threads of its own ([rdap] threads, 0: one
// per core) from the shared Directory. Owned by the engine on its main thread; the Directory must
// outlive it (shutdown() before the Directory stops).
class RdapService
{
public:
    RdapService(const EngineConfig &config, directory::Directory &directory, const Clock &clock);
    ~RdapService();   // shuts down

    // Fails with a clear message when the address cannot be bound or the certificate or key
    // cannot be loaded.
    Result<void> start();
    void shutdown();   // blocking; safe to call twice

    ListenAddress boundAddress() const;
    QString baseUrl() const;                     // what links in answers start with
    int threadCount() const;
    directory::DirectoryServiceCounters statistics() const;   // thread-safe

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::rdap
