#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace reg {

// Writing files that may hold secrets (private keys, passwords, the ready file) without a moment in
// which they are readable by anyone else: the file is created with its final mode by open(2)
// itself (O_EXCL, never following a symlink), written, and fsync'ed before it counts as written.
// Stateless; safe on any thread.
namespace SecureFile {
constexpr unsigned secretMode = 0600;
constexpr unsigned publicMode = 0644;
constexpr unsigned privateDirMode = 0700;

// Creates path, which must not exist yet; on failure nothing is left behind.
Result<void> writeNew(const QString &path, const QByteArray &data, unsigned mode = secretMode);
// Replaces path atomically (a temporary file beside it, then rename), so a reader sees the old
// content or the new, never a part.
Result<void> replace(const QString &path, const QByteArray &data, unsigned mode = secretMode);
// Creates a directory with the given mode (not widened by the umask); an existing directory is
// accepted as it is.
Result<void> makeDirectory(const QString &path, unsigned mode = privateDirMode);
// Sets an existing directory's mode to 0700.
Result<void> restrictDirectory(const QString &path);
// The permission bits of a file or directory, or -1 if it cannot be inspected.
int permissions(const QString &path);
} // namespace SecureFile

} // namespace reg
