// Helpers shared by the suite runners.
#pragma once

#include <filesystem>
#include <string>

#include "jsonsieve/jsonsieve.h"

std::string read_file(const std::filesystem::path& path);
std::string to_text(const jsonsieve::Json& value);
