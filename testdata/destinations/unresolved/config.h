// The program's configuration: values come from a file read at run time.
#pragma once

#include <string>

struct Config;
std::string config_value(const Config& cfg, const std::string& key);
