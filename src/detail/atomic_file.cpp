// routemap::detail is not public API; this file implements routemap::write_file_atomically.
// The text goes to a temporary file in the target's directory (so that the rename cannot cross a
// file system), is flushed to disk, and is then renamed over the target: readers see either the old
// file or the new one, and a failure at any step leaves the old file as it was.

#include <routemap/assessment_io.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <routemap/error.hpp>

namespace routemap {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what, int error) {
    throw IoError("cannot write '" + file.string() + "': " + what + ": " + std::strerror(error),
                  SourceLocation{file.string(), 0, 0});
}

// The permissions a newly created file gets (0666 less the umask), without changing the umask,
// which is process-wide: read it from /proc (Linux 4.7 and later), else assume 022.
mode_t new_file_mode() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            try {
                return static_cast<mode_t>(0666 & ~std::stoul(line.substr(6), nullptr, 8));
            } catch (...) {
                break;
            }
        }
    }
    return 0644;
}

bool write_all(int fd, std::string_view contents) {
    while (!contents.empty()) {
        const auto written = ::write(fd, contents.data(), contents.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        contents.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& file, std::string_view contents) {
    if (file.filename().empty()) throw IoError("cannot write '" + file.string() + "': not a file name");
    const auto directory = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    const std::string pattern = (directory / ("." + file.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');

    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail(file, "cannot create a temporary file in '" + directory.string() + "'", errno);
    const std::string temporary(name.data());
    auto abandon = [&](const std::string& what, int error) {
        ::close(fd);
        ::unlink(temporary.c_str());
        fail(file, what, error);
    };

    // Keep the permissions of the file being replaced; a new file gets the usual ones (mkstemp uses 0600).
    struct stat existing {};
    const mode_t mode = ::stat(file.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) ? existing.st_mode & 07777
                                                                                        : new_file_mode();
    if (::fchmod(fd, mode) != 0) abandon("cannot set the permissions of '" + temporary + "'", errno);
    if (!write_all(fd, contents)) abandon("cannot write '" + temporary + "'", errno);
    if (::fsync(fd) != 0) abandon("cannot flush '" + temporary + "'", errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(file, "cannot close '" + temporary + "'", error);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(file, "cannot replace it with '" + temporary + "'", error);
    }
    // Make the rename itself durable; a failure here does not undo the write, so it is not reported.
    const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace routemap
