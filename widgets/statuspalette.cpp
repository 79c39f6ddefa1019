#include "statuspalette.h"

namespace noc::StatusPalette {

QColor background(Severity severity)
{
    switch (severity) {
    case Severity::Ok: return QColor(0x2e, 0x7d, 0x32);
    case Severity::Info: return QColor(0x15, 0x65, 0xc0);
    case Severity::Warning: return QColor(0xf5, 0x9e, 0x0b);
    case Severity::Critical: return QColor(0xc6, 0x28, 0x28);
    case Severity::Neutral: return QColor(0x61, 0x61, 0x61);
    }
    return QColor(0x61, 0x61, 0x61);
}

QColor foreground(Severity severity)
{
    // Amber is too light for white text to stay readable; every other fill is dark enough.
    return severity == Severity::Warning ? QColor(0x1f, 0x1f, 0x1f) : QColor(Qt::white);
}

QColor pale(Severity severity)
{
    switch (severity) {
    case Severity::Ok: return QColor(0xe8, 0xf5, 0xe9);
    case Severity::Info: return QColor(0xe3, 0xf2, 0xfd);
    case Severity::Warning: return QColor(0xff, 0xf3, 0xcd);
    case Severity::Critical: return QColor(0xfd, 0xe2, 0xe2);
    case Severity::Neutral: return QColor(0xee, 0xee, 0xee);
    }
    return QColor(0xee, 0xee, 0xee);
}

QColor text(Severity severity)
{
    switch (severity) {
    case Severity::Ok: return QColor(0x1b, 0x5e, 0x20);
    case Severity::Info: return QColor(0x0d, 0x47, 0xa1);
    case Severity::Warning: return QColor(0x8a, 0x4b, 0x00);
    case Severity::Critical: return QColor(0xb7, 0x1c, 0x1c);
    case Severity::Neutral: return QColor(0x42, 0x42, 0x42);
    }
    return QColor(0x42, 0x42, 0x42);
}

} // namespace noc::StatusPalette
