#pragma once
// routemap::detail is not public API.
// Reading an input file whole, safely: only a regular file (a FIFO would block forever, a device
// would never end), at most limits::max_file_bytes, and every failure an IoError that says what
// happened (a symlink loop is not "no such file"; a read error is not an empty file).

#include <string>

namespace routemap::detail {

// Throws IoError naming the file and the reason.
std::string read_text_file(const std::string& path);

}  // namespace routemap::detail
