#pragma once

namespace reg::admin {

// Qt's HTTP server (6.4) logs every request with all its headers at debug level on
// "qt.httpserver", and Qt WebSockets logs handshakes on "qt.websockets": with debug logging
// switched on (QT_LOGGING_RULES), bearer tokens would reach the log. This installs a logging
// category filter, chained after the existing one, that keeps those categories' debug output off
// whatever the rules say. Idempotent; call from the thread that owns logging set-up (main).
void installSecretSafeLogging();

// True for the categories installSecretSafeLogging() silences at debug level.
bool isSecretBearingCategory(const char *categoryName);

} // namespace reg::admin
