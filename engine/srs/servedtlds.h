#pragma once

#include "core/result.h"

#include <QStringList>

namespace reg::store {
class Connection;
}

namespace reg::srs {

// The TLDs this registry serves, from the tlds table (created by `registryd init --tld`), sorted.
// The SRS policy takes them at start; a TLD added later is served after a restart.
Result<QStringList> loadServedTlds(store::Connection &reader);

} // namespace reg::srs
