// Definitions of the extern constants declared in endpoints.h.
#include "endpoints.h"

extern const char kArchiveUrl[] = "https://archive.depot-partner.cn/upload";
extern const char* const kExportUrl = "https://export.depot-partner.de/upload";
extern const std::string kLabelUrl = "https://labels.depot-partner.cn/print";
