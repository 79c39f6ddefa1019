#include "securefile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace reg::SecureFile {
namespace {

Error systemError(const QString &what, const QString &path, int errnum)
{
    return Error(ErrorCode::Internal, QStringLiteral("cannot %1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errnum))));
}

Result<void> writeAll(int fd, const QByteArray &data, const QString &path)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return systemError(QStringLiteral("write"), path, errno);
        }
        p += n;
        left -= n;
    }
    if (::fsync(fd) != 0)
        return systemError(QStringLiteral("flush"), path, errno);
    return success();
}

Result<void> create(const QString &path, const QByteArray &data, unsigned mode)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode));
    if (fd < 0) {
        if (errno == EEXIST)
            return Error(ErrorCode::Conflict, QStringLiteral("%1 already exists").arg(path));
        return systemError(QStringLiteral("create"), path, errno);
    }
    // The umask can only narrow the mode; fchmod makes it exact (e.g. 0644 under umask 077 is still
    // what the caller asked for).
    Result<void> result = ::fchmod(fd, mode_t(mode)) == 0 ? writeAll(fd, data, path) : systemError(QStringLiteral("set the mode of"), path, errno);
    if (::close(fd) != 0 && result)
        result = systemError(QStringLiteral("close"), path, errno);
    if (!result)
        ::unlink(native.constData());
    return result;
}

void syncDirectoryOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const QByteArray dir = QFile::encodeName(slash <= 0 ? QStringLiteral(".") : path.left(slash));
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Result<void> writeNew(const QString &path, const QByteArray &data, unsigned mode)
{
    Result<void> result = create(path, data, mode);
    if (result)
        syncDirectoryOf(path);
    return result;
}

Result<void> replace(const QString &path, const QByteArray &data, unsigned mode)
{
    const QString temporary = path + QStringLiteral(".tmp-%1").arg(::getpid());
    ::unlink(QFile::encodeName(temporary).constData());  // left over from a crashed process with our pid
    if (Result<void> r = create(temporary, data, mode); !r)
        return r;
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        const int err = errno;
        ::unlink(QFile::encodeName(temporary).constData());
        return systemError(QStringLiteral("replace"), path, err);
    }
    syncDirectoryOf(path);
    return success();
}

Result<void> makeDirectory(const QString &path, unsigned mode)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), mode_t(mode)) != 0) {
        if (errno != EEXIST)
            return systemError(QStringLiteral("create directory"), path, errno);
        struct stat st {};
        if (::stat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
            return Error(ErrorCode::Conflict, QStringLiteral("%1 exists and is not a directory").arg(path));
        return success();
    }
    if (::chmod(native.constData(), mode_t(mode)) != 0)
        return systemError(QStringLiteral("set the mode of"), path, errno);
    return success();
}

Result<void> restrictDirectory(const QString &path)
{
    if (::chmod(QFile::encodeName(path).constData(), mode_t(privateDirMode)) != 0)
        return systemError(QStringLiteral("set the mode of"), path, errno);
    return success();
}

int permissions(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace reg::SecureFile
