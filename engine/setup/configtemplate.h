#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace reg::setup {

// The documented registryd.conf that `registryd init` writes, built from the template
// resources/engine/registryd.conf.in compiled into the library (so the binary cannot be separated
// from its template). Every key reg::EngineConfig accepts appears in it with a comment above it.
namespace ConfigTemplate {
// Site names become parts of file names, metric labels and certificate names: 1-63 characters of
// lower-case letters, digits and '-', starting with a letter or digit.
bool isValidSiteName(const QString &site);
Result<QByteArray> render(const QString &siteName);
} // namespace ConfigTemplate

} // namespace reg::setup
