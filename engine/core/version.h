#pragma once

namespace reg {

inline constexpr const char registryVersion[] = REGISTRY_VERSION;

} // namespace reg
