#pragma once

#include <QString>

struct variable_list;

namespace reg::monitor {

// A notification's variable bindings as text for the trap log: one "oid=value" line each, values
// by type (numbers, printable strings quoted, other octets in hex, OIDs numeric), every value and
// the number of lines capped so a hostile sender cannot make a row of any size.
// Formats values net-snmp has already decoded; it parses nothing.
class VarbindText
{
public:
    VarbindText(int maxVarbinds, int maxValueLength);
    void add(const variable_list *variable);
    QString text() const;

private:
    int m_maxVarbinds;
    int m_maxValueLength;
    int m_count = 0;
    QString m_text;
};

} // namespace reg::monitor
