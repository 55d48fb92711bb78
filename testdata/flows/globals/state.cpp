// Definitions of the shared globals.
#include "state.h"

char g_wire_buf[256];
std::string Session::s_phone;
std::string Session::s_token;
namespace outbox {
std::string pending_addr;
}
namespace eu {
std::string pending;
}
namespace audit {
std::string pending;
}
OutboxEntry g_entry;
Selection g_selection;
Label g_label;
const std::string* g_active_text = nullptr;
std::string g_dest;
std::size_t g_email_len = 0;
