#pragma once

#include <QColor>

namespace noc {

// The console's one set of status colours, so "amber" means the same thing in the status bar, the
// banner and every table. Chosen to stay distinguishable for the common forms of colour blindness
// when paired with text (colour is never the only signal). Plain functions; any thread.
namespace StatusPalette {

enum class Severity { Ok, Info, Warning, Critical, Neutral };

QColor background(Severity severity);   // strong fill (banner, indicator pill)
QColor foreground(Severity severity);   // text drawn on background()
QColor pale(Severity severity);         // the "off" phase of a flashing fill, and row tints
QColor text(Severity severity);         // coloured text on a normal window background

} // namespace StatusPalette

} // namespace noc
