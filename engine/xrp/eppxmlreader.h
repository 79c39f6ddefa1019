#pragma once

#include "eppelement.h"
#include "eppframereader.h"
#include "eppresult.h"

#include <QByteArrayView>

namespace reg::xrp {

// Bounds on one EPP message. The defaults fit every command of RFC 5730-5734 and the extensions
// we serve with room to spare; each bound caps a different way of making the parser work hard.
struct EppXmlLimits
{
    qsizetype maxBytes = EppFrameReader::DefaultMaxFrameSize;
    int maxDepth = 32;
    int maxElements = 4096;
    int maxAttributesPerElement = 16; // namespace declarations included
    qsizetype maxTextLength = 16 * 1024; // character data of one element, and any one attribute value
};

// The namespace every EPP message's root element <epp> must be in (RFC 5730 section 2).
inline constexpr QStringView EppNamespace = u"urn:ietf:params:xml:ns:epp-1.0";

// Parses one EPP message into an EppElement tree, refusing what a registrar's client never needs
// to send and an attacker would: any DOCTYPE (so no entity is ever declared or expanded, internal
// or external), processing instructions, encodings other than UTF-8, anything after the root
// element, and documents over the limits. It does not validate against the schemas and does not
// decide whether a command is known (2000): that is the command dispatcher's job, working on the
// tree. Every refusal is 2001 "Command syntax error" with a message saying what was wrong.
// Stateless apart from its limits; one per session or shared, on any thread.
class EppXmlReader
{
public:
    explicit EppXmlReader(EppXmlLimits limits = {}) : m_limits(limits) {}

    const EppXmlLimits &limits() const { return m_limits; }

    // The <epp> root element of xml.
    EppOutcome<EppElement> parse(QByteArrayView xml) const;

private:
    EppXmlLimits m_limits;
};

} // namespace reg::xrp
