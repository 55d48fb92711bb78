#pragma once

namespace egress {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace egress
