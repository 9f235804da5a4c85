#pragma once
// routemap::detail is not public API.
// Reading an input file whole, safely: only a regular file (a FIFO would block forever, a device
// would never end), at most limits::max_file_bytes, and every failure an IoError that says what
// happened (a symlink loop is not "no such file"; a read error is not an empty file).

#include <cstddef>
#include <string>

namespace routemap::detail {

// Throws IoError naming the file and the reason.
std::string read_text_file(const std::string& path);

enum class ReadEnd { whole, too_big, failed };
// Reads an open file to its end straight into `out` (no buffer copied from): sized first for
// `expected` bytes (fstat's size), grown if the file grows while read. More than `most` bytes is
// too_big; a read error is failed, with errno set. Shared by read_text_file and the framework cache.
ReadEnd read_to_end(int fd, std::size_t expected, std::size_t most, std::string& out);

}  // namespace routemap::detail
