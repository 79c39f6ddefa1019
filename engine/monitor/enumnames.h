#pragma once

#include <QLatin1StringView>
#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace reg::monitor {

// Tables of (enum value, ASCII name) pairs, read both ways: the names of SNMP settings, severities
// and alarm changes that configuration, the database and the API share. Parsing ignores case.
template<typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char *>, N>;

template<typename Enum, std::size_t N>
QString nameIn(const EnumNames<Enum, N> &names, Enum value)
{
    for (const auto &[v, name] : names) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueIn(const EnumNames<Enum, N> &names, const QString &name)
{
    for (const auto &[v, n] : names) {
        if (name.compare(QLatin1StringView(n), Qt::CaseInsensitive) == 0)
            return v;
    }
    return std::nullopt;
}

} // namespace reg::monitor
