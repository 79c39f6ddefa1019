#pragma once

#include <QString>
#include <QStringView>

namespace reg::xrp {

// The namespaces of the EPP object mappings and extensions this server speaks. One place, so the
// greeting, the login check, the dispatcher and the codecs cannot disagree on a URI.
inline constexpr QStringView DomainNamespace = u"urn:ietf:params:xml:ns:domain-1.0";
inline constexpr QStringView HostNamespace = u"urn:ietf:params:xml:ns:host-1.0";
inline constexpr QStringView ContactNamespace = u"urn:ietf:params:xml:ns:contact-1.0";
inline constexpr QStringView SecDnsNamespace = u"urn:ietf:params:xml:ns:secDNS-1.1";
inline constexpr QStringView RgpNamespace = u"urn:ietf:params:xml:ns:rgp-1.0";
inline constexpr QStringView FeeNamespace = u"urn:ietf:params:xml:ns:epp:fee-1.0";
inline constexpr QStringView CustomFieldsNamespace = u"urn:registryd:params:xml:ns:customFields-1.0";

// The prefix responses use for a namespace ("domain", "secDNS" ...), also used to name elements in
// refusal messages; "?" for a namespace we do not know.
QString namespacePrefix(QStringView namespaceUri);

// The registry bills in one currency; fee-1.0 amounts are in it and a client naming another is
// refused (2004).
inline constexpr QStringView RegistryCurrency = u"EUR";

} // namespace reg::xrp
