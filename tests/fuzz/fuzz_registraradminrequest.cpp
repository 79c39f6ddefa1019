// Fuzz target: the decoders of the registrar administration endpoints (JSON bodies, PEM bodies,
// path segments). Any input must give a value or an error, never a crash, hang or unbounded
// allocation. The first byte picks the decoder so one corpus covers them all.
#include "admin/registraradminrequests.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    namespace R = reg::admin::RegistrarAdminRequests;
    switch (data[0] % 8) {
    case 0: (void)R::parseCreateRegistrar(input); break;
    case 1: (void)R::parseRegistrarUser(input); break;
    case 2: (void)R::parseCertificate("application/x-pem-file", input); break;
    case 3: (void)R::parseCertificate("application/json", input); break;
    case 4: (void)R::parseAddress(input); break;
    case 5: (void)R::parsePayment(input); break;
    case 6: (void)R::parseAccountUpdate(input); break;
    case 7: (void)R::parseRegistrarId(QString::fromUtf8(input)); (void)R::parseRegistrarUserId(QString::fromUtf8(input)); break;
    }
    return 0;
}
