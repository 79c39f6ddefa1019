#include "configtemplate.h"

#include <QFile>
#include <QRegularExpression>

namespace reg::setup::ConfigTemplate {

bool isValidSiteName(const QString &site)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    return re.match(site).hasMatch();
}

Result<QByteArray> render(const QString &siteName)
{
    if (!isValidSiteName(siteName))
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a valid site name: use 1-63 lower-case letters, digits "
                                                             "and '-', starting with a letter or digit").arg(siteName));
    QFile file(QStringLiteral(":/engine/registryd.conf.in"));
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal, QStringLiteral("the configuration template is missing from this build of registryd"));
    QByteArray text = file.readAll();
    if (!text.contains("@SITE@"))
        return Error(ErrorCode::Internal, QStringLiteral("the configuration template has no @SITE@ placeholder"));
    text.replace("@SITE@", siteName.toUtf8());
    return text;
}

} // namespace reg::setup::ConfigTemplate
