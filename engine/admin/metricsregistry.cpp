#include "metricsregistry.h"

#include "core/logging.h"

#include <cmath>

namespace reg::admin {
namespace {

QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 17);
}

QString escapeHelp(const QString &help)
{
    QString out;
    for (QChar c : help) {
        if (c == u'\\')
            out += u"\\\\";
        else if (c == u'\n')
            out += u"\\n";
        else
            out += c;
    }
    return out;
}

} // namespace

bool MetricsRegistry::isValidName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool alpha = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u':';
        const bool digit = c >= u'0' && c <= u'9';
        if (!(alpha || (i > 0 && digit)))
            return false;
    }
    return true;
}

QString MetricsRegistry::escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\')
            out += u"\\\\";
        else if (c == u'"')
            out += u"\\\"";
        else if (c == u'\n')
            out += u"\\n";
        else
            out += c;
    }
    return out;
}

bool MetricsRegistry::define(const QString &name, Type type, const QString &help)
{
    if (!isValidName(name)) {
        qCWarning(lcAdmin, "invalid metric name \"%s\"", qUtf8Printable(name));
        return false;
    }
    if (family(name))
        return true;
    m_families.append(Family{name, type, help, {}});
    return true;
}

MetricsRegistry::Family *MetricsRegistry::family(const QString &name)
{
    for (Family &f : m_families) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

const MetricsRegistry::Family *MetricsRegistry::family(const QString &name) const
{
    for (const Family &f : m_families) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

void MetricsRegistry::set(const QString &name, const Labels &labels, double value)
{
    Family *f = family(name);
    if (!f)
        return;
    for (Series &s : f->series) {
        if (s.labels == labels) {
            s.value = value;
            return;
        }
    }
    f->series.append(Series{labels, value});
}

void MetricsRegistry::add(const QString &name, const Labels &labels, double by)
{
    set(name, labels, value(name, labels) + by);
}

double MetricsRegistry::value(const QString &name, const Labels &labels) const
{
    const Family *f = family(name);
    if (!f)
        return 0;
    for (const Series &s : f->series) {
        if (s.labels == labels)
            return s.value;
    }
    return 0;
}

void MetricsRegistry::clearSeries(const QString &name)
{
    if (Family *f = family(name))
        f->series.clear();
}

QByteArray MetricsRegistry::render() const
{
    QByteArray out;
    for (const Family &f : m_families) {
        out += "# HELP " + f.name.toUtf8() + ' ' + escapeHelp(f.help).toUtf8() + '\n';
        out += "# TYPE " + f.name.toUtf8() + (f.type == Type::Counter ? " counter\n" : " gauge\n");
        for (const Series &s : f.series) {
            out += f.name.toUtf8();
            if (!s.labels.isEmpty()) {
                out += '{';
                for (qsizetype i = 0; i < s.labels.size(); ++i) {
                    if (i > 0)
                        out += ',';
                    out += s.labels[i].first.toUtf8() + "=\"" + escapeLabelValue(s.labels[i].second).toUtf8() + '"';
                }
                out += '}';
            }
            out += ' ' + formatValue(s.value) + '\n';
        }
    }
    return out;
}

} // namespace reg::admin
