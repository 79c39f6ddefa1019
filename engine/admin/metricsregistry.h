#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace reg::admin {

// A small registry of Prometheus metric families rendered in the text exposition format 0.0.4.
// Families and series keep the order they were first defined/set in, so the output is stable.
// Lives on the management thread; not thread-safe. Owned by ManagementServer.
class MetricsRegistry
{
public:
    enum class Type { Counter, Gauge };
    using Labels = QList<QPair<QString, QString>>;

    // Names must match [a-zA-Z_:][a-zA-Z0-9_:]*; defining an existing name again is ignored.
    bool define(const QString &name, Type type, const QString &help);
    void set(const QString &name, const Labels &labels, double value);
    void set(const QString &name, double value) { set(name, {}, value); }
    void add(const QString &name, const Labels &labels = {}, double by = 1);
    double value(const QString &name, const Labels &labels = {}) const;
    // Drops every series of the family (it stays defined): for label values that can disappear.
    void clearSeries(const QString &name);

    QByteArray render() const;

    static bool isValidName(const QString &name);
    static QString escapeLabelValue(const QString &value);

private:
    struct Series
    {
        Labels labels;
        double value = 0;
    };
    struct Family
    {
        QString name;
        Type type;
        QString help;
        QList<Series> series;
    };
    Family *family(const QString &name);
    const Family *family(const QString &name) const;
    QList<Family> m_families;
};

} // namespace reg::admin
