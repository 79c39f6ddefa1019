// Fuzz target: the EPP XML reader with its default limits. Any input must give either a tree
// rooted at {urn:ietf:params:xml:ns:epp-1.0}epp that respects the limits, or a 2001 refusal.
#include "xrp/eppxmlreader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

int depthOf(const reg::xrp::EppElement &element, int &count)
{
    ++count;
    int deepest = 0;
    for (const reg::xrp::EppElement &child : element.children())
        deepest = std::max(deepest, depthOf(child, count));
    return deepest + 1;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const reg::xrp::EppXmlReader reader;
    const auto parsed = reader.parse(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!parsed.ok()) {
        if (parsed.error().result != reg::xrp::EppResult::CommandSyntaxError || parsed.error().message.isEmpty())
            std::abort();
        return 0;
    }
    if (!parsed->is(reg::xrp::EppNamespace, u"epp"))
        std::abort();
    int count = 0;
    if (depthOf(*parsed, count) > reader.limits().maxDepth || count > reader.limits().maxElements)
        std::abort();
    return 0;
}
