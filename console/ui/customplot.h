#pragma once

// QCustomPlot's header uses Qt's lower-case keywords (signals, slots, emit, foreach), which this
// project switches off (QT_NO_KEYWORDS, QT_NO_FOREACH). They are lent to it here, for this one
// include only; include QCustomPlot through this header.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach(variable, container) for (variable : container)
#include <qcustomplot.h>
#undef foreach
#undef emit
#undef slots
#undef signals
