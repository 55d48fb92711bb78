// Endpoint defined in endpoints.cpp, used in constants.cpp.
#pragma once

#include <string>

extern const char kArchiveUrl[];
extern const char* const kExportUrl;
extern const std::string kLabelUrl;

// Declared here, defined in no source of the program (it would come from a library
// linked in later): its value is not known.
extern const char kVendorUrl[];
