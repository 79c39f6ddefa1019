#pragma once

#include "topologysnapshot.h"

#include <QPainterPath>

namespace noc {

// The small white pictures drawn inside device discs and badges, built once and shared. Paths are in
// a box of about 20 units centred on the origin. GUI thread.
namespace TopologyGlyphs {

const QPainterPath &kind(DeviceKind kind);
const QPainterPath &acknowledged();   // a tick
const QPainterPath &maintenance();    // a spanner
const QPainterPath &stale();          // a clock
const QPainterPath &down();           // a cross over the disc

} // namespace TopologyGlyphs

} // namespace noc
