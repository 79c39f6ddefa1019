#pragma once

#include "srs/contact.h"

namespace reg::directory {

// Which of a contact's details may be published, from the privacy level its registrant chose
// (seed 001): unrestricted shows everything; restricted shows the name (with the organisation)
// and the postal address only; private shows no personal details at all. Name servers, registrar,
// dates and statuses of the object are never affected. Whois omits what is not disclosed and says
// so; RDAP removes it and declares each removal in "redacted" (RFC 9537).
struct ContactDisclosure
{
    bool name = false;
    bool org = false;
    bool address = false;            // street, city, sp, pc, cc
    bool voice = false;
    bool fax = false;
    bool email = false;

    static ContactDisclosure forLevel(srs::PrivacyLevel level);
    bool anythingHidden() const { return !(name && org && address && voice && fax && email); }
};

} // namespace reg::directory
