#pragma once

#include "core/result.h"

#include <QHashFunctions>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace reg::srs {

// Checks one DNS label against the registry's LDH rules (RFC 1034 3.5, RFC 1123 2.1, RFC 5891 4.2.3.1):
// letters, digits and hyphens, 1-63 octets, no hyphen first or last, "--" in positions 3-4 only for an
// "xn--" A-label that decodes as Punycode to a valid U-label. The label must already be lower-case.
Result<void> validateLabel(QStringView label);

// Decodes the Punycode part of an A-label (the text after "xn--") per RFC 3492 section 6.2; an error for
// any malformed input (bad digit, overflow, code point out of range, surrogate, basic code point).
Result<QString> decodePunycode(QStringView encoded);

// A domain name as the registry stores it: lower-case, no trailing dot, at least two valid labels,
// at most 253 octets (RFC 1035 2.3.4). A value type; any thread; parse() is the only way to build one
// from outside input, so every DomainName in the system has passed the rules.
class DomainName
{
public:
    DomainName() = default;

    // Accepts one trailing dot (stripped); refuses anything else that breaks the rules, naming why.
    static Result<DomainName> parse(QStringView text);

    // parse() plus the registrable-name rule: exactly one label directly under one of `tlds`.
    static Result<DomainName> parseRegistrable(QStringView text, const QStringList &tlds);

    bool isNull() const { return m_name.isEmpty(); }
    const QString &toString() const { return m_name; }
    QStringList labels() const;
    qsizetype labelCount() const;

    // True when this name equals `suffix` or lies anywhere beneath it (label-wise, not string-wise).
    bool isAtOrUnder(const DomainName &suffix) const;

    // The configured TLD (from `tlds`, each possibly multi-label like "co.example") this name lies
    // under, longest match first; an error when it lies under none.
    Result<QString> servingTld(const QStringList &tlds) const;

    // True when the name is exactly one label directly under `tld` (e.g. "acme.example" under "example").
    bool belongsTo(QStringView tld) const;

    // Ok when the name is exactly one label directly under a TLD of `tlds`.
    Result<void> checkRegistrable(const QStringList &tlds) const;

    friend bool operator==(const DomainName &a, const DomainName &b) { return a.m_name == b.m_name; }
    friend bool operator!=(const DomainName &a, const DomainName &b) { return !(a == b); }
    friend size_t qHash(const DomainName &name, size_t seed = 0) { return qHash(name.m_name, seed); }

private:
    explicit DomainName(QString name) : m_name(std::move(name)) {}
    QString m_name;
};

// A name server's name (RFC 5732): any depth of labels under the same rules as a DomainName. A value
// type; any thread.
class HostName
{
public:
    HostName() = default;
    static Result<HostName> parse(QStringView text);

    bool isNull() const { return m_name.isNull(); }
    const QString &toString() const { return m_name.toString(); }
    const DomainName &name() const { return m_name; }

    // RFC 5732 section 1.1: a host is subordinate when its name lies strictly beneath the domain.
    bool isSubordinateTo(const DomainName &domain) const;

    // The registrable domain a host under one of `tlds` would belong to (its superordinate domain),
    // or an error when the host is external to this registry or is itself a registrable name / TLD.
    Result<DomainName> superordinateDomain(const QStringList &tlds) const;

    friend bool operator==(const HostName &a, const HostName &b) { return a.m_name == b.m_name; }
    friend bool operator!=(const HostName &a, const HostName &b) { return !(a == b); }
    friend size_t qHash(const HostName &host, size_t seed = 0) { return qHash(host.m_name, seed); }

private:
    explicit HostName(DomainName name) : m_name(std::move(name)) {}
    DomainName m_name;
};

} // namespace reg::srs
