// The program's own HTTP helpers; every one takes where to send as a parameter.
#pragma once

#include <string>

void post_body(const std::string& url, const std::string& body);
void post_to_host(const std::string& host, const std::string& body);
void post_event(const char* base, const std::string& body);
