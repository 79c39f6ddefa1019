#pragma once

#include "exitcode.h"

#include <QStringList>

namespace reg::daemon {

// registryd's command line: `init`, `run`, `journal verify`, `zone export`, `topology import`, `--help`, `--version`. Parses the
// arguments, runs the command and returns the process exit code; user-facing output goes to
// stdout (results) and stderr (errors), log lines to stderr through the Qt logging categories.
// Runs on the main thread inside an existing QCoreApplication.
namespace CommandLine {
int run(const QStringList &arguments);
QString helpText();
} // namespace CommandLine

} // namespace reg::daemon
